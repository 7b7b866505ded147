// A monotone trend in a series (round effects in run order): the Mann–Kendall test, S = Σ_{i<j} sign(x_j − x_i),
// with Kendall's τ = S / (n(n − 1)/2) (Mann, Econometrica 13, 1945; Kendall, Rank Correlation Methods, 1975).
// A machine that slows steadily through a run (thermal throttling, a growing background job) shows as τ near
// ±1; more rounds would only extend such a drift (sharkdp/hyperfine#481).
import { normalSurvival } from './normal.ts';

/** Exact up to this many values (a table of n(n − 1)/2 + 1 probabilities per n). */
export const TREND_EXACT_MAX = 50;

/** The trend of a series. */
export interface Trend {
  /** Kendall's τ: +1 strictly increasing, −1 strictly decreasing. */
  tau: number;
  /** Two-sided p of S = 0: exact from the distribution of inversions of a random order (n ≤ TREND_EXACT_MAX, ties counted 0), else normal. */
  p: number;
}

/**
 * P(inversions = k) of a uniformly random permutation of n items, by the recurrence of the Mahonian numbers
 * (inserting item n adds 0 … n − 1 inversions with equal probability).
 */
function inversionDistribution(n: number): Float64Array {
  let p = new Float64Array([1]);
  for (let m = 2; m <= n; m++) {
    const next = new Float64Array(p.length + m - 1);
    for (let k = 0; k < p.length; k++) for (let j = 0; j < m; j++) next[k + j] = next[k + j]! + p[k]! / m;
    p = next;
  }
  return p;
}

/** Mann–Kendall trend of `xs` in the given order; τ 0 and p 1 for fewer than 3 values. */
export function mannKendall(xs: readonly number[]): Trend {
  const n = xs.length;
  if (n < 3) return { tau: 0, p: 1 };
  let s = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) s += Math.sign(xs[j]! - xs[i]!);
  const pairs = (n * (n - 1)) / 2;
  const tau = s / pairs;
  if (n <= TREND_EXACT_MAX) {
    // S = pairs − 2·inversions; P(S ≥ |s|) = P(inversions ≤ (pairs − |s|)/2), symmetric.
    const dist = inversionDistribution(n);
    const limit = Math.floor((pairs - Math.abs(s)) / 2);
    let tail = 0;
    for (let k = 0; k <= limit; k++) tail += dist[k]!;
    return { tau, p: Math.min(1, 2 * tail) };
  }
  const sd = Math.sqrt((n * (n - 1) * (2 * n + 5)) / 18);
  return { tau, p: Math.min(1, 2 * normalSurvival((Math.abs(s) - 1) / sd)) };
}
