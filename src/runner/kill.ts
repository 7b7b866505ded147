// Stopping a build and everything it started.
import { findByEnv, groupMembers } from './proc.ts';

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
export async function killMarked(marker: string): Promise<number> {
  let killed = 0;
  for (let attempt = 0; attempt < 5; attempt++) {
    const left = findByEnv(MARKER_ENV, marker);
    if (left.length === 0) break;
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
