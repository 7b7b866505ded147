// The harness's own cost of starting a build (spawning GNU time and sh, noticing the exit), measured on an
// empty command and subtracted from every wall time, as hyperfine subtracts its shell's spawn time.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { runInGroup } from './process-group.ts';
import { median } from '../stats/descriptive.ts';

const RUNS = 30;

/** `dir`: where the empty command runs and logs (the out dir: nothing of a run is left outside it). */
export async function calibrateOverhead(dir: string): Promise<{ overheadMs: number; overheadSpreadMs: number }> {
  const walls: number[] = [];
  const logFile = path.join(dir, 'logs', 'calibrate.log');
  try {
    for (let i = 0; i < RUNS; i++) {
      const run = await runInGroup({ command: 'true', cwd: dir, env: process.env, logFile });
      walls.push(run.wallMs);
    }
  } finally {
    rmSync(logFile, { force: true });
  }
  // The floor, not the median: under load the median of the same 30 launches was seen anywhere from 6 to 42 ms
  // from one run to the next, and subtracting it pushed samples below what a build can physically take
  // (`sleep 0.2` → 177 ms) and made two runs of the same build differ. The floor is what every launch costs at
  // least; it is stable between runs and never over-subtracts.
  // The spread (the median minus the floor) is how much the harness's own cost typically varies from one launch
  // to the next: a build whose time is within a few times it is measured below the harness's resolution. The
  // median, not a high percentile: one stalled launch under load must not make every build look unresolved.
  const sorted = [...walls].sort((a, b) => a - b);
  const floor = sorted[0]!;
  return { overheadMs: round3(floor), overheadSpreadMs: round3(median(sorted) - floor) };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
