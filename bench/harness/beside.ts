// Load of our own beside a benchmark, for the harness benches: N busy loops, or N loops of a real compile (gcc -O2
// on a generated C file, about 0.4 s each here, again and again: other builds on the machine, with their process
// starts, file reads and writes). Each loop runs in a session of its own, as other work on a machine does: with
// the scheduler's autogroups (Linux sched_autogroup_enabled) a loop in the bench's session would share a group
// with hyperfine's commands but not with buildbench's builds, which run in sessions of their own.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type Beside = 'loops' | 'builds';

/** `--beside` checked: loops or builds; throws with the flag's name otherwise. */
export function besideOf(value: string | undefined): Beside {
  if (value !== 'loops' && value !== 'builds') throw new Error(`--beside must be loops or builds, got ${value}`);
  return value;
}

/** A C file gcc -O2 takes about 0.4 s on here: many small functions, each with a loop to optimise. */
function writeCompileUnit(dir: string): string {
  const file = path.join(dir, 'unit.c');
  const fns = Array.from({ length: 120 }, (_, i) => `int f${i}(int *a, int n) { int s = ${i}; for (int j = 0; j < n; j++) s += a[j] * ${i % 7} + (s >> 3); return s; }`);
  writeFileSync(file, `${fns.join('\n')}\n`);
  return file;
}

/** Starts `count` loops (`pin`: loop i pinned to CPU i by taskset); `dir` holds the compile unit. Stop them with stopLoad. */
export function startLoad(opts: { beside: Beside; count: number; pin?: boolean; dir: string }): ChildProcess[] {
  const cpus = os.cpus().length;
  const loop = opts.beside === 'builds' ? `while :; do gcc -O2 -c '${writeCompileUnit(opts.dir)}' -o /dev/null; done` : 'while :; do :; done';
  return Array.from({ length: opts.count }, (_, i) =>
    opts.pin ? spawn('taskset', ['-c', String(i % cpus), 'sh', '-c', loop], { stdio: 'ignore', detached: true }) : spawn('sh', ['-c', loop], { stdio: 'ignore', detached: true }),
  );
}

/** Kills each loop's whole session. */
export function stopLoad(load: ChildProcess[]): void {
  for (const h of load) if (h.pid) try { process.kill(-h.pid, 'SIGKILL'); } catch { /* already gone */ }
}

/** What the load is, in words: "2 gcc -O2 loops, one pinned to each CPU in turn". */
export function loadWords(opts: { beside: Beside; count: number; pin?: boolean }): string {
  return `${opts.count} ${opts.beside === 'builds' ? 'gcc -O2 loops' : 'busy loops'}${opts.pin ? ', one pinned to each CPU in turn' : ''}`;
}
