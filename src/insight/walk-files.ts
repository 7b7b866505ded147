// Every regular file under a directory with its size (symlinks are not followed: they ship as links).
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface FileSize {
  path: string;
  bytes: number;
}

export async function walkFiles(dir: string): Promise<FileSize[]> {
  const out: FileSize[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walkFiles(path)));
    else if (entry.isFile()) out.push({ path, bytes: (await stat(path)).size });
  }
  return out;
}
