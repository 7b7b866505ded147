// Builds write hundreds of megabytes (a Tauri target dir is gigabytes): warn before a run starts when the
// disk under the out dir or the workdirs is nearly full, rather than failing half-way.
import { existsSync, statfsSync } from 'node:fs';
import path from 'node:path';

/** Free bytes on the filesystem holding `dir` (or its nearest existing parent). */
export function freeBytes(dir: string): number {
  let probe = path.resolve(dir);
  while (!existsSync(probe)) probe = path.dirname(probe);
  const s = statfsSync(probe);
  return s.bavail * s.bsize;
}

/** Warnings for each folder whose disk has less than `floorBytes` free. */
export function checkDiskSpace(opts: { dirs: string[]; floorBytes: number }): string[] {
  const warnings: string[] = [];
  for (const dir of new Set(opts.dirs)) {
    const free = freeBytes(dir);
    if (free < opts.floorBytes) {
      warnings.push(`only ${(free / 2 ** 30).toFixed(1)} GiB free under ${dir} (floor ${(opts.floorBytes / 2 ** 30).toFixed(1)} GiB): builds may fail for lack of space`);
    }
  }
  return warnings;
}
