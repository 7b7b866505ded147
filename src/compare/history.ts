// A run against the last K runs of a history (`run --history DIR`; the folder itself is read by src/history/).
import type { ResultsFile, VariantResult } from '../results/schema.ts';
import { isSuccessful } from '../stats/metrics.ts';
import { compareMatched, type RunComparison, type RunComparisonOptions } from './compare-runs.ts';
import { diffEnvironments } from './environment.ts';

/** Runs pooled as the baseline when not told otherwise. */
export const DEFAULT_LAST_K = 5;

const startTime = (r: ResultsFile) => {
  const t = Date.parse(r.startedAt);
  return Number.isNaN(t) ? 0 : t;
};

/** One variant whose samples are the successful samples of the same id over several runs. */
function pool(variants: VariantResult[]): VariantResult {
  const latest = variants[variants.length - 1]!;
  return { ...latest, status: 'ok', reason: null, samples: variants.flatMap((v) => v.samples.filter(isSuccessful)) };
}

/** The last `lastK` runs of `history` by start time, leaving out `current` (matched by run id), oldest first: what it is judged against. */
export function lastRuns(history: readonly ResultsFile[], current: Pick<ResultsFile, 'runId'>, lastK = DEFAULT_LAST_K): ResultsFile[] {
  return history
    .filter((r) => r.runId !== current.runId)
    .sort((a, b) => startTime(a) - startTime(b))
    .slice(-lastK);
}

/**
 * The current run against the last K runs of the history (excluding the current run if it is already
 * there): per variant id, the samples of every earlier run where it was measured are pooled into one
 * baseline, then compared as compareRuns does. No earlier run: no comparison and one warning. Never throws.
 */
export function compareWithHistory(opts: RunComparisonOptions & { history: ResultsFile[]; current: ResultsFile; lastK?: number }): RunComparison {
  const { history, current, lastK = DEFAULT_LAST_K, ...rest } = opts;
  const earlier = lastRuns(history, current, lastK);
  if (earlier.length === 0) return { comparisons: [], regressions: [], warnings: ['no earlier runs in the history to compare with'] };
  const byId = new Map<string, VariantResult[]>();
  for (const run of earlier) {
    for (const v of run.variants) if (v.status === 'ok') byId.set(v.id, [...(byId.get(v.id) ?? []), v]);
  }
  const label = `the last ${earlier.length === 1 ? 'run' : `${earlier.length} runs`} of the history`;
  const result = compareMatched({ ...rest, baseline: [...byId.values()].map(pool), current: current.variants, baselineLabel: label });
  const envWarnings = new Set(earlier.flatMap((run) => diffEnvironments(run.environment, current.environment).map((w) => `${w} (run ${run.runId})`)));
  return { ...result, warnings: [...envWarnings, ...result.warnings] };
}
