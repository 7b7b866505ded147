// A folder shared between buildbench processes (a run's out dir, a dependency seed, the tool environment that
// `setup` fills) is changed by one of them at a time: a lock file beside it, created with O_EXCL (creation is
// the atomic test), holds the owner's pid, command line and start time, so a waiting process can say whom it
// waits for. A lock whose pid is gone is stale (a killed run) and taken over. Cargo does the same with its
// "Blocking waiting for file lock on build directory"; proper-lockfile judges staleness by the lock's mtime
// instead, which names no owner and needs a refresh timer, hence this small module.
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { asWriteError } from './write-atomic.ts';

/** Who holds a lock: its process id, the command line that process runs, and when it took the lock (ISO 8601). */
export interface LockOwner {
  pid: number;
  command: string;
  startedAt: string;
}

/** True when process `pid` exists (EPERM: it does, owned by another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** This process as a lock owner: `buildbench <its arguments>`. */
function ownerOfThisProcess(): LockOwner {
  return { pid: process.pid, command: ['buildbench', ...process.argv.slice(2)].join(' '), startedAt: new Date().toISOString() };
}

/** The owner written in lock `file`, or undefined when it is gone or unreadable (a half-written lock). */
export function readOwner(file: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' ? { pid: owner.pid, command: owner.command ?? '?', startedAt: owner.startedAt ?? '?' } : undefined;
  } catch {
    return undefined;
  }
}

/** An owner in words: `pid 4242, "buildbench run a.yaml", since 2026-12-06T04:40:00.000Z`. */
export function describeOwner(owner: LockOwner): string {
  return `pid ${owner.pid}, "${owner.command}", since ${owner.startedAt}`;
}

/**
 * Takes lock `file` when it is free or stale: returns the function that releases it, or the live owner that
 * holds it. A stale lock (its pid gone) is moved aside by rename before it is removed, so of two processes that
 * find it stale at once only one takes it over. Errors: WriteError when the file system refuses the lock (ENOSPC, EACCES, EROFS).
 */
export function tryLock(file: string): { release: () => void; owner?: undefined } | { owner: LockOwner; release?: undefined } {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      try {
        writeSync(fd, JSON.stringify(ownerOfThisProcess()));
      } catch (err) {
        rmSync(file, { force: true }); // a full disk: no empty lock left behind
        throw err;
      } finally {
        closeSync(fd);
      }
      return { release: () => rmSync(file, { force: true }) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw asWriteError(err, file, false);
    }
    const owner = readOwner(file);
    if (owner && owner.pid !== process.pid && isAlive(owner.pid)) return { owner };
    // An unreadable lock may be one being written this instant: look again before calling it stale.
    if (!owner && attempt === 0) continue;
    takeOverStale(file);
  }
  const owner = readOwner(file);
  return { owner: owner ?? { pid: 0, command: '?', startedAt: '?' } };
}

function takeOverStale(file: string): void {
  const aside = `${file}.stale.${process.pid}`;
  try {
    renameSync(file, aside); // only one process renames this file; the others find it gone and try to create
  } catch {
    return;
  }
  // Another process may have taken the stale lock over between our read and our rename: give its lock back.
  const moved = readOwner(aside);
  if (moved && moved.pid !== process.pid && isAlive(moved.pid)) {
    try {
      linkSync(aside, file);
    } catch {
      // a third process created the lock meanwhile: it holds it
    }
  }
  rmSync(aside, { force: true });
}

/**
 * Takes lock `file`, waiting while a live process holds it: `onWait` is told each new owner once (to say whom
 * it waits for), and the lock is looked at every `pollMs` (default 250 ms). Resolves to the release function,
 * or to 'interrupted' when `signal` aborts the wait.
 */
export async function waitForLock(opts: { file: string; onWait: (owner: LockOwner) => void; signal?: AbortSignal; pollMs?: number }): Promise<(() => void) | 'interrupted'> {
  let told: number | undefined;
  for (;;) {
    const got = tryLock(opts.file);
    if (got.release) return got.release;
    if (got.owner.pid !== told) opts.onWait(got.owner);
    told = got.owner.pid;
    if (opts.signal?.aborted) return 'interrupted';
    try {
      await sleep(opts.pollMs ?? 250, undefined, { signal: opts.signal });
    } catch {
      return 'interrupted';
    }
  }
}
