// Every entry under a directory, sorted by path: regular files with their size and inode, symlinks with their
// target (never followed: they ship as links, and following one could walk out of the folder), and folders.
// A file or folder that vanishes during the walk (an app deleting its temp files while it runs) is skipped;
// a missing root is an empty list.
import { lstat, readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';

export interface FileSize {
  /** Absolute when `dir` is. */
  path: string;
  bytes: number;
}

/** One entry of a tree; `inode` is `dev:ino`, so hard links to one file share it. */
export type TreeEntry =
  | { kind: 'file'; path: string; bytes: number; mode: number; inode: string }
  | { kind: 'symlink'; path: string; target: string }
  | { kind: 'dir'; path: string; mode: number };

/**
 * Every entry under `dir` (not `dir` itself), sorted by path, with paths joined onto `dir`; sizes in bytes.
 * Symlinks are never followed; an entry that vanishes during the walk is skipped and a missing `dir` is `[]`.
 * Rejects on any other file system error (EACCES …).
 */
export async function walkTree(dir: string): Promise<TreeEntry[]> {
  const out: TreeEntry[] = [];
  const visit = async (folder: string) => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(ifVanished([]));
    for (const entry of entries) {
      const full = join(folder, entry.name);
      const stat = await lstat(full).catch(ifVanished(null));
      if (!stat) continue;
      if (stat.isDirectory()) {
        out.push({ kind: 'dir', path: full, mode: stat.mode & 0o7777 });
        await visit(full);
      } else if (stat.isFile()) out.push({ kind: 'file', path: full, bytes: stat.size, mode: stat.mode & 0o7777, inode: `${stat.dev}:${stat.ino}` });
      else if (stat.isSymbolicLink()) {
        const target = await readlink(full).catch(ifVanished(null));
        if (target !== null) out.push({ kind: 'symlink', path: full, target });
      }
    }
  };
  await visit(dir);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Every regular file under `dir` with its size in bytes, sorted by path (walkTree's rules: links not followed, a missing `dir` is `[]`). */
export async function walkFiles(dir: string): Promise<FileSize[]> {
  return (await walkTree(dir)).flatMap((e) => (e.kind === 'file' ? [{ path: e.path, bytes: e.bytes }] : []));
}

/** Bytes the regular files under `dir` hold (their sizes, not blocks): a file hard-linked under several names counts once; 0 for a missing `dir`. */
export async function dirBytes(dir: string): Promise<number> {
  const seen = new Set<string>();
  let bytes = 0;
  for (const e of await walkTree(dir)) {
    if (e.kind !== 'file' || seen.has(e.inode)) continue;
    seen.add(e.inode);
    bytes += e.bytes;
  }
  return bytes;
}

function ifVanished<T>(fallback: T) {
  return (error: NodeJS.ErrnoException): T => {
    if (error.code === 'ENOENT') return fallback;
    throw error;
  };
}
