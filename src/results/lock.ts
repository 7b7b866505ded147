// One run per out dir: a lock file holding the owner's pid. A second run into the same folder is refused with
// a clear message; a lock whose process is gone is stale and taken over.
import { openSync, readFileSync, rmSync, writeSync, closeSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../common/problem.ts';

const LOCK = '.buildbench.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Take the out dir's lock; returns the function that releases it. */
export function acquireOutDirLock(outDir: string): () => void {
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx'); // fails if it exists: creation is the atomic test
      writeSync(fd, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let owner: { pid?: number; startedAt?: string } = {};
      try {
        owner = JSON.parse(readFileSync(file, 'utf8')) as typeof owner;
      } catch {
        // unreadable: treat as stale
      }
      if (owner.pid && owner.pid !== process.pid && alive(owner.pid)) {
        throw new InputError([{ file: outDir, message: `another buildbench run (pid ${owner.pid}, started ${owner.startedAt ?? '?'}) is writing to this folder; choose another --out` }]);
      }
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new InputError([{ file: outDir, message: 'could not take the lock of this folder' }]);
}
