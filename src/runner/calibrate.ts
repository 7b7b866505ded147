// The harness's own cost of starting a build (spawning GNU time and sh, noticing the exit), measured on an
// empty command and subtracted from every wall time, as hyperfine subtracts its shell's spawn time.
import os from 'node:os';
import path from 'node:path';
import { runInGroup } from './process-group.ts';

const RUNS = 30;

export async function calibrateOverhead(): Promise<number> {
  const walls: number[] = [];
  const logFile = path.join(os.tmpdir(), `buildbench-calibrate-${process.pid}.log`);
  for (let i = 0; i < RUNS; i++) {
    const run = await runInGroup({ command: 'true', cwd: os.tmpdir(), env: process.env, logFile });
    walls.push(run.wallMs);
  }
  // The floor, not the median: under load the median of the same 30 launches was seen anywhere from 6 to 42 ms
  // from one run to the next, and subtracting it pushed samples below what a build can physically take
  // (`sleep 0.2` → 177 ms) and made two runs of the same build differ. The floor is what every launch costs at
  // least; it is stable between runs and never over-subtracts.
  return Math.round(Math.min(...walls) * 1000) / 1000;
}
