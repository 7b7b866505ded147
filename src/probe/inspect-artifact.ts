// Everything the artifact tells: its toolchain fingerprint against the declared intent, the heaviest
// packages inside a frozen Python app and the dev-only ones it should not ship, and for a Rust app the
// number of crates compiled in two versions.
import { existsSync, lstatSync, realpathSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { ArtifactInfo } from '../results/schema.ts';
import type { Expect } from '../scenario/schema.ts';
import { cargoDuplicates } from './rust/cargo-duplicates.ts';
import { unusedDependencies } from './rust/cargo-machete.ts';
import { frozenContents } from './python/contents.ts';
import { fingerprintArtifact, type Fingerprint } from './fingerprint.ts';
import { unusedHeavyModules } from './python/unused-modules.ts';

export type ArtifactInsight = Pick<ArtifactInfo, 'fingerprint' | 'unused' | 'duplicateCrates' | 'unusedDependencies'> & {
  largest?: ArtifactInfo['largest'];
  debugBytes?: number;
};

const LARGEST = 10;

/** The results-file shape of a fingerprint: only the fields that were found. */
export function toArtifactFingerprint(fp: Fingerprint): NonNullable<ArtifactInfo['fingerprint']> {
  const { evidence: _evidence, dwoFiles: _dwoFiles, ...found } = fp;
  return Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined));
}

/** The folder holding the Cargo.lock of a workdir: itself, or a Tauri app's `src-tauri/`. */
export function findCargoRoot(workdir: string): string | null {
  return [workdir, join(workdir, 'src-tauri')].find((dir) => existsSync(join(dir, 'Cargo.lock'))) ?? null;
}

/**
 * Bytes of the `.dwo` files an unpacked binary names, counting only those inside the workdir (the paths come
 * from the artifact, so nothing outside is even looked at) and each once.
 */
export function dwoBytes(opts: { workdir: string; files: readonly string[] }): number {
  const root = realpathSync(opts.workdir);
  let bytes = 0;
  for (const file of opts.files) {
    if (!file.startsWith(root + sep)) continue;
    try {
      const stat = lstatSync(file);
      if (stat.isFile()) bytes += stat.size;
    } catch {
      // Named but gone (an older incremental session): not shipped with this build.
    }
  }
  return bytes;
}

export async function inspectArtifact(opts: {
  workdir: string;
  artifact: Pick<ArtifactInfo, 'path' | 'kind'>;
  expect?: Expect;
  buildLog?: readonly string[];
  neverImported?: readonly string[];
  /** Skips `cargo tree` when the count is already known for this workdir (it does not change between samples). */
  duplicateCrates?: number;
}): Promise<ArtifactInsight> {
  if (opts.artifact.kind === 'missing') return {};
  const path = join(opts.workdir, opts.artifact.path);
  const fp = await fingerprintArtifact({ path, expect: opts.expect, buildLog: opts.buildLog });
  const out: ArtifactInsight = { fingerprint: toArtifactFingerprint(fp) };
  if (fp.dwoFiles) out.debugBytes = dwoBytes({ workdir: opts.workdir, files: fp.dwoFiles });
  if (fp.packager) {
    const contents = await frozenContents(path);
    if (contents) {
      out.largest = contents.packages.slice(0, LARGEST).map((p) => ({ path: p.name, bytes: p.bytes }));
      out.unused = unusedHeavyModules(contents, { neverImported: opts.neverImported }).map(({ module, bytes, suggestion }) => ({ module, bytes, suggestion }));
    }
  }
  if (fp.linker) {
    const root = findCargoRoot(opts.workdir);
    if (opts.duplicateCrates !== undefined) out.duplicateCrates = opts.duplicateCrates;
    else if (root) out.duplicateCrates = (await cargoDuplicates(root)).count;
    const unused = root ? await unusedDependencies(root) : null;
    if (unused && unused.length > 0) out.unusedDependencies = unused;
  }
  return out;
}
