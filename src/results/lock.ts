// One run per out dir: a lock file holding the owner's pid (common/lock-file.ts). A second run into the same
// folder is refused with a clear message; a lock whose process is gone is stale and taken over.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../common/problem.ts';
import { tryLock } from '../common/lock-file.ts';

const LOCK = '.buildbench.lock';

/** Take the out dir's lock; returns the function that releases it. Errors: InputError naming the live owner. */
export function acquireOutDirLock(outDir: string): () => void {
  mkdirSync(outDir, { recursive: true });
  const got = tryLock(path.join(outDir, LOCK));
  if (got.release) return got.release;
  const { pid, startedAt } = got.owner;
  throw new InputError([{ file: outDir, message: `another buildbench run (pid ${pid}, started ${startedAt}) is writing to this folder; choose another --out` }]);
}
