// Grouping the files of a frozen Python app into top-level packages, the unit a team can act on
// ("pygments: 1.6 MB"). Shared by the PyInstaller, PEX and shiv readers.

export interface PackageSize {
  /** Top-level import name ("pygments"), a top-level file ("libpython3.11.so.1.0"), or "(bootstrap)". */
  name: string;
  /** Bytes as shipped (compressed inside an archive, on disk otherwise). */
  bytes: number;
  files: number;
  /** The distribution it came from, when the layout says so (a PEX's `.deps/<wheel>`). */
  distribution?: string;
}

export interface ArchiveContents {
  packager: 'pyinstaller' | 'pex' | 'shiv' | 'zipapp';
  shape: string;
  /** Bytes of the artifact (the file, or the sum over the directory). */
  totalBytes: number;
  /** Largest first. */
  packages: PackageSize[];
}

/** One shipped item: a file path ("pygments/lexers/python.py") or a dotted module ("pygments.lexers"). */
export interface ShippedItem {
  path: string;
  bytes: number;
  distribution?: string;
}

const MODULE_SUFFIX = /\.(?:py|pyc|pyi|pyd|(?:cpython|pypy)[\w.-]*\.so|abi3\.so)$/;
const DIST_INFO = /^(.+?)-[^-]+\.(?:dist-info|egg-info)$/;

/** Lower-case, runs of -_. as one underscore (PEP 503 normalisation, with _ so it compares to import names). */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '_');
}

/**
 * The top-level name of a shipped path: its first directory ("pygments/…" → pygments, "numpy.libs/…" →
 * numpy, "python3.11/lib-dynload/…" → python3.11/lib-dynload), or a module file without its suffix
 * ("six.py" → six), or the file itself ("libcrypto.so.3").
 */
export function topLevelName(path: string): string {
  const parts = path.split('/').filter((p) => p !== '');
  const first = parts[0] ?? path;
  // mypyc-compiled packages (black, mypy) share one extension named by a hash: "85cae5375ceb5d1ca6c6__mypyc".
  if (parts.length === 1) return first.replace(MODULE_SUFFIX, '').replace(/^[0-9a-f]{8,}__mypyc$/, '(mypyc runtime)');
  if (/^python\d/.test(first) && parts[1] === 'lib-dynload') return `${first}/lib-dynload`;
  return first.replace(/\.(?:libs|dylibs)$/, '');
}

/** Sums items by top-level name; metadata dirs (X-1.0.dist-info) join the package of the same name. */
export function groupPackages(items: readonly ShippedItem[]): PackageSize[] {
  const groups = new Map<string, PackageSize>();
  const metadata: PackageSize[] = [];
  for (const item of items) {
    const name = topLevelName(item.path);
    const dist = DIST_INFO.exec(name);
    const key = dist ? `\0${name}` : name;
    const group = groups.get(key) ?? { name, bytes: 0, files: 0 };
    group.bytes += item.bytes;
    group.files += 1;
    if (item.distribution) group.distribution = item.distribution;
    if (!groups.has(key)) {
      groups.set(key, group);
      if (dist) metadata.push(group);
    }
  }
  const byNormal = new Map([...groups.values()].filter((g) => !DIST_INFO.test(g.name)).map((g) => [normalizeName(g.name), g]));
  for (const meta of metadata) {
    const owner = byNormal.get(normalizeName(DIST_INFO.exec(meta.name)![1]!));
    if (!owner) continue;
    owner.bytes += meta.bytes;
    owner.files += meta.files;
    groups.delete(`\0${meta.name}`);
  }
  return [...groups.values()].sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name));
}

/** Items from a PYZ: dotted module names, grouped by their first component. */
export function pyzItems(entries: readonly { name: string; bytes: number }[]): ShippedItem[] {
  return entries.map((e) => ({ path: e.name.replaceAll('.', '/'), bytes: e.bytes }));
}
