// Starting a build whose clock starts after the harness's own preparations. Moving a process into a cgroup
// costs 10–20 ms on this machine's kernel (writing cgroup.procs waits for an RCU grace period; measured: `sh -c
// 'echo $$ > cgroup.procs'` 22–36 ms against 10–16 ms for `sh -c true`), far too much to sit inside a 20 ms
// build's wall time. So the build's first process is a small shell that enters the build's cgroup, says so on
// fd 3, closes it, and waits for one line on stdin; the harness starts the clock and sends the line; the shell
// points stdin at /dev/null and execs the build's own command line (`sh -c`). A `wrapper` (GNU time, which
// measures the rusage of what it waits for) is started around the held shell, so its exec and fork happen before
// the clock too: after go(), the chain is the one hyperfine times (sh -c, then the command), plus the wrapper's
// exit. Under load each process start in the timed path cost a scheduler wait: a 20 ms Python import read
// 1.3–1.6× hyperfine's at load ~18 with GNU time forked after go() (bench/harness/footprint.bench.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import type { BuildCgroup } from './cgroup.ts';

const HOLD = 'echo >&3; exec 3>&-; read _; exec 0</dev/null; exec "$@"';

/** A build started and held before its command: `go()` lets it run; `ready` false when it ended or failed first. */
export interface HeldChild {
  child: ChildProcess;
  /** True once the shell is in its cgroup and waiting; false when it could not start or ended before. */
  ready: Promise<boolean>;
  /** Let the build run (call right after starting the clock). */
  go: () => void;
}

/**
 * Spawns `argv` (its first element the program) detached, as the leader of a new process group, in `cgroup`
 * when given, with stdin /dev/null and the given stdout and stderr descriptors, held before exec until `go()`.
 * `wrapper` (a program and its arguments, e.g. GNU time) runs the held shell and is the group's leader; it is
 * not in the cgroup. A command that cannot start at all (a missing cwd) is the child's `error` event, as with
 * spawn().
 */
export function spawnHeld(opts: { argv: string[]; wrapper?: string[]; cwd: string; env: NodeJS.ProcessEnv; stdout: number; stderr: number; cgroup?: BuildCgroup }): HeldChild {
  const script = `${opts.cgroup?.enterScript() ?? ''}${HOLD}`;
  const [file, ...args] = [...(opts.wrapper ?? []), 'sh', '-c', script, 'buildbench', ...opts.argv];
  const child = spawn(file!, args, {
    cwd: opts.cwd,
    env: opts.env,
    detached: true, // its own process group, with the child as leader
    stdio: ['pipe', opts.stdout, opts.stderr, 'pipe'],
  });
  const stdin = child.stdio[0] as Writable;
  const signal = child.stdio[3] as Readable | null;
  stdin.on('error', () => {}); // the shell died before reading its line: its exit says why
  const ready = new Promise<boolean>((resolve) => {
    if (!signal) return resolve(false);
    signal.once('data', () => resolve(true));
    signal.once('end', () => resolve(false));
    signal.on('error', () => resolve(false));
    child.once('error', () => resolve(false));
  });
  void ready.then(() => signal?.destroy());
  return { child, ready, go: () => stdin.end('\n') };
}
