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

/** The noise band and α of a comparison, defaulted and checked. Throws a RangeError on alpha outside (0, 0.5) or a negative noisePct. */
export function checkedSettings(opts: { noisePct?: number; alpha?: number }): { noisePct: number; alpha: number } {
  const noisePct = opts.noisePct ?? DEFAULT_NOISE_PCT;
  const alpha = opts.alpha ?? DEFAULT_ALPHA;
  if (!(alpha > 0 && alpha < 0.5)) throw new RangeError(`alpha must be between 0 and 0.5, got ${alpha}`);
  if (!(noisePct >= 0 && Number.isFinite(noisePct))) throw new RangeError(`noisePct must be 0 or more, got ${noisePct}`);
  return { noisePct, alpha };
}

/**
 * A comparison read from a Hodges–Lehmann estimate of the ln shift and its intervals (the Moses intervals of
 * two samples, or the signed-rank intervals of round pairs) and the matching test's p: the ratio, the 1 − α
 * interval shown (the widest one when the sizes have none at 1 − α), the 1 − 2α interval for TOST, the ratio of
 * medians and the verdict, so interval, test and verdict agree whichever analysis made them. Pure.
 */
export function comparisonOf(opts: {
  shift: { estimate: number; interval: ShiftInterval | null; equivalence: ShiftInterval | null; full: ShiftInterval };
  test: { p: number; method: SampleComparison['pMethod'] };
  baseline: readonly number[];
  variant: readonly number[];
  noisePct: number;
  alpha: number;
}): SampleComparison {
  const { shift, test, noisePct, alpha } = opts;
  const ratio = Math.exp(shift.estimate);
  const interval = shift.interval && toRatio(shift.interval);
  const equivalence = shift.equivalence && toRatio(shift.equivalence);
  const shown = shift.interval ?? shift.full;
  return {
    method: 'hodges-lehmann',
    ratio,
    ciLow: Math.exp(shown.low),
    ciHigh: Math.exp(shown.high),
    level: 1 - alpha,
    ciConfidence: shown.confidence,
    ...(equivalence ? { eqLow: equivalence.low, eqHigh: equivalence.high } : {}),
    noisePct,
    medianRatio: median(opts.variant) / median(opts.baseline),
    pValue: test.p,
    pMethod: test.method,
    verdict: decideVerdict({ ratio, interval, equivalence, pValue: test.p, noisePct, alpha }),
  };
}

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
  const { noisePct, alpha } = checkedSettings(opts);
  const logBase = baseline.map(Math.log);
  const logVariant = variant.map(Math.log);
  const shift = estimateShift({ x: logBase, y: logVariant, alpha });
  const test = mannWhitneyU(logVariant, logBase);
  const result = comparisonOf({ shift, test, baseline, variant, noisePct, alpha });
  const { ratio, verdict } = result;
  if (!canShowDifference({ m: baseline.length, n: variant.length, alpha })) result.minRunsToDecide = minRunsForDifference(alpha);
  if (verdict === 'inconclusive') {
    const spread = Math.sqrt((relativeSpread(baseline) ** 2 + relativeSpread(variant) ** 2) / 2);
    const n = Math.min(baseline.length, variant.length);
    result.runsNeeded = estimateRunsNeeded({ ratio, spread, n, noisePct, alpha });
  }
  return result;
}
