// What a build produced: bytes and file count (directories walked), a SHA-256, split debug info beside it, and
// the biggest entries inside.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ArtifactInfo } from '../results/schema.ts';
import { ConfinementError, resolveInside } from './confine.ts';
import { walkFiles } from '../common/walk-files.ts';

const LARGEST = 10;
/** Split debug info that sits beside a binary: packed `.dwp`, a separate `.debug` file. */
const DEBUG_SIDE_SUFFIXES = ['.dwp', '.debug'];

export async function measureArtifact(opts: { workdir: string; rel: string }): Promise<ArtifactInfo> {
  const base = { path: opts.rel, debugBytes: 0, largest: [] as { path: string; bytes: number }[] };
  if (!existsSync(path.join(opts.workdir, opts.rel))) return { ...base, kind: 'missing', bytes: 0, files: 0, sha256: '' };
  // The artifact is read (hashed, walked): it, or the link it is, must lead to a file or folder of the workdir.
  const full = realpathSync(resolveInside(opts.workdir, opts.rel));
  const root = realpathSync(opts.workdir);
  if (full !== root && !full.startsWith(root + path.sep)) throw new ConfinementError(`artifact ${opts.rel} leads outside the workdir (${full})`);
  const stat = statSync(full);
  if (!stat.isFile() && !stat.isDirectory()) throw new Error(`artifact ${opts.rel} is neither a regular file nor a folder`);
  if (stat.isFile()) {
    const debugBytes = DEBUG_SIDE_SUFFIXES.map((s) => full + s)
      .filter((p) => existsSync(p))
      .reduce((sum, p) => sum + statSync(p).size, 0);
    return { ...base, kind: 'file', bytes: stat.size, files: 1, sha256: await hashFile(full), debugBytes };
  }
  const files = (await walkFiles(full)).map((f) => ({ path: path.relative(full, f.path), bytes: f.bytes }));
  const hash = createHash('sha256');
  let bytes = 0;
  let debugBytes = 0;
  for (const f of files) {
    bytes += f.bytes;
    if (/\.(dwo|dwp|debug)$/.test(f.path)) debugBytes += f.bytes;
    // A directory's hash covers every file's path and content, in a stable order.
    hash.update(`${f.path}\0${await hashFile(path.join(full, f.path))}\n`);
  }
  const largest = [...files].sort((a, b) => b.bytes - a.bytes).slice(0, LARGEST);
  return { ...base, kind: 'dir', bytes, files: files.length, sha256: hash.digest('hex'), debugBytes, largest };
}

function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (c) => hash.update(c))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}
