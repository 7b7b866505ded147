// Run one command as its own process group and measure it: wall time on the monotonic clock, CPU and the
// largest process's peak RSS from GNU time (getrusage of the waited tree), the whole tree's peak RSS sampled
// from /proc, the exit code, and the output: written by the build straight into its log file, read from
// there into lines with the time each was seen (build-log.ts).
// A timeout or an abort kills the whole group, TERM then KILL (execa's timeout alone leaves grandchildren
// alive: FACTS.md). Afterwards every process of the build's cgroup is killed (cgroup.ts: a daemon that left the
// group with setsid and the marker with env -i included); where no cgroup could be made, every process still
// in the group or carrying this build's marker. The build inherits no descriptor beyond 0–2 (fds.ts).
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import type { TimedLine } from '../common/timed-line.ts';
import { BuildLog } from './build-log.ts';
import { GroupRssSampler } from './proc.ts';
import { snapshotMachine, type MachineSnapshot } from './interference.ts';
import { killMarked, killGroup, listLeftovers, MARKER_ENV, type Leftovers } from './kill.ts';
import { BuildCgroup } from './cgroup.ts';
import { closeInheritedFds } from './fds.ts';
import { spawnHeld, type HeldChild } from './held-spawn.ts';
import { folderProblem } from './confine.ts';

export const GNU_TIME = '/usr/bin/time';

export interface GroupRunOptions {
  command: string;
  cwd: string;
  env: Record<string, string | undefined>;
  logFile: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Keep every output line with its time (for phases and cache checks); otherwise only the tail. */
  keepLines?: boolean;
  /** Byte cap of the log file (head and tail kept). */
  logCapBytes?: number;
}

export interface GroupRunResult {
  wallMs: number;
  userMs: number;
  sysMs: number;
  maxRssKb: number;
  treeRssKb: number;
  exitCode: number | null;
  signal?: string;
  timedOut: boolean;
  aborted: boolean;
  /** Set when the command could not be started at all. */
  spawnError?: string;
  tail: string[];
  lines: TimedLine[];
  /** Processes the build left running when its leader exited, killed by the harness. */
  leftovers: Leftovers;
  /** How they were found and ended: the build's own cgroup, or the process-group and marker scan (cgroup.ts); absent when nothing started. */
  cleanup?: 'cgroup' | 'scan';
  /** CPU of every process that ran in the build's cgroup (daemons and children nobody waited for included), ms. */
  groupCpuMs?: { user: number; sys: number };
  /** Peak memory charged to the build's cgroup (memory.peak), bytes; only where the memory controller is ours. */
  memoryPeakBytes?: number;
  /** The machine's counters just before the start and just after the exit (interference.ts); absent off Linux. */
  machine?: { before: MachineSnapshot; after: MachineSnapshot };
}

const KILL_GRACE_MS = 2000;
const RSS_INTERVAL_MS = 100;

/**
 * Runs `command` with `sh -c` in its own process group, its output into `logFile`, and returns its wall, user
 * and system time (ms), peak RSS (KiB), exit code or signal, whether it timed out (`timeoutMs`) or was aborted
 * (`signal`), the log's tail and timed lines, and the processes it left behind (killed). A command that cannot
 * start is `spawnError`, not a throw.
 */
export async function runInGroup(opts: GroupRunOptions): Promise<GroupRunResult> {
  // Node's own words for a missing cwd are "spawn sh ENOENT" (as if sh were missing) or a thrown ENOTDIR.
  const cwdProblem = folderProblem(opts.cwd);
  if (cwdProblem) return notStarted(opts.logFile, cwdProblem);
  const marker = randomUUID();
  closeInheritedFds();
  const cgroup = BuildCgroup.create();
  // Beside the log, not in /tmp: nothing outside the out dir and the workdirs outlives a run, however it ends.
  const timeFile = `${opts.logFile}.rusage`;
  const useTime = existsSync(GNU_TIME);
  // GNU time waits for sh, so its rusage covers every descendant that was waited for (getrusage(2)). Its `-o
  // FILE` would stay open in the build as fd 3 (which a make in the build takes for a jobserver pipe): time
  // writes to its stderr instead, the rusage file, and the build's shell first points its stderr back at the log.
  const script = `${useTime ? 'exec 2>&1; ' : ''}${opts.command}`;
  const argv = ['sh', '-c', script];
  const log = new BuildLog({ file: opts.logFile, capBytes: opts.logCapBytes, keepLines: opts.keepLines ?? false });
  await log.open();
  const timeFd = useTime ? openSync(timeFile, 'w') : undefined;
  // Entering the cgroup happens before the clock starts (held-spawn.ts): it costs 10–20 ms.
  let held: HeldChild;
  try {
    held = spawnHeld({ argv, ...(useTime ? { wrapper: [GNU_TIME, '-f', '%U %S %M'] } : {}), cwd: opts.cwd, env: { ...opts.env, [MARKER_ENV]: marker }, stdout: log.fd, stderr: timeFd ?? log.fd, cgroup });
  } catch (err) {
    // spawn() throws for some bad options instead of emitting 'error': close every descriptor and handle first.
    if (timeFd !== undefined) closeSync(timeFd);
    rmSync(timeFile, { force: true });
    await log.finish(0);
    await cgroup?.end();
    return notStarted(opts.logFile, folderProblem(opts.cwd) ?? (err as Error).message);
  }
  const child = held.child;
  if (timeFd !== undefined) closeSync(timeFd);
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>((resolve) => {
    child.once('error', (error) => resolve({ code: null, signal: null, error }));
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  await held.ready;
  // The held shell is in its cgroup by now (it entered before saying it was ready), and so will be all it
  // starts; the wrapper (GNU time, the group's leader) is not, and its memory is counted as the group scan did.
  const inGroupNow = (cgroup?.members().length ?? 0) > 0;
  const before = snapshotMachine();
  const started = process.hrtime.bigint();
  held.go();
  const elapsedMs = () => Number(process.hrtime.bigint() - started) / 1e6;
  log.follow(elapsedMs);

  const pgid = child.pid;
  const rss = pgid ? new GroupRssSampler({ pgid, ...(inGroupNow ? { members: () => [pgid, ...cgroup!.members()] } : {}) }) : undefined;
  const rssTimer = setInterval(() => rss?.sample(), RSS_INTERVAL_MS);

  let timedOut = false;
  let aborted = false;
  const stop = (why: 'timeout' | 'abort') => {
    if (why === 'timeout') timedOut = true;
    else aborted = true;
    if (pgid) killGroup(pgid, KILL_GRACE_MS);
  };
  const timer = opts.timeoutMs ? setTimeout(() => stop('timeout'), opts.timeoutMs) : undefined;
  const onAbort = () => stop('abort');
  if (opts.signal?.aborted) onAbort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });

  const outcome = await ended;
  const wallMs = elapsedMs();
  const after = snapshotMachine();
  clearInterval(rssTimer);
  if (timer) clearTimeout(timer);
  opts.signal?.removeEventListener('abort', onAbort);
  // The leader is gone; anything left in its cgroup or group or carrying the marker is a leak: say what, and stop it.
  const inCgroup = cgroup?.entered() ?? false;
  const groupCpu = inCgroup ? cgroup!.cpu() : undefined;
  const memoryPeakBytes = inCgroup ? cgroup!.memoryPeakBytes() : undefined;
  const leftovers = listLeftovers({ pgid, marker, members: inCgroup ? cgroup!.members() : undefined });
  if (pgid) killGroup(pgid, 0);
  await cgroup?.end();
  // Without a cgroup the scan is the only way to find a daemon that left the group (setsid) but kept the marker.
  if (!inCgroup) await killMarked(marker);
  const usage = useTime ? readTimeFile(timeFile) : undefined;
  rmSync(timeFile, { force: true });
  // What the shell said before it pointed its stderr at the log (a syntax error in the command's first line).
  if (usage?.shellLines.length) writeSync(log.fd, `${usage.shellLines.join('\n')}\n`);
  await log.finish(wallMs);

  // GNU time reports a killed child as "Command terminated by signal N" and itself exits with 128+N: a signal
  // is no exit code.
  const killed = Boolean(outcome.signal || usage?.signal || timedOut || aborted);
  const exitCode = killed ? null : usage?.exitCodeFromTime ?? outcome.code;
  return {
    wallMs,
    userMs: usage?.userMs ?? 0,
    sysMs: usage?.sysMs ?? 0,
    maxRssKb: usage?.maxRssKb ?? 0,
    // A build shorter than one sampling interval is never sampled: its tree is at least its largest process.
    treeRssKb: Math.max(rss?.peakKb ?? 0, usage?.maxRssKb ?? 0),
    exitCode: outcome.error ? null : exitCode,
    signal: outcome.signal ?? usage?.signal ?? (timedOut || aborted ? 'SIGTERM' : undefined),
    timedOut,
    aborted,
    spawnError: outcome.error ? (folderProblem(opts.cwd) ?? outcome.error.message) : undefined,
    tail: log.output.tail(40),
    lines: log.output.lines,
    leftovers,
    cleanup: inCgroup ? 'cgroup' : 'scan',
    ...(groupCpu ? { groupCpuMs: { user: groupCpu.userUsec / 1000, sys: groupCpu.systemUsec / 1000 } } : {}),
    ...(memoryPeakBytes !== undefined ? { memoryPeakBytes } : {}),
    ...(before && after ? { machine: { before, after } } : {}),
  };
}

/** A command that never started: its log says why (so it is not empty), and nothing ran, was killed or is left. */
function notStarted(logFile: string, why: string): GroupRunResult {
  const line = `buildbench: the command could not start: ${why}`;
  mkdirSync(path.dirname(logFile), { recursive: true });
  writeFileSync(logFile, `${line}\n`);
  const leftovers = { count: 0, commands: [] };
  return { wallMs: 0, userMs: 0, sysMs: 0, maxRssKb: 0, treeRssKb: 0, exitCode: null, timedOut: false, aborted: false, spawnError: why, tail: [line], lines: [], leftovers };
}

function readTimeFile(file: string) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.trim().split('\n');
  const last = lines.at(-1)?.trim().split(/\s+/) ?? [];
  const [user, sys, rss] = last.map(Number);
  const signalLine = lines.find((l) => l.startsWith('Command terminated by signal'));
  const exitLine = lines.find((l) => l.startsWith('Command exited with non-zero status'));
  return {
    shellLines: lines.slice(0, -1).filter((l) => l !== signalLine && l !== exitLine && l.trim() !== ''),
    userMs: (user ?? 0) * 1000,
    sysMs: (sys ?? 0) * 1000,
    maxRssKb: rss ?? 0,
    signal: signalLine ? `SIG${signalName(Number(signalLine.split(' ').at(-1)))}` : undefined,
    exitCodeFromTime: exitLine ? Number(exitLine.split(' ').at(-1)) : signalLine ? null : 0,
  };
}

function signalName(n: number): string {
  const entry = Object.entries(os.constants.signals).find(([, v]) => v === n);
  return entry ? entry[0].replace(/^SIG/, '') : String(n);
}
