// The run's wall time by part (results.spentMs, results/spent-schema.ts), added up as the phases run and saved
// with every write of results.json, so an interrupted run says where its time went too.
import type { ResultsFile } from '../results/schema.ts';
import type { SpentMs } from '../results/spent-schema.ts';

/** Adds `ms` to `part` of the run's time (rounded to the ms), creating the record on first use. */
export function addSpent(results: ResultsFile, part: keyof SpentMs, ms: number): void {
  results.spentMs ??= { checks: 0, setup: 0, warmups: 0, rounds: 0, roundBuilds: 0, startup: 0 };
  results.spentMs[part] = Math.round(results.spentMs[part] + ms);
}

/** Runs `work`, adding its wall time (monotonic clock) to `part` whether it resolves or throws. */
export async function timed<T>(results: ResultsFile, part: keyof SpentMs, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    addSpent(results, part, performance.now() - started);
  }
}
