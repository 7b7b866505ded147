// Mann-Whitney U test, two-sided (Mann & Whitney, Ann. Math. Statist. 18, 1947, 50–60). Distribution-free,
// so it stays honest on the skewed, outlier-prone timings that builds produce. Conventions follow
// scipy.stats.mannwhitneyu (U of the first sample; two-sided = twice the smaller one-sided p) so SciPy and
// scipy.stats.permutation_test can check ours.
import { checkValues } from './check-values.ts';
import { normalSurvival } from './normal.ts';
import { conditionalTails, noTiesTails, type Tails } from './rank-sum-distribution.ts';

/** Without ties the exact distribution is cached per size pair and cheap up to this m·n. */
export const EXACT_MAX_PAIRS = 10_000;
/** With ties the exact conditional distribution is enumerated up to this m·n (≈ 25 ms at 50 against 50). */
export const EXACT_TIES_MAX_PAIRS = 2_500;

/** Midranks (1-based) of the pooled values and the tie-group sizes. */
export function rankWithTies(pooled: readonly number[]): { ranks: number[]; tieSizes: number[] } {
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

/** How the p-value was computed. */
export type PMethod = 'exact' | 'normal';

/** U of the first sample and the two-sided p-values of the test. */
export interface MannWhitneyResult {
  /** U of `a`: pairs with a > b, ties counting ½ (SciPy's `statistic`). */
  u: number;
  /**
   * Two-sided p: 2·min(P(U ≤ u), P(U ≥ u)), capped at 1, under the exact null distribution — conditional on
   * the observed ties when there are any (the permutation distribution) — or, past the exact limits, the
   * normal approximation with tie-corrected variance and a ½ continuity correction.
   */
  p: number;
  /**
   * Two-sided mid-p (Lancaster, JASA 56, 1961; Agresti, Categorical Data Analysis, 3rd ed., 2013, §1.4.4):
   * only half the probability of the observed U counts as "at least as extreme". Shown for reference; the
   * verdicts use `p`, which the Moses interval inverts.
   */
  midP: number;
  method: PMethod;
}

function twoSided(t: Tails): { p: number; midP: number } {
  return {
    p: Math.min(1, 2 * Math.min(t.below, t.above)),
    midP: Math.min(1, 2 * Math.min(t.below - t.at / 2, t.above - t.at / 2)),
  };
}

/**
 * Normal approximation with the tie-corrected variance mn/12·(N + 1 − Σ(t³ − t)/(N(N − 1)))
 * (Hollander, Wolfe & Chicken 2014, §4.1); `p` with a ½ continuity correction, `midP` without.
 */
function normalApproximation(opts: { u: number; m: number; n: number; tieSizes: readonly number[] }): { p: number; midP: number } {
  const { u, m, n } = opts;
  const total = m + n;
  const tieTerm = opts.tieSizes.reduce((s, t) => s + t * t * t - t, 0) / (total * (total - 1));
  const sd = Math.sqrt(((m * n) / 12) * (total + 1 - tieTerm));
  if (sd === 0) return { p: 1, midP: 1 }; // every value tied: no evidence of any difference
  const distance = Math.abs(u - (m * n) / 2);
  return { p: Math.min(1, 2 * normalSurvival((distance - 0.5) / sd)), midP: Math.min(1, 2 * normalSurvival(distance / sd)) };
}

/**
 * Mann-Whitney U test of `a` against `b`: exact without ties for m·n ≤ EXACT_MAX_PAIRS, exact conditional
 * with ties for m·n ≤ EXACT_TIES_MAX_PAIRS, the normal approximation beyond. Throws a RangeError on an
 * empty sample or a value that is not a finite number.
 */
export function mannWhitneyU(a: readonly number[], b: readonly number[]): MannWhitneyResult {
  const m = a.length;
  const n = b.length;
  if (m === 0 || n === 0) throw new RangeError(`mannWhitneyU needs two non-empty samples, got ${m} and ${n} values`);
  checkValues(a, { what: 'mannWhitneyU, first sample' });
  checkValues(b, { what: 'mannWhitneyU, second sample' });
  const { ranks, tieSizes } = rankWithTies([...a, ...b]);
  let rankSumA = 0;
  for (let i = 0; i < m; i++) rankSumA += ranks[i]!;
  const u = rankSumA - (m * (m + 1)) / 2;
  if (tieSizes.length === 0 && m * n <= EXACT_MAX_PAIRS) return { u, ...twoSided(noTiesTails(m, n, u)), method: 'exact' };
  if (tieSizes.length > 0 && m * n <= EXACT_TIES_MAX_PAIRS) {
    const tails = conditionalTails({ doubledRanks: ranks.map((r) => 2 * r), m, observed: 2 * rankSumA });
    return { u, ...twoSided(tails), method: 'exact' };
  }
  return { u, ...normalApproximation({ u, m, n, tieSizes }), method: 'normal' };
}
