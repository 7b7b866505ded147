// One variant against its baseline on a metric with one recorded value each (artifact bytes, split debug
// info, files, extraction bytes): the exact ratio. There is no sampling error, so no interval and no test;
// the verdict only says whether the figures differ by more than EXACT_SAME_PCT.
import { EXACT_SAME_PCT, type ExactComparison } from '../results/comparison-schema.ts';

/** The numeric part of an ExactComparison; the caller adds scenario, metric and ids. */
export type ExactNumbers = Omit<ExactComparison, 'scenario' | 'metric' | 'baseline' | 'variant'>;

/**
 * `variant / baseline` of two recorded values in the same unit, with the verdict faster (lower), slower
 * (higher) or no difference (within ±samePct %, default EXACT_SAME_PCT). Null when either value is 0 or
 * less (no split debug info, nothing extracted: a ratio with 0 says nothing) or not finite.
 */
export function compareExact(opts: { baseline: number; variant: number; samePct?: number }): ExactNumbers | null {
  const { baseline, variant } = opts;
  if (!(baseline > 0 && variant > 0 && Number.isFinite(baseline) && Number.isFinite(variant))) return null;
  const samePct = opts.samePct ?? EXACT_SAME_PCT;
  const ratio = variant / baseline;
  const verdict = Math.abs(ratio - 1) < samePct / 100 ? 'no difference' : ratio < 1 ? 'faster' : 'slower';
  return { method: 'exact', baselineValue: baseline, variantValue: variant, ratio, samePct, verdict };
}
