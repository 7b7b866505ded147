// Trend across history: the median build time (and its CI) each earlier run recorded for each variant of
// a scenario, followed by the runs being reported. Values are read from each file's stats, not recomputed.
import type { ResultsFile } from '../results/schema.ts';
import { cleanLine } from '../common/clean-text.ts';

/** One variant's median wall time in one run. */
export interface TrendPoint {
  /** Raw variant id (history spans runs, so ids are what matches, not report keys). */
  id: string;
  runId: string;
  startedAt: string;
  medianMs: number;
  ciLowMs: number;
  ciHighMs: number;
}

/** The median build time (ms) and its 95% interval of each variant of `scenario` in each run of `history` then `results`, oldest first; empty without history. */
export function buildTrend({ scenario, history, results }: { scenario: string; history: readonly ResultsFile[]; results: readonly ResultsFile[] }): TrendPoint[] {
  if (history.length === 0) return [];
  const seen = new Set(history.map((h) => h.runId));
  const runs = [...history, ...results.filter((r) => !seen.has(r.runId))];
  return runs.flatMap((run) =>
    run.variants
      .filter((v) => cleanLine(v.scenario) === scenario && v.status === 'ok' && v.stats.wallMs)
      .map((v) => ({
        id: cleanLine(v.id),
        runId: cleanLine(run.runId),
        startedAt: cleanLine(run.startedAt),
        medianMs: v.stats.wallMs!.median,
        ciLowMs: v.stats.wallMs!.ciLow,
        ciHighMs: v.stats.wallMs!.ciHigh,
      })),
  );
}
