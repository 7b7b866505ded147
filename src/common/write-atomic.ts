// Files a reader may open at any moment (results.json after every sample, reports rewritten in place) are
// written to a temporary name beside them and renamed over the old file: rename(2) within one file system is
// atomic, so a reader never sees half a file and a crash or an interruption leaves the previous version whole.
// The temporary name is `<file>.<pid>.tmp`, so the files a killed process left behind can be recognised by
// name and removed (isTemporaryOf). npm's write-file-atomic and atomically name their temporaries by a hash and
// install exit hooks over SIGINT/SIGTERM, which this harness handles itself; hence this short writer.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The temporary file `file` is written to before the rename: `<file>.<pid>.tmp`. */
export function temporaryOf(file: string, pid = process.pid): string {
  return `${file}.${pid}.tmp`;
}

/** True when `name` (a file name, no folder) is a temporary of the file named `base`, left by any process. */
export function isTemporaryOf(base: string, name: string): boolean {
  return name.startsWith(`${base}.`) && /^\.\d+\.tmp$/.test(name.slice(base.length));
}

/**
 * Write `content` to `file` atomically, creating its folder; resolves to `file`. Rejects with the file
 * system's error (ENOSPC, EACCES …) after removing the temporary; the old `file`, if any, is untouched.
 */
export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = temporaryOf(file);
  try {
    await writeFile(temporary, content);
    await rename(temporary, file);
  } catch (err) {
    await rm(temporary, { force: true });
    throw err;
  }
  return file;
}

/** writeFileAtomic, synchronously: for writes that must be on disk before the caller goes on (an interrupt). */
export function writeFileAtomicSync(file: string, content: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = temporaryOf(file);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  } catch (err) {
    rmSync(temporary, { force: true });
    throw err;
  }
}
