// Bootstrap confidence intervals for the median of one sample and for the ratio of the medians of two.
// Seeded, so the same input always gives the same interval.
//
// Method: a smoothed percentile bootstrap. The plain percentile bootstrap (Efron & Tibshirani, An
// Introduction to the Bootstrap, 1993, ch. 13) resamples the observed values, so a resample's median can only
// be one of a few order statistics; at n ≤ 30 its 95% interval jumps between them and covers the true median
// only 92–94% of the time (measured here: 92.0% at n = 15, 93.7% at n = 10, log-normal, 10,000 trials).
// Instead each resample is drawn from the sample's linearly interpolated quantile function with plotting
// positions i/(n + 1) — the "fractional order statistics" of Hutson (1999, J. Applied Statistics 26(3),
// 343–353). Because that function is monotone, a resample's median is Q(median of n uniforms), so only the
// middle uniform order statistics are drawn. Coverage measured in test/stats/coverage.test.ts.
import { sortAscending } from './descriptive.ts';
import { randomExponential, randomGamma, type Rng } from './random.ts';

/**
 * Resamples per interval. Between seeds the ends then move by about 2–4% of the interval's half-width
 * (standard deviation over 200 seeds, n = 10 log-normal values at 2% and 10% CV).
 */
export const DEFAULT_RESAMPLES = 1000;

/** Linear-interpolated quantile of an ascending array (Hyndman & Fan 1996, type 7, R's default). */
export function quantileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Q(p) with plotting positions i/(n + 1) (Hyndman & Fan type 6), clamped to the observed range. */
function fractionalOrderStatistic(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  const h = (n + 1) * p - 1; // 0-based position
  if (h <= 0) return sorted[0]!;
  if (h >= n - 1) return sorted[n - 1]!;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * (sorted[lo + 1]! - sorted[lo]!);
}

/**
 * Draws `resamples` smoothed-bootstrap medians of an ascending sample. The k-th of n uniform order
 * statistics is S_k / S_(n+1) for S the running sum of exponential spacings (Devroye, Non-Uniform Random
 * Variate Generation, 1986, ch. V §2), so the middle one(s) need only two or three draws whatever n is:
 * S_k ~ Gamma(k), then one spacing, then the rest of the sum.
 */
export function bootstrapMedians(opts: { sorted: readonly number[]; rng: Rng; resamples: number }): Float64Array {
  const { sorted, rng, resamples } = opts;
  const n = sorted.length;
  const odd = n % 2 === 1;
  const k = odd ? (n + 1) / 2 : n / 2; // 1-based rank of the (lower) middle order statistic
  const medians = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    const below = randomGamma(rng, k);
    if (odd) {
      const p = below / (below + randomGamma(rng, n + 1 - k));
      medians[b] = fractionalOrderStatistic(sorted, p);
    } else {
      const gap = randomExponential(rng);
      const total = below + gap + randomGamma(rng, n - k);
      medians[b] = (fractionalOrderStatistic(sorted, below / total) + fractionalOrderStatistic(sorted, (below + gap) / total)) / 2;
    }
  }
  return medians;
}

function percentileInterval(stats: Float64Array, level: number): { low: number; high: number } {
  stats.sort();
  const tail = (1 - level) / 2;
  return { low: quantileOfSorted(stats, tail), high: quantileOfSorted(stats, 1 - tail) };
}

export interface BootstrapOptions {
  rng: Rng;
  resamples?: number;
  /** Confidence level, 0.95 by default. */
  level?: number;
}

function mediansOf(values: readonly number[], opts: BootstrapOptions): Float64Array {
  const sorted = sortAscending(values);
  const resamples = opts.resamples ?? DEFAULT_RESAMPLES;
  // One value has no spread to resample: its interval is the point itself.
  if (sorted.length < 2) return new Float64Array(resamples).fill(sorted[0]!);
  return bootstrapMedians({ sorted, rng: opts.rng, resamples });
}

/** Bootstrap CI of the median. */
export function bootstrapMedianCi(values: readonly number[], opts: BootstrapOptions): { low: number; high: number } {
  return percentileInterval(mediansOf(values, opts), opts.level ?? 0.95);
}

/**
 * Bootstrap CI of median(variant) / median(baseline): the two samples are resampled independently
 * (two-sample bootstrap, Efron & Tibshirani 1993, §8.3), one ratio per pair of resamples.
 */
export function bootstrapRatioCi(opts: BootstrapOptions & { baseline: readonly number[]; variant: readonly number[] }): {
  low: number;
  high: number;
} {
  const base = mediansOf(opts.baseline, opts);
  const ratios = mediansOf(opts.variant, opts).map((v, i) => v / base[i]!);
  return percentileInterval(ratios, opts.level ?? 0.95);
}
