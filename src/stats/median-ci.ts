// A distribution-free confidence interval of the median from two order statistics: the median lies below
// the r-th smallest of n values exactly when fewer than r values fall below it, which is Binomial(n, ½) —
// whatever the distribution (Thompson 1936; Conover, Practical Nonparametric Statistics, 3rd ed., 1999,
// §3.2). The ends are sample values, so one wild build moves an end only when n is too small to exclude it.
import { normalQuantile } from './normal.ts';

/** Exact binomial sums up to this n; past it, the normal approximation (2^-n underflows past 1074). */
const EXACT_MAX_N = 1000;

/** The interval, its actual confidence (≥ the level asked for whenever n allows) and the ranks used. */
export interface MedianInterval {
  low: number;
  high: number;
  confidence: number;
}

/**
 * Rank r of [x_(r), x_(n+1−r)]: the largest r with P(B ≤ r − 1) ≤ (1 − level)/2 for B ~ Binomial(n, ½),
 * confidence 1 − 2·P(B ≤ r − 1). When even r = 1 falls short (n < 6 at 95%), r = 1 with its lower
 * confidence 1 − 2^(1−n): [min, max] is then all the data can say.
 */
export function medianRank(n: number, level: number): { r: number; confidence: number } {
  const tail = (1 - level) / 2;
  if (n > EXACT_MAX_N) {
    const r = Math.max(1, Math.floor(n / 2 - (normalQuantile(1 - tail) * Math.sqrt(n)) / 2));
    return { r, confidence: level };
  }
  let pmf = 2 ** -n; // P(B = 0)
  let cdf = pmf;
  if (cdf > tail) return { r: 1, confidence: 1 - 2 * cdf };
  let r = 1;
  for (;;) {
    const nextPmf = (pmf * (n - (r - 1))) / r; // P(B = r) from P(B = r − 1)
    if (cdf + nextPmf > tail * (1 + 1e-12) || r + 1 > (n + 1) / 2) break;
    pmf = nextPmf;
    cdf += pmf;
    r++;
  }
  return { r, confidence: 1 - 2 * cdf };
}

/** Order-statistic interval of the median of an ascending sample at `level` (0.95 by default). */
export function medianIntervalOfSorted(sorted: ArrayLike<number>, level = 0.95): MedianInterval {
  const n = sorted.length;
  if (n === 0) throw new RangeError('medianInterval needs at least one value');
  const { r, confidence } = medianRank(n, level);
  return { low: sorted[r - 1]!, high: sorted[n - r]!, confidence };
}
