// The lock of a folder shared between buildbench processes: a live owner is named (pid, command, since), a lock
// of a dead pid is taken over, and a waiter gets the lock when its owner lets go.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeOwner, tryLock, waitForLock, type LockOwner } from '../../src/common/lock-file.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const dir = tempDir('bb-lock-');
const owner = (pid: number): LockOwner => ({ pid, command: 'buildbench run a.yaml', startedAt: '2026-12-06T04:00:00.000Z' });

describe('lock files', () => {
  it('names the live owner and takes over the lock of a dead one', () => {
    const file = path.join(dir, 'live.lock');
    const sleeper = spawn('sleep', ['30']);
    writeFileSync(file, JSON.stringify(owner(sleeper.pid!)));
    const held = tryLock(file);
    expect(held.owner && describeOwner(held.owner)).toBe(`pid ${sleeper.pid}, "buildbench run a.yaml", since 2026-12-06T04:00:00.000Z`);
    sleeper.kill();

    const dead = spawnSync('true').pid; // a process that has exited: its lock is stale
    const stale = path.join(dir, 'stale.lock');
    writeFileSync(stale, JSON.stringify(owner(dead)));
    const taken = tryLock(stale);
    expect(JSON.parse(readFileSync(stale, 'utf8'))).toMatchObject({ pid: process.pid });
    taken.release!();
    expect(existsSync(stale)).toBe(false);
  });

  it('a waiter is told the owner once and gets the lock when it is released', async () => {
    const file = path.join(dir, 'wait.lock');
    const first = tryLock(file);
    const sleeper = spawn('sleep', ['30']);
    // Held by another live process: rewrite the owner as the sleeper, release by removing the file.
    writeFileSync(file, JSON.stringify(owner(sleeper.pid!)));
    const told: number[] = [];
    const waiting = waitForLock({ file, onWait: (o) => told.push(o.pid), pollMs: 20 });
    await new Promise((r) => setTimeout(r, 100));
    first.release!();
    const release = await waiting;
    sleeper.kill();
    expect(told).toEqual([sleeper.pid]);
    expect(typeof release).toBe('function');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid, command: expect.stringMatching(/^buildbench/) });
    (release as () => void)();
  });
});
