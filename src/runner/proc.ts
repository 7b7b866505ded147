// Reading /proc: the summed RSS of a process group (the whole build tree's memory at one instant) and the
// processes that carry a build's marker in their environment.
import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';

const PAGE_KB = 4; // x86_64 Linux page size; /proc/<pid>/stat's rss field is in pages (proc(5))

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
 * Samples the summed resident set of a process group (the whole build tree at one instant), in KiB.
 * Each process's group is read once and remembered, so a tick reads /proc/<pid>/stat only for new processes
 * and the group's own members, not for every process on the machine. Asynchronous on purpose: a synchronous
 * scan would block the event loop and delay noticing the build's exit, inflating its wall time.
 */
export class GroupRssSampler {
  private readonly known = new Map<string, boolean>();
  peakKb = 0;

  constructor(private readonly pgid: number) {}

  async sample(): Promise<void> {
    let names: string[];
    try {
      names = (await readdir('/proc')).filter((n) => /^\d+$/.test(n));
    } catch {
      return;
    }
    const alive = new Set(names);
    for (const pid of this.known.keys()) if (!alive.has(pid)) this.known.delete(pid);
    const pages = await Promise.all(
      names.map(async (pid) => {
        if (this.known.get(pid) === false) return 0;
        try {
          const text = await readFile(`/proc/${pid}/stat`, 'utf8');
          const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
          // After the name: state(0) ppid(1) pgrp(2) … rss is field 24 of stat (proc(5)), index 21 here.
          const ours = Number(f[2]) === this.pgid;
          this.known.set(pid, ours);
          return ours ? Number(f[21]) || 0 : 0;
        } catch {
          return 0; // the process ended between listing and reading
        }
      }),
    );
    this.peakKb = Math.max(this.peakKb, pages.reduce((a, b) => a + b, 0) * PAGE_KB);
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

