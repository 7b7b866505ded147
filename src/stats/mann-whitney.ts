// Mann-Whitney U test, two-sided (Mann & Whitney, Ann. Math. Statist. 18, 1947, 50–60). Distribution-free,
// so it stays honest on the skewed, outlier-prone timings that builds produce. Conventions follow
// scipy.stats.mannwhitneyu (SciPy 1.17) so its documented outputs can check ours.
import { normalSurvival } from './normal.ts';

/** Samples up to this product of sizes get the exact null distribution (when there are no ties). */
const EXACT_MAX_PAIRS = 10_000;

/** Midranks (1-based) of the pooled values and the tie-group sizes. */
function rankWithTies(pooled: readonly number[]): { ranks: number[]; tieSizes: number[] } {
  const order = pooled.map((v, i) => [v, i] as const).sort((x, y) => x[0] - y[0]);
  const ranks = new Array<number>(pooled.length);
  const tieSizes: number[] = [];
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && order[end]![0] === order[start]![0]) end++;
    const midrank = (start + 1 + end) / 2;
    for (let j = start; j < end; j++) ranks[order[j]![1]] = midrank;
    if (end - start > 1) tieSizes.push(end - start);
    start = end;
  }
  return { ranks, tieSizes };
}

const exactCache = new Map<string, Float64Array>();

/**
 * Null distribution of U for sizes m, n without ties, as cumulative probabilities P(U ≤ u). The number of
 * arrangements with U = u is the coefficient of q^u in the Gaussian binomial [m+n choose m]_q =
 * ∏_{i=1..m} (1 − q^(n+i)) / (1 − q^i) (Andrews, The Theory of Partitions, 1976, ch. 3; the same partition
 * identity as Löffler 1983, which SciPy cites). Each step multiplies by one factor and divides by another,
 * and [n+i choose i]_q is a polynomial, so every division is exact.
 */
function exactCdf(m: number, n: number): Float64Array {
  const key = `${Math.min(m, n)},${Math.max(m, n)}`;
  const cached = exactCache.get(key);
  if (cached) return cached;
  const small = Math.min(m, n);
  const large = Math.max(m, n);
  const top = small * large;
  const counts = new Float64Array(top + 1);
  counts[0] = 1;
  for (let i = 1; i <= small; i++) {
    const a = large + i;
    for (let u = top; u >= a; u--) counts[u]! -= counts[u - a]!;
    for (let u = i; u <= top; u++) counts[u]! += counts[u - i]!;
  }
  let total = 0;
  for (const c of counts) total += c;
  const cdf = new Float64Array(top + 1);
  let running = 0;
  for (let u = 0; u <= top; u++) cdf[u] = (running += counts[u]!) / total;
  exactCache.set(key, cdf);
  return cdf;
}

/** U of the first sample and the two-sided p-values of the test. */
export interface MannWhitneyResult {
  /** U of `a`: pairs with a > b, ties counting ½ (SciPy's `statistic`). */
  u: number;
  /** Two-sided p-value, as scipy.stats.mannwhitneyu (method "exact" or "asymptotic") computes it. */
  p: number;
  /**
   * Two-sided mid-p-value (Lancaster, JASA 56, 1961; Agresti, Categorical Data Analysis, 3rd ed., 2013,
   * §1.4.4): only half the probability of the observed U counts as "at least as extreme". The exact p of a
   * discrete statistic is conservative — at 10 vs 10 builds no U gives p in (0.043, 0.052), so a test "at
   * 5%" really runs at 4.3% and loses power exactly where builds are few. The mid-p's size is close to α
   * on average. In the normal approximation it is the p without the continuity correction.
   */
  midP: number;
}

/**
 * Mann-Whitney U test of `a` against `b`. Exact null distribution when there are no ties and the samples
 * are small (n_a·n_b ≤ 10,000); otherwise the normal approximation with tie-corrected variance
 * (Hollander, Wolfe & Chicken, Nonparametric Statistical Methods, 3rd ed., 2014, §4.1), with a 0.5
 * continuity correction for `p`.
 */
export function mannWhitneyU(a: readonly number[], b: readonly number[]): MannWhitneyResult {
  const m = a.length;
  const n = b.length;
  if (m === 0 || n === 0) throw new RangeError(`mannWhitneyU needs two non-empty samples, got ${m} and ${n} values`);
  const { ranks, tieSizes } = rankWithTies([...a, ...b]);
  let rankSumA = 0;
  for (let i = 0; i < m; i++) rankSumA += ranks[i]!;
  const u = rankSumA - (m * (m + 1)) / 2;
  const uNear = Math.min(u, m * n - u); // the two-sided p doubles the tail of the more extreme side
  if (tieSizes.length === 0 && m * n <= EXACT_MAX_PAIRS) {
    const cdf = exactCdf(m, n);
    const atU = cdf[uNear]! - (uNear > 0 ? cdf[uNear - 1]! : 0); // P(U = uNear)
    return { u, p: Math.min(1, 2 * cdf[uNear]!), midP: Math.min(1, 2 * (cdf[uNear]! - atU / 2)) };
  }
  const total = m + n;
  const tieTerm = tieSizes.reduce((s, t) => s + t * t * t - t, 0) / (total * (total - 1));
  const sd = Math.sqrt(((m * n) / 12) * (total + 1 - tieTerm));
  if (sd === 0) return { u, p: 1, midP: 1 }; // every value tied: no evidence of any difference
  const distance = (m * n) / 2 - uNear;
  return {
    u,
    p: Math.min(1, 2 * normalSurvival((distance - 0.5) / sd)),
    midP: Math.min(1, 2 * normalSurvival(distance / sd)),
  };
}
