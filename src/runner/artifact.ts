// What a build produced: bytes and file count (directories walked), a SHA-256 of what ships, split debug info
// beside it, and the biggest entries inside.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ArtifactInfo } from '../results/schema.ts';
import { ConfinementError, resolveInside } from './confine.ts';
import { walkTree } from '../common/walk-files.ts';

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
  return { path: opts.rel, kind: 'dir', ...(await measureTree(full)) };
}

/**
 * A folder as a user ships it. The digest covers, in path order, every folder (its mode), every regular file
 * (mode and content), every symlink (where it points: two builds differing only in a link's target differ) and
 * every further name of a hard-linked file (which name it shares). `files` counts regular files and symlinks;
 * `bytes` counts each inode once (a file hard-linked under two names is on disk once) and a symlink as 0.
 */
async function measureTree(root: string): Promise<Omit<ArtifactInfo, 'path' | 'kind'>> {
  const hash = createHash('sha256');
  const firstName = new Map<string, string>();
  const sized: { path: string; bytes: number }[] = [];
  let bytes = 0;
  let debugBytes = 0;
  let files = 0;
  let symlinks = 0;
  let hardLinks = 0;
  for (const entry of await walkTree(root)) {
    const rel = path.relative(root, entry.path);
    if (entry.kind === 'dir') hash.update(`D ${entry.mode.toString(8)} ${rel}\n`);
    else if (entry.kind === 'symlink') {
      files++;
      symlinks++;
      hash.update(`L ${rel}\0${entry.target}\n`);
    } else {
      files++;
      const first = firstName.get(entry.inode);
      if (first !== undefined) {
        hardLinks++;
        hash.update(`H ${rel}\0${first}\n`);
        continue;
      }
      firstName.set(entry.inode, rel);
      bytes += entry.bytes;
      if (/\.(dwo|dwp|debug)$/.test(rel)) debugBytes += entry.bytes;
      sized.push({ path: rel, bytes: entry.bytes });
      hash.update(`F ${entry.mode.toString(8)} ${rel}\0${await hashFile(entry.path)}\n`);
    }
  }
  const largest = sized.sort((a, b) => b.bytes - a.bytes).slice(0, LARGEST);
  return { bytes, files, sha256: hash.digest('hex'), debugBytes, largest, ...(symlinks > 0 ? { symlinks } : {}), ...(hardLinks > 0 ? { hardLinks } : {}) };
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
