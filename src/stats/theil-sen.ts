// A slow creep: the Theil–Sen slope (Theil 1950; Sen 1968, "Estimates of the regression coefficient based on
// Kendall's tau", JASA 63(324)) — the median of the slopes between every pair of points — with Sen's
// distribution-free interval, which inverts Kendall's test of no trend. Robust: one outlying run moves it little.
import { normalQuantile } from './normal.ts';

/** A slope with its interval, in the unit of y per unit of x. */
export interface TheilSenSlope {
  slope: number;
  low: number;
  high: number;
  /** Points the slope was fitted to. */
  n: number;
}

/**
 * The Theil–Sen slope of the points (x[i], y[i]) and its 1 − alpha interval (Sen 1968, eq. 2.6 and section 5):
 * with N pairwise slopes sorted and C = z(1 − alpha/2)·√Var(S), where Var(S) = n(n − 1)(2n + 5)/18 is the
 * variance of Kendall's S without ties in x, the interval runs from the ⌊(N − C)/2⌋-th to the ⌈(N + C)/2⌉-th
 * slope (1-based, clamped). Pairs with equal x are left out. Returns undefined with fewer than 3 points or no
 * pair of distinct x. Throws a RangeError on arrays of different lengths.
 */
export function theilSen(x: readonly number[], y: readonly number[], alpha = 0.05): TheilSenSlope | undefined {
  if (x.length !== y.length) throw new RangeError(`theilSen needs as many x as y, got ${x.length} and ${y.length}`);
  const n = x.length;
  if (n < 3) return undefined;
  const slopes: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) if (x[j] !== x[i]) slopes.push((y[j]! - y[i]!) / (x[j]! - x[i]!));
  }
  if (slopes.length === 0) return undefined;
  slopes.sort((a, b) => a - b);
  const N = slopes.length;
  const mid = (N - 1) / 2;
  const slope = (slopes[Math.floor(mid)]! + slopes[Math.ceil(mid)]!) / 2;
  const c = normalQuantile(1 - alpha / 2) * Math.sqrt((n * (n - 1) * (2 * n + 5)) / 18);
  const lower = Math.max(1, Math.floor((N - c) / 2));
  const upper = Math.min(N, Math.ceil((N + c) / 2) + 1);
  return { slope, low: slopes[lower - 1]!, high: slopes[upper - 1]!, n };
}
