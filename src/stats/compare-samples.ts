// One variant against its baseline on one metric: the Hodges–Lehmann ratio, its Moses intervals, the exact
// Mann-Whitney p and the verdict — one method, so the interval, the test and the verdict always agree. The
// building block of baselines, run-to-run compare, history and start-up comparisons.
import type { SampledComparison } from '../results/schema.ts';
import { checkValues } from './check-values.ts';
import { median, relativeSpread } from './descriptive.ts';
import { mannWhitneyU } from './mann-whitney.ts';
import { estimateShift, type ShiftInterval } from './shift.ts';
import { DEFAULT_ALPHA, DEFAULT_NOISE_PCT, canShowDifference, decideVerdict, estimateRunsNeeded, minRunsForDifference } from './verdict.ts';

export interface CompareSamplesOptions {
  /** Baseline values, in a unit above 0 (ms, bytes). */
  baseline: readonly number[];
  variant: readonly number[];
  /** Differences within ±noisePct % count as no difference (default 2). */
  noisePct?: number;
  /** Significance level (default 0.05): the interval is 1 − α, the equivalence interval 1 − 2α. */
  alpha?: number;
}

/** The statistical part of a Comparison; the caller adds scenario, metric and ids. */
export type SampleComparison = Omit<SampledComparison, 'scenario' | 'metric' | 'baseline' | 'variant'>;

const toRatio = (i: ShiftInterval) => ({ low: Math.exp(i.low), high: Math.exp(i.high) });

/**
 * Compares two samples of positive values on the log scale, so the shift is a ratio (a build 5% slower is
 * 5% slower whether it takes 2 s or 2 min). Throws a RangeError on an empty sample, a value that is not a
 * finite number above 0, alpha outside (0, 0.5) or a negative noisePct.
 */
export function compareSamples(opts: CompareSamplesOptions): SampleComparison {
  const { baseline, variant } = opts;
  if (baseline.length === 0 || variant.length === 0) {
    throw new RangeError(`compareSamples needs samples on both sides, got ${baseline.length} baseline and ${variant.length} variant values`);
  }
  checkValues(baseline, { what: 'compareSamples, baseline', positive: true });
  checkValues(variant, { what: 'compareSamples, variant', positive: true });
  const noisePct = opts.noisePct ?? DEFAULT_NOISE_PCT;
  const alpha = opts.alpha ?? DEFAULT_ALPHA;
  if (!(alpha > 0 && alpha < 0.5)) throw new RangeError(`alpha must be between 0 and 0.5, got ${alpha}`);
  if (!(noisePct >= 0 && Number.isFinite(noisePct))) throw new RangeError(`noisePct must be 0 or more, got ${noisePct}`);
  const logBase = baseline.map(Math.log);
  const logVariant = variant.map(Math.log);
  const shift = estimateShift({ x: logBase, y: logVariant, alpha });
  const test = mannWhitneyU(logVariant, logBase);
  const ratio = Math.exp(shift.estimate);
  const interval = shift.interval && toRatio(shift.interval);
  const equivalence = shift.equivalence && toRatio(shift.equivalence);
  const verdict = decideVerdict({ ratio, interval, equivalence, pValue: test.p, noisePct, alpha });
  const shown = shift.interval ?? shift.full;
  const result: SampleComparison = {
    method: 'hodges-lehmann',
    ratio,
    ciLow: Math.exp(shown.low),
    ciHigh: Math.exp(shown.high),
    level: 1 - alpha,
    ciConfidence: shown.confidence,
    ...(equivalence ? { eqLow: equivalence.low, eqHigh: equivalence.high } : {}),
    noisePct,
    medianRatio: median(variant) / median(baseline),
    pValue: test.p,
    pMethod: test.method,
    verdict,
  };
  if (!canShowDifference({ m: baseline.length, n: variant.length, alpha })) result.minRunsToDecide = minRunsForDifference(alpha);
  if (verdict === 'inconclusive') {
    const spread = Math.sqrt((relativeSpread(baseline) ** 2 + relativeSpread(variant) ** 2) / 2);
    const n = Math.min(baseline.length, variant.length);
    result.runsNeeded = estimateRunsNeeded({ ratio, spread, n, noisePct, alpha });
  }
  return result;
}
