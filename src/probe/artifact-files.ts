// The artifact's files as the probe stage reads them: its biggest entries, and the bytes of split debug info
// that belong to it. Both need toolchain knowledge the runner does not have (a frozen app's packages replace
// the file list; an unpacked Rust binary's debug info is the `.dwo` files its skeleton units name, outside the
// artifact), so the probe stage is the one writer of `largest` and `debugBytes`; the runner measures what
// ships (bytes, files, digest) and leaves these two empty.
import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { ArtifactInfo } from '../results/schema.ts';
import { walkTree } from '../common/walk-files.ts';

/** How many entries `largest` lists. */
export const LARGEST = 10;
/** Split debug info beside a binary: packed DWARF (`.dwp`), a separate debug file (`objcopy --only-keep-debug`). */
const DEBUG_SIDE_SUFFIXES = ['.dwp', '.debug'];
/** Split debug info as a file of a folder artifact: DWARF objects, packages and separate debug files. */
const DEBUG_FILE = /\.(dwo|dwp|debug)$/;

/**
 * `largest`: a folder's biggest regular files (paths relative to it, bytes, largest first, at most LARGEST, a
 * hard-linked file once under its first name in path order); `[]` for a single file. `debugBytes`: the bytes
 * of the side files beside a file, the debug files inside a folder and the `dwoFiles` (absolute paths a
 * binary names) inside `workdir`, each inode counted once. Rejects only when the folder cannot be read.
 */
export async function readArtifactFiles(opts: {
  workdir: string;
  artifact: Pick<ArtifactInfo, 'path' | 'kind'>;
  dwoFiles?: readonly string[];
}): Promise<Pick<ArtifactInfo, 'largest' | 'debugBytes'>> {
  const full = path.join(opts.workdir, opts.artifact.path);
  const debug = new Map<string, number>();
  const count = (file: string) => {
    const stat = lstatSync(file, { throwIfNoEntry: false });
    if (stat?.isFile()) debug.set(`${stat.dev}:${stat.ino}`, stat.size);
  };
  let largest: ArtifactInfo['largest'] = [];
  if (opts.artifact.kind === 'dir') {
    const first = new Map<string, { path: string; bytes: number }>(); // a hard-linked file under its first name
    for (const e of await walkTree(full)) if (e.kind === 'file' && !first.has(e.inode)) first.set(e.inode, e);
    // A stable sort: equal sizes keep the walk's path order.
    largest = [...first.values()].map((f) => ({ path: path.relative(full, f.path), bytes: f.bytes })).sort((a, b) => b.bytes - a.bytes).slice(0, LARGEST);
    for (const [inode, f] of first) if (DEBUG_FILE.test(f.path)) debug.set(inode, f.bytes);
  } else if (opts.artifact.kind === 'file') {
    for (const suffix of DEBUG_SIDE_SUFFIXES) count(realpathSync(full) + suffix);
  }
  // The paths come from the artifact: only those inside the workdir are even looked at.
  const root = realpathSync(opts.workdir);
  for (const file of opts.dwoFiles ?? []) if (file.startsWith(root + path.sep)) count(file);
  return { largest, debugBytes: [...debug.values()].reduce((sum, b) => sum + b, 0) };
}
