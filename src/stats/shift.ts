// The shift between two samples: the Hodges–Lehmann estimate and the Moses interval, both read from the
// ordered pairwise differences. Applied to log times they give the ratio variant / baseline and its
// interval, consistent with the Mann-Whitney test by construction: the interval is the set of shifts the
// test does not reject.
import { checkValues, range } from './check-values.ts';
import { EXACT_MAX_PAIRS } from './mann-whitney.ts';
import { normalQuantile } from './normal.ts';
import { noTiesCdf } from './rank-sum-distribution.ts';

/** Up to this many pairwise differences are sorted in memory (8 MB); past it they are selected by bisection. */
const MAX_SORTED_PAIRS = 1_000_000;

/** The k-th smallest (1-based) of the pairwise differences y_j − x_i. */
export type PairwiseOrder = (k: number) => number;

/** All m·n differences, sorted: the fast path for the sample sizes builds produce. */
function sortedDifferences(x: readonly number[], y: readonly number[]): PairwiseOrder {
  const d = new Float64Array(x.length * y.length);
  let i = 0;
  for (const yj of y) for (const xi of x) d[i++] = yj - xi;
  d.sort();
  return (k) => d[k - 1]!;
}

/**
 * The k-th difference without storing m·n of them: bisect on the value t, counting differences ≤ t with two
 * pointers over the sorted samples in O(m + n), then snap to the largest difference ≤ t (the selection
 * idea of Johnson & Mizoguchi, SIAM J. Comput. 7, 1978, in its simplest form). Exact unless two distinct
 * differences lie within 2^-100 of the range of each other.
 */
export function bisectedDifferences(x: readonly number[], y: readonly number[]): PairwiseOrder {
  const xs = Float64Array.from(x).sort();
  const ys = Float64Array.from(y).sort();
  const countAtMost = (t: number): number => {
    let count = 0;
    let j = 0;
    for (let i = 0; i < xs.length; i++) {
      while (j < ys.length && ys[j]! - xs[i]! <= t) j++;
      count += j;
    }
    return count;
  };
  const largestAtMost = (t: number): number => {
    let best = -Infinity;
    let j = 0;
    for (let i = 0; i < xs.length; i++) {
      while (j < ys.length && ys[j]! - xs[i]! <= t) j++;
      if (j > 0) best = Math.max(best, ys[j - 1]! - xs[i]!);
    }
    return best;
  };
  const lowest = ys[0]! - xs[xs.length - 1]!;
  return (k) => {
    if (k <= 1) return lowest;
    let lo = lowest; // countAtMost(lo) < k: only ties at the minimum could break it, checked below
    if (countAtMost(lo) >= k) return lo;
    let hi = ys[ys.length - 1]! - xs[0]!;
    for (let step = 0; step < 100; step++) {
      const mid = lo + (hi - lo) / 2;
      if (mid <= lo || mid >= hi) break;
      if (countAtMost(mid) >= k) hi = mid;
      else lo = mid;
    }
    return largestAtMost(hi);
  };
}

/** The ordered pairwise differences y_j − x_i, sorted or bisected by size. */
export function pairwiseOrder(x: readonly number[], y: readonly number[]): PairwiseOrder {
  return x.length * y.length <= MAX_SORTED_PAIRS ? sortedDifferences(x, y) : bisectedDifferences(x, y);
}

/**
 * Rank k of the Moses interval [D_(k), D_(mn+1−k)] and its confidence: k − 1 is the largest c with
 * P(U ≤ c) ≤ `tail` under the no-ties null distribution, so each end excludes the true shift with
 * probability ≤ `tail` and the confidence is 1 − 2·P(U ≤ k − 1) (Moses, in Walker & Lev, Statistical
 * Inference, 1953; Bauer, JASA 67, 1972; Hollander, Wolfe & Chicken 2014, §4.3). Past EXACT_MAX_PAIRS,
 * k = ⌊mn/2 − z·√(mn(m+n+1)/12)⌋ (ibid., the large-sample approximation). Null when even k = 1 would
 * exclude with probability above `tail`: these sizes cannot give such an interval.
 */
export function mosesRank(opts: { m: number; n: number; tail: number }): { k: number; confidence: number } | null {
  const { m, n, tail } = opts;
  if (m * n > EXACT_MAX_PAIRS) {
    const k = Math.floor((m * n) / 2 - normalQuantile(1 - tail) * Math.sqrt((m * n * (m + n + 1)) / 12));
    return k >= 1 ? { k, confidence: 1 - 2 * tail } : null;
  }
  const cdf = noTiesCdf(m, n);
  let c = -1;
  while (c + 1 < cdf.length && cdf[c + 1]! <= tail * (1 + 1e-12)) c++;
  return c < 0 ? null : { k: c + 1, confidence: 1 - 2 * cdf[c]! };
}

/** An interval of the shift with the confidence it really has (≥ the one asked for). */
export interface ShiftInterval {
  low: number;
  high: number;
  confidence: number;
}

/** The Hodges–Lehmann estimate and the two Moses intervals a verdict needs. */
export interface ShiftEstimate {
  /** Hodges–Lehmann: the median of the m·n differences y_j − x_i (Hodges & Lehmann, Ann. Math. Statist. 34, 1963). */
  estimate: number;
  /** Two-sided 1 − α interval, or null when these sizes cannot have one. */
  interval: ShiftInterval | null;
  /** 1 − 2α interval, for two one-sided tests at α each (Schuirmann, J. Pharmacokin. Biopharm. 15, 1987). */
  equivalence: ShiftInterval | null;
  /** The widest order-statistic interval [D_(1), D_(mn)] and its confidence, shown when `interval` is null. */
  full: ShiftInterval;
}

/** Shift of `y` against `x` (same unit, e.g. log ms). Throws a RangeError on empty samples or non-finite values. */
export function estimateShift(opts: { x: readonly number[]; y: readonly number[]; alpha: number }): ShiftEstimate {
  const { x, y, alpha } = opts;
  if (x.length === 0 || y.length === 0) throw new RangeError(`estimateShift needs two non-empty samples, got ${x.length} and ${y.length} values`);
  checkValues(x, { what: 'estimateShift, first sample' });
  checkValues(y, { what: 'estimateShift, second sample' });
  const m = x.length;
  const n = y.length;
  const total = m * n;
  const order = pairwiseOrder(x, y);
  const middle = (total + 1) / 2;
  const estimate = Number.isInteger(middle) ? order(middle) : (order(Math.floor(middle)) + order(Math.ceil(middle))) / 2;
  const between = (rank: { k: number; confidence: number } | null): ShiftInterval | null =>
    rank && { low: order(rank.k), high: order(total + 1 - rank.k), confidence: rank.confidence };
  const xr = range(x);
  const yr = range(y);
  const fullConfidence = m * n > EXACT_MAX_PAIRS ? 1 : 1 - 2 * noTiesCdf(m, n)[0]!;
  return {
    estimate,
    interval: between(mosesRank({ m, n, tail: alpha / 2 })),
    equivalence: between(mosesRank({ m, n, tail: alpha })),
    full: { low: yr.min - xr.max, high: yr.max - xr.min, confidence: fullConfidence },
  };
}
