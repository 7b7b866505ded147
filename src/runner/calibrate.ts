// The harness's own cost of starting a build (spawning GNU time and sh, noticing the exit), measured on an
// empty command and subtracted from every wall time, as hyperfine subtracts its shell's spawn time.
import os from 'node:os';
import path from 'node:path';
import { runInGroup } from './process-group.ts';
import { median } from '../stats/descriptive.ts';

const RUNS = 30;

export async function calibrateOverhead(): Promise<number> {
  const walls: number[] = [];
  const logFile = path.join(os.tmpdir(), `buildbench-calibrate-${process.pid}.log`);
  for (let i = 0; i < RUNS; i++) {
    const run = await runInGroup({ command: 'true', cwd: os.tmpdir(), env: process.env, logFile });
    walls.push(run.wallMs);
  }
  // The median, not the minimum: subtracting a lucky minimum would leave the typical overhead in every sample.
  return Math.round(median(walls) * 1000) / 1000;
}
