// Files a reader may open at any moment (results.json after every sample, reports rewritten in place) are
// written to a temporary name beside them and renamed over the old file: rename(2) within one file system is
// atomic, so a reader never sees half a file and a crash or an interruption leaves the previous version whole.
// The temporary name is `<file>.<pid>.tmp`, so the files a killed process left behind can be recognised by
// name and removed (isTemporaryOf). npm's write-file-atomic and atomically name their temporaries by a hash and
// install exit hooks over SIGINT/SIGTERM, which this harness handles itself; hence this short writer.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Why the file system refused a write, in words, by its error code. */
const REFUSALS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is larger than this process may write (ulimit -f)',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/**
 * A file buildbench writes that could not be written: one sentence naming the file, why (by the file system's
 * code) and whether its previous version is kept, so the CLI prints it as it is (exit 1), never as an internal
 * error. `code` is the file system's (ENOSPC …).
 */
export class WriteError extends Error {
  readonly code: string;
  readonly file: string;
  constructor(opts: { file: string; cause: unknown; hadPrevious: boolean }) {
    const code = (opts.cause as NodeJS.ErrnoException).code ?? 'EIO';
    const why = REFUSALS[code] ?? (opts.cause as Error).message;
    super(`could not write ${opts.file}: ${why} (${code}); ${opts.hadPrevious ? 'its previous version is kept whole' : 'nothing was written there'}`);
    this.name = 'WriteError';
    this.code = code;
    this.file = opts.file;
  }
}

/** `err` as a WriteError of `file` when the file system refused the write, else `err` itself. */
export function asWriteError(err: unknown, file: string, hadPrevious = existsSync(file)): unknown {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code && code in REFUSALS && !(err instanceof WriteError) ? new WriteError({ file, cause: err, hadPrevious }) : err;
}

/** The temporary file `file` is written to before the rename: `<file>.<pid>.tmp`. */
export function temporaryOf(file: string, pid = process.pid): string {
  return `${file}.${pid}.tmp`;
}

/** True when `name` (a file name, no folder) is a temporary of the file named `base`, left by any process. */
export function isTemporaryOf(base: string, name: string): boolean {
  return name.startsWith(`${base}.`) && /^\.\d+\.tmp$/.test(name.slice(base.length));
}

/**
 * Write `content` to `file` atomically, creating its folder; resolves to `file`. Rejects with a WriteError
 * (ENOSPC, EACCES, EROFS, EFBIG …; else the file system's own error) after removing the temporary; the old
 * `file`, if any, is untouched.
 */
export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = temporaryOf(file);
  try {
    await writeFile(temporary, content);
    await rename(temporary, file);
  } catch (err) {
    await rm(temporary, { force: true });
    throw asWriteError(err, file);
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
    throw asWriteError(err, file);
  }
}
