// One run per out dir: a lock file holding the owner's pid (common/lock-file.ts). A second run into the same
// folder is refused with a clear message; a lock whose process is gone is stale and taken over.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../common/problem.ts';
import { tryLock } from '../common/lock-file.ts';

const LOCK = '.buildbench.lock';

/** Take the out dir's lock, creating the folder; returns the function that releases it. Errors: InputError naming the live owner, or why the folder cannot be made. */
export function acquireOutDirLock(outDir: string): () => void {
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (err) {
    // A read-only project folder (the default out dir is reports/ under the current one), a full disk …
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EROFS' ? 'the file system is read-only' : (err as Error).message;
    throw new InputError([{ file: outDir, message: `cannot create the output folder: ${why} (${code}); choose another --out` }]);
  }
  const got = tryLock(path.join(outDir, LOCK));
  if (got.release) return got.release;
  const { pid, startedAt } = got.owner;
  throw new InputError([{ file: outDir, message: `another buildbench run (pid ${pid}, started ${startedAt}) is writing to this folder; choose another --out` }]);
}
