// A run started through a wrapper must stop when the wrapper is stopped. `npm run bench` and `npx buildbench`
// run us under `sh -c` and forward no SIGINT or SIGTERM sent to npm's own pid (`kill`, a supervisor, some CI
// cancels): npm exits 130/143 at once and we would build on, orphaned. So the CLI watches who started it — its
// parent, and above a `sh -c` that only waits for us, that shell's parent too — and treats the death of any of
// them as a SIGTERM. A run whose SIGHUP is ignored (nohup) was meant to outlive its parent and is not watched.
import { readFileSync } from 'node:fs';

const POLL_MS = 500;

interface Watched {
  pid: number;
  /** Start time from /proc/<pid>/stat (clock ticks since boot): a pid reused by a new process does not match. */
  start: string;
}

function stat(pid: number): { state: string; ppid: number; start: string } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // After the name: state(0) ppid(1) … starttime is field 22 of stat (proc(5)), index 19 here.
    return { state: fields[0]!, ppid: Number(fields[1]), start: fields[19]! };
  } catch {
    return undefined;
  }
}

function cmdline(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

/** `sh -c …` (dash, bash, …): a shell that runs a command for someone else and waits for it. */
function isCommandShell(pid: number): boolean {
  const [shell, flag] = cmdline(pid);
  return /(^|\/)(sh|dash|bash|zsh|ash)$/.test(shell ?? '') && flag === '-c';
}

function sighupIgnored(): boolean {
  try {
    const mask = /^SigIgn:\s*([0-9a-f]+)$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return mask !== undefined && (BigInt(`0x${mask}`) & 1n) === 1n; // bit 0 is signal 1, SIGHUP
  } catch {
    return false;
  }
}

/** The processes whose death means "stop": the parent, and the parent of each `sh -c` on the way up. */
export function startersOf(pid: number): Watched[] {
  const watched: Watched[] = [];
  let current = stat(pid)?.ppid;
  while (current !== undefined && current > 1) {
    const info = stat(current);
    if (!info) break;
    watched.push({ pid: current, start: info.start });
    if (!isCommandShell(current)) break;
    current = info.ppid;
  }
  return watched;
}

/** Still running: the same process (not a reused pid) and not a zombie waiting to be reaped. */
function isAlive(w: Watched): boolean {
  const now = stat(w.pid);
  return now !== undefined && now.start === w.start && now.state !== 'Z' && now.state !== 'X';
}

/** Call `onGone` once when a process that started this one has died; returns the function that stops watching. */
export function watchStarters(onGone: () => void): () => void {
  if (process.platform !== 'linux' || sighupIgnored()) return () => {};
  const watched = startersOf(process.pid);
  const timer = setInterval(() => {
    if (watched.every((w) => isAlive(w))) return;
    clearInterval(timer);
    // Whoever read our output may be gone with it: a write to a closed pipe must not end the run uncleanly.
    for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
    onGone();
  }, POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
