// `run --ref BASE --ref HEAD`: the same variant built at two commits in one run, interleaved on one machine.
// The run's own comparisons already hold each later ref against the first (stats/baselines.ts,
// compareAcrossRefs); this picks them out as a run-against-run comparison, so --fail-on-regression judges a
// pull request's head against its merge base measured beside it, never against another machine's numbers.
import type { ResultsFile } from '../results/schema.ts';
import { DEFAULT_NOISE_PCT } from '../stats/verdict.ts';
import { isRegression, type RunComparison, type RunComparisonOptions } from './compare-runs.ts';

const withoutRef = (id: string) => id.replace(/#.*$/, '');

/**
 * The comparisons of `results` whose baseline is a variant at the run's first ref (`config.refs[0]`) and
 * whose variant is the same variant at a later ref, with the regressions among them past `thresholdPct`
 * (default the noise band). Empty when the run measured fewer than two refs. Never throws.
 */
export function compareRefs(results: ResultsFile, opts: RunComparisonOptions = {}): RunComparison {
  const [first] = results.config.refs ?? [];
  const refs = results.config.refs ?? [];
  if (first === undefined || refs.length < 2) return { comparisons: [], regressions: [], warnings: [] };
  const comparisons = results.comparisons.filter(
    (c) => c.baseline.endsWith(`#${first}`) && c.variant !== c.baseline && withoutRef(c.variant) === withoutRef(c.baseline),
  );
  const threshold = opts.thresholdPct ?? opts.noisePct ?? DEFAULT_NOISE_PCT;
  const measured = new Set(results.variants.filter((v) => v.status === 'ok').map((v) => v.id));
  const warnings = results.variants
    .filter((v) => v.ref !== undefined && v.ref !== first && v.status === 'ok' && !measured.has(`${withoutRef(v.id)}#${first}`))
    .map((v) => `${v.id} has no measured twin at ${first}: not compared`);
  return { comparisons, regressions: comparisons.filter((c) => isRegression(c, threshold)), warnings };
}
