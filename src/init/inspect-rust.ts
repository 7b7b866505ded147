// What `buildbench init` learns about Rust binaries: each Cargo.toml package's bins, whether a Cargo.lock pins
// it, and for a Tauri app its tauri.conf.json (the sidecars it bundles, the frontend folder it embeds).
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { readText } from './walk.ts';

export interface RustBin {
  /** Folder of the crate, relative to the inspected root ('' for the root). */
  dir: string;
  package: string;
  bin: string;
  /** The bin's main source file, relative to the root: the edit before each incremental sample. */
  main: string;
  /** The Cargo.lock in the crate's folder or above it (so --locked works), relative to the root. */
  lockfile?: string;
  /** More than one package in the workspace, or more than one bin: name them (-p, --bin). */
  tauri?: TauriApp;
}

export interface TauriApp {
  conf: string;
  productName?: string;
  /** app.windows[0].title: what the app's window is called once it is shown. */
  windowTitle?: string;
  /** bundle.externalBin entries, relative to the crate folder (`binaries/sidecar`). */
  externalBin: string[];
  /** build.frontendDist when it is a folder (relative to the crate folder), and whether it exists. */
  frontendDist?: { path: string; exists: boolean };
}

/** How a binary is named in prose: `the Tauri app Notes (binary app)`, never `the Tauri app app`. */
export function describeBin(b: RustBin): string {
  const product = b.tauri?.productName;
  if (!b.tauri) return `the Rust binary ${b.bin}`;
  return product ? `the Tauri app ${product}${product === b.bin ? '' : ` (binary ${b.bin})`}` : `the Tauri app built as the binary ${b.bin}`;
}

interface CargoManifest {
  package?: { name?: string };
  bin?: { name?: string; path?: string }[];
}

/** The binaries of every Cargo.toml among `files` (relative to `root`) with their main source, lockfile and Tauri config; manifests that do not parse are skipped. */
export function inspectRust(opts: { root: string; files: string[] }): RustBin[] {
  const { root, files } = opts;
  const bins: RustBin[] = [];
  for (const manifest of files.filter((f) => /(^|\/)Cargo\.toml$/.test(f))) {
    const dir = path.posix.dirname(manifest).replace(/^\.$/, '');
    const at = (rel: string) => (dir ? `${dir}/${rel}` : rel);
    let doc: CargoManifest;
    try {
      doc = parseToml(readText(root, manifest) ?? '') as CargoManifest;
    } catch {
      continue; // not a manifest cargo could read either
    }
    const name = doc.package?.name;
    if (!name) continue; // a virtual workspace: its members have their own manifests
    const declared = (doc.bin ?? []).filter((b) => b.name).map((b) => ({ bin: b.name!, main: at(b.path ?? `src/bin/${b.name}.rs`) }));
    const implicit = files.includes(at('src/main.rs')) && !declared.some((b) => b.main === at('src/main.rs')) ? [{ bin: name, main: at('src/main.rs') }] : [];
    const lockfile = lockfileOf({ files, dir });
    const tauri = files.includes(at('tauri.conf.json')) ? readTauri({ root, conf: at('tauri.conf.json'), dir }) : undefined;
    for (const b of [...implicit, ...declared]) bins.push({ dir, package: name, ...b, ...(lockfile ? { lockfile } : {}), ...(tauri ? { tauri } : {}) });
  }
  return bins;
}

function lockfileOf(opts: { files: string[]; dir: string }): string | undefined {
  for (let d = opts.dir; ; d = path.posix.dirname(d).replace(/^\.$/, '')) {
    const lock = d ? `${d}/Cargo.lock` : 'Cargo.lock';
    if (opts.files.includes(lock)) return lock;
    if (d === '') return undefined;
  }
}

function readTauri(opts: { root: string; conf: string; dir: string }): TauriApp {
  type Windows = { windows?: { title?: string }[] };
  type Bundle = { bundle?: { externalBin?: string[] } };
  // Tauri v2 keys, and v1's where they differ (tauri.bundle, tauri.windows, build.distDir, package.productName).
  let doc: { productName?: string; package?: { productName?: string }; app?: Windows; tauri?: Windows & Bundle; build?: { frontendDist?: string; distDir?: string } } & Bundle = {};
  try {
    doc = JSON.parse(readText(opts.root, opts.conf) ?? '{}');
  } catch {
    // tauri.conf.json that is not plain JSON: still a Tauri app, with nothing more known
  }
  const dist = doc.build?.frontendDist ?? doc.build?.distDir;
  const windows = doc.app?.windows ?? doc.tauri?.windows;
  const externalBin = doc.bundle?.externalBin ?? doc.tauri?.bundle?.externalBin;
  const isFolder = typeof dist === 'string' && !/^[a-z]+:\/\//.test(dist);
  const distRel = isFolder ? path.posix.normalize(path.posix.join(opts.dir, dist)) : undefined;
  return {
    conf: opts.conf,
    productName: doc.productName ?? doc.package?.productName,
    windowTitle: typeof windows?.[0]?.title === 'string' ? windows[0].title : undefined,
    externalBin: Array.isArray(externalBin) ? externalBin.filter((b) => typeof b === 'string') : [],
    ...(isFolder ? { frontendDist: { path: dist, exists: readText(opts.root, `${distRel}/index.html`) !== undefined } } : {}),
  };
}
