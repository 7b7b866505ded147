// Stopping a build and everything it started.
import { readFileSync } from 'node:fs';
import { findByEnv, groupMembers, isRunning } from './proc.ts';

/** Environment variable carried by every process of a build, so leftovers can be found and stopped. */
export const MARKER_ENV = 'BUILDBENCH_SAMPLE';

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is already gone
  }
}

/** TERM the whole group, then KILL whatever is left after the grace period (0: KILL at once). */
export function killGroup(pgid: number, graceMs: number): void {
  if (graceMs <= 0) {
    if (groupMembers(pgid).length > 0) signalGroup(pgid, 'SIGKILL');
    return;
  }
  signalGroup(pgid, 'SIGTERM');
  setTimeout(() => signalGroup(pgid, 'SIGKILL'), graceMs).unref();
}

/** KILL every process carrying the build's marker: daemons that left the group with setsid() included. */
export async function killMarked(marker: string, name = MARKER_ENV): Promise<number> {
  let killed = 0;
  let emptyScans = 0;
  // One empty scan is not enough: a process between fork and exec (a `setsid sh -c … &` the build just
  // started) can have an unreadable /proc/<pid>/environ for a moment, so it takes two empty scans 20 ms
  // apart to call the build's processes gone (a daemon escaped a single scan under load).
  for (let attempt = 0; attempt < 6 && emptyScans < 2; attempt++) {
    const left = findByEnv(name, marker);
    if (left.length === 0) emptyScans++;
    else emptyScans = 0;
    for (const pid of left) {
      try {
        process.kill(pid, 'SIGKILL');
        killed++;
      } catch {
        // already gone
      }
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return killed;
}

/** What a build left running when its leader exited: processes of its group or carrying its marker. */
export interface Leftovers {
  count: number;
  /** Their command names (/proc/<pid>/comm), sorted, each once. */
  commands: string[];
}

/**
 * The processes a build left behind (to be killed next), so a sample can say what was killed after it: the
 * members of its cgroup when it had one (every process it started), else those of its process group and those
 * carrying its marker.
 */
export function listLeftovers(opts: { pgid?: number; marker: string; members?: number[] }): Leftovers {
  const found = opts.members ?? findByEnv(MARKER_ENV, opts.marker);
  // A zombie (an exited process its new parent has not reaped yet) runs nothing: it is no leftover.
  const pids = [...new Set([...(opts.pgid ? groupMembers(opts.pgid) : []), ...found])].filter((pid) => isRunning(pid));
  const names = new Set<string>();
  for (const pid of pids) {
    try {
      names.add(readFileSync(`/proc/${pid}/comm`, 'utf8').trim());
    } catch {
      // gone meanwhile
    }
  }
  return { count: pids.length, commands: [...names].sort() };
}
