// One variant against its baseline on one metric: ratio of medians, its bootstrap CI, the Mann-Whitney p,
// and the verdict. The building block of baselines, run-to-run compare and history.
import type { Comparison } from '../results/schema.ts';
import { bootstrapRatioCi } from './bootstrap.ts';
import { median, relativeSpread } from './descriptive.ts';
import { mannWhitneyU } from './mann-whitney.ts';
import { createRng } from './random.ts';
import { DEFAULT_SEED } from './summarize.ts';
import { DEFAULT_ALPHA, DEFAULT_NOISE_PCT, decideVerdict, estimateRunsNeeded } from './verdict.ts';

export interface CompareSamplesOptions {
  baseline: number[];
  variant: number[];
  /** Differences within ±noisePct % count as no difference (default 2). */
  noisePct?: number;
  /** Significance level of the Mann-Whitney test (default 0.05). */
  alpha?: number;
  seed?: number;
  /** Bootstrap resamples (DEFAULT_RESAMPLES when not given). */
  resamples?: number;
}

/** The statistical part of a Comparison; the caller adds scenario, metric and ids. */
export type SampleComparison = Pick<Comparison, 'ratio' | 'ciLow' | 'ciHigh' | 'pValue' | 'verdict' | 'runsNeeded'>;

export function compareSamples(opts: CompareSamplesOptions): SampleComparison {
  const { baseline, variant } = opts;
  if (baseline.length === 0 || variant.length === 0) {
    throw new RangeError(`compareSamples needs samples on both sides, got ${baseline.length} baseline and ${variant.length} variant values`);
  }
  // A ratio needs a positive denominator in every resample; resampled medians never leave [min, max].
  if (Math.min(...baseline) <= 0) throw new RangeError(`compareSamples needs positive baseline values, got ${Math.min(...baseline)}`);
  const noisePct = opts.noisePct ?? DEFAULT_NOISE_PCT;
  const alpha = opts.alpha ?? DEFAULT_ALPHA;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be between 0 and 1, got ${alpha}`);
  if (!(noisePct >= 0)) throw new RangeError(`noisePct must be 0 or more, got ${noisePct}`);
  const ratio = median(variant) / median(baseline);
  const ci = bootstrapRatioCi({ baseline, variant, rng: createRng(opts.seed ?? DEFAULT_SEED), resamples: opts.resamples });
  // The mid-p, not the exact p: at 10 vs 10 builds the exact test really runs at 4.3% and finds a true 5%
  // change at 3% CV in only 89.6–90.1% of trials (20,000 simulated); the mid-p finds it in 91.5% while
  // A/A pairs stay flagged in 4.4% (≤ 5%). See mannWhitneyU and test/stats/verdict-simulation.test.ts.
  const pValue = mannWhitneyU(variant, baseline).midP;
  const n = Math.min(baseline.length, variant.length);
  const verdict = decideVerdict({ ratio, ciLow: ci.low, ciHigh: ci.high, pValue, n, noisePct, alpha });
  const result: SampleComparison = { ratio, ciLow: ci.low, ciHigh: ci.high, pValue, verdict };
  if (verdict === 'inconclusive') {
    const spread = Math.sqrt((relativeSpread(baseline) ** 2 + relativeSpread(variant) ** 2) / 2);
    result.runsNeeded = estimateRunsNeeded({ ratio, spread, n, noisePct, alpha });
  }
  return result;
}
