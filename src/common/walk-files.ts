// Every regular file under a directory with its size, sorted by path. Symlinks are not followed (they ship as
// links, and following one could walk out of the folder). A file or folder that vanishes during the walk (an
// app deleting its temp files while it runs) is skipped; a missing root is an empty list.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface FileSize {
  /** Absolute when `dir` is. */
  path: string;
  bytes: number;
}

export async function walkFiles(dir: string): Promise<FileSize[]> {
  const out: FileSize[] = [];
  const visit = async (folder: string) => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(ifVanished([]));
    for (const entry of entries) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) await visit(full);
      else if (entry.isFile()) {
        const size = await stat(full).then((s) => s.size, ifVanished(null));
        if (size !== null) out.push({ path: full, bytes: size });
      }
    }
  };
  await visit(dir);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Total bytes of the regular files under `dir`. */
export async function dirBytes(dir: string): Promise<number> {
  return (await walkFiles(dir)).reduce((sum, f) => sum + f.bytes, 0);
}

function ifVanished<T>(fallback: T) {
  return (error: NodeJS.ErrnoException): T => {
    if (error.code === 'ENOENT') return fallback;
    throw error;
  };
}
