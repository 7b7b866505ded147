// Reading /proc: the summed RSS of a process group (the whole build tree's memory at one instant) and the
// processes that carry a build's marker in their environment.
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_KB = 4; // x86_64 Linux page size; /proc/<pid>/statm counts pages (proc(5))

function pids(): number[] {
  try {
    return readdirSync('/proc').filter((n) => /^\d+$/.test(n)).map(Number);
  } catch {
    return [];
  }
}

/** Fields of /proc/<pid>/stat after the command name (which may contain spaces and parentheses). */
function statFields(pid: number): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // the process ended between listing and reading
  }
}

/**
 * Samples the summed resident set of a build's processes (the whole tree at one instant), in KiB. The members
 * come from the build's cgroup (`cgroup.procs`: one read) where it has one, else from a scan of /proc for the
 * process group, in which each process's group is read once and remembered (a tick then reads only new
 * processes and the members). Synchronous, and cheap on purpose: the sampler runs inside the build's timed
 * window, and on a loaded machine every millisecond of CPU it takes is one the build waits for. Reading
 * /proc through fs/promises (a thread-pool round trip and a FileHandle per file, every process on the machine at
 * a build's first tick) cost 11 ms of CPU in a 200 ms build's window here; a tick now costs tens of microseconds
 * with a cgroup (each build's `interference.harnessCpuPct` shows what the harness took).
 */
export class GroupRssSampler {
  private readonly known = new Map<number, boolean>();
  peakKb = 0;

  /** `members`: the build's processes now (its cgroup's), when known; else the process group `pgid` is scanned. */
  constructor(private readonly opts: { pgid: number; members?: () => number[] }) {}

  sample(): void {
    const members = this.opts.members?.() ?? this.scanGroup();
    let pages = 0;
    for (const pid of members) pages += residentPages(pid);
    this.peakKb = Math.max(this.peakKb, pages * PAGE_KB);
  }

  private scanGroup(): number[] {
    const alive = pids();
    const now = new Set(alive);
    for (const pid of this.known.keys()) if (!now.has(pid)) this.known.delete(pid);
    return alive.filter((pid) => {
      let ours = this.known.get(pid);
      if (ours === undefined) {
        const f = statFields(pid);
        if (!f) return false; // ended between listing and reading
        // After the name: state(0) ppid(1) pgrp(2) (proc(5)).
        ours = Number(f[2]) === this.opts.pgid;
        this.known.set(pid, ours);
      }
      return ours;
    });
  }
}

/** Resident pages of one process (/proc/<pid>/statm, second field); 0 once it has ended. */
function residentPages(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) || 0;
  } catch {
    return 0;
  }
}

/** Processes whose environment holds `NAME=value`. */
export function findByEnv(name: string, value: string): number[] {
  const needle = Buffer.from(`${name}=${value}\0`);
  const found: number[] = [];
  for (const pid of pids()) {
    if (pid === process.pid) continue;
    try {
      const env = readFileSync(`/proc/${pid}/environ`);
      if (env.includes(needle)) found.push(pid);
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

/** Processes still in a process group. */
export function groupMembers(pgid: number): number[] {
  return pids().filter((pid) => Number(statFields(pid)?.[2]) === pgid);
}

/** True while `pid` exists and is no zombie (state Z or X in /proc/<pid>/stat: exited, not yet reaped). */
export function isRunning(pid: number): boolean {
  const state = statFields(pid)?.[0];
  return state !== undefined && state !== 'Z' && state !== 'X';
}

/** True when `pid` runs the file named `name`: its argv[0], or argv[1] under an interpreter (a zipapp's `python3 …/main`). */
export function runsFile(pid: number, name: string): boolean {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return argv.slice(0, 2).some((arg) => arg.split('/').at(-1) === name);
  } catch {
    return false; // gone, or not ours to read
  }
}

