// The one-sample (paired) counterpart of shift.ts: the Wilcoxon signed-rank test, the Hodges–Lehmann
// estimate as the median of the Walsh averages, and the interval that inverts the test (Wilcoxon, Biometrics
// Bull. 1, 1945; Tukey 1949 and Walsh, JASA 44, 1949; Hollander, Wolfe & Chicken, Nonparametric Statistical
// Methods, 3rd ed., 2014, §3.1–3.2). Applied to per-round ln ratios it compares two variants round by round.
import { checkValues } from './check-values.ts';
import { rankWithTies } from './mann-whitney.ts';
import { normalQuantile, normalSurvival } from './normal.ts';

/** The exact null distribution is built up to this many differences (a 2·N(N + 1)/2-long table per N). */
export const SIGNED_RANK_EXACT_MAX = 400;

/**
 * P(T = t) for t = 0 … Σscores, T the sum of the scores given a + sign, each sign + or − with probability ½
 * independently: the exact null distribution of the signed-rank statistic (integer scores; with ties, the
 * doubled midranks, so the distribution is the conditional one given the ties).
 */
export function signSumDistribution(scores: readonly number[]): Float64Array {
  const total = scores.reduce((s, x) => s + x, 0);
  let p = new Float64Array(total + 1);
  p[0] = 1;
  let reach = 0;
  for (const s of scores) {
    const next = new Float64Array(total + 1);
    for (let t = 0; t <= reach; t++) {
      const half = p[t]! / 2;
      if (half === 0) continue;
      next[t] = next[t]! + half;
      next[t + s] = next[t + s]! + half;
    }
    reach += s;
    p = next;
  }
  return p;
}

const noTiesCache = new Map<number, Float64Array>();

/** Cumulative P(T⁺ ≤ t) of the signed-rank statistic of n differences without ties (ranks 1 … n). */
function noTiesCdf(n: number): Float64Array {
  const cached = noTiesCache.get(n);
  if (cached) return cached;
  const pmf = signSumDistribution(Array.from({ length: n }, (_, i) => i + 1));
  const cdf = new Float64Array(pmf.length);
  let run = 0;
  for (let t = 0; t < pmf.length; t++) cdf[t] = run += pmf[t]!;
  noTiesCache.set(n, cdf);
  return cdf;
}

/** The signed-rank test of `d` against 0. */
export interface SignedRankResult {
  /** T⁺: the sum of the (mid)ranks of |d| over the positive d; zeros are left out (Wilcoxon's convention). */
  tPlus: number;
  /** Differences that were not zero: the n of the test. */
  n: number;
  /** Two-sided p = 2·min(P(T⁺ ≤ t), P(T⁺ ≥ t)), capped at 1; exact (conditional on ties) up to SIGNED_RANK_EXACT_MAX, else normal. */
  p: number;
  method: 'exact' | 'normal';
}

/**
 * The Wilcoxon signed-rank test of whether `d` is centred on 0. Zeros are dropped, tied |d| get midranks and
 * the exact distribution is then the one conditional on those ties. Throws a RangeError on a non-finite value.
 */
export function signedRankTest(d: readonly number[]): SignedRankResult {
  checkValues(d, { what: 'signedRankTest' });
  const nonzero = d.filter((x) => x !== 0);
  const n = nonzero.length;
  if (n === 0) return { tPlus: 0, n: 0, p: 1, method: 'exact' };
  const { ranks, tieSizes } = rankWithTies(nonzero.map(Math.abs));
  const tPlus = nonzero.reduce((s, x, i) => s + (x > 0 ? ranks[i]! : 0), 0);
  if (n <= SIGNED_RANK_EXACT_MAX) {
    const pmf = signSumDistribution(ranks.map((r) => Math.round(2 * r)));
    const at = Math.round(2 * tPlus);
    let below = 0;
    let above = 0;
    for (let t = 0; t < pmf.length; t++) {
      if (t <= at) below += pmf[t]!;
      if (t >= at) above += pmf[t]!;
    }
    return { tPlus, n, p: Math.min(1, 2 * Math.min(below, above)), method: 'exact' };
  }
  const tieTerm = tieSizes.reduce((s, t) => s + t * t * t - t, 0) / 48;
  const sd = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieTerm);
  const distance = Math.abs(tPlus - (n * (n + 1)) / 4);
  return { tPlus, n, p: Math.min(1, 2 * normalSurvival((distance - 0.5) / sd)), method: 'normal' };
}

/** The Walsh averages (d_i + d_j)/2, i ≤ j, sorted: N(N + 1)/2 of them. */
export function walshAverages(d: readonly number[]): Float64Array {
  const out = new Float64Array((d.length * (d.length + 1)) / 2);
  let k = 0;
  for (let i = 0; i < d.length; i++) for (let j = i; j < d.length; j++) out[k++] = (d[i]! + d[j]!) / 2;
  return out.sort();
}

/**
 * Rank k of the signed-rank interval [W_(k), W_(M+1−k)] over the M sorted Walsh averages, and its
 * confidence: k − 1 is the largest c with P(T⁺ ≤ c) ≤ `tail` (no ties), so each end excludes the true
 * centre with probability ≤ `tail` (Hollander, Wolfe & Chicken 2014, §3.2, comment 3.2.14). Past
 * SIGNED_RANK_EXACT_MAX the normal approximation of c. Null when n is too small for any such interval.
 */
export function signedRankIntervalRank(opts: { n: number; tail: number }): { k: number; confidence: number } | null {
  const { n, tail } = opts;
  if (n > SIGNED_RANK_EXACT_MAX) {
    const k = Math.floor((n * (n + 1)) / 4 - normalQuantile(1 - tail) * Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24));
    return k >= 1 ? { k, confidence: 1 - 2 * tail } : null;
  }
  const cdf = noTiesCdf(n);
  let c = -1;
  while (c + 1 < cdf.length && cdf[c + 1]! <= tail) c++;
  if (c < 0) return null;
  return { k: c + 1, confidence: 1 - 2 * cdf[c]! };
}

/** An interval of the centre of `d`, with its actual confidence. */
export interface CentreInterval {
  low: number;
  high: number;
  confidence: number;
}

/** The Hodges–Lehmann centre of `d` and its signed-rank intervals at tails α/2 (the test's) and α (TOST's). */
export interface CentreEstimate {
  /** Median of the Walsh averages (Hodges & Lehmann, Ann. Math. Statist. 34, 1963). */
  estimate: number;
  /** 1 − α interval; null when n is too small to have one. */
  interval: CentreInterval | null;
  /** 1 − 2α interval, for two one-sided tests; null when n is too small. */
  equivalence: CentreInterval | null;
  /** [min d, max d] with its confidence 1 − 2^(1−n): shown when there is no interval at 1 − α. */
  full: CentreInterval;
}

/** Hodges–Lehmann estimate of the centre of `d` with its signed-rank intervals. Throws a RangeError on no values or a non-finite one. */
export function estimateCentre(opts: { d: readonly number[]; alpha: number }): CentreEstimate {
  const { d, alpha } = opts;
  if (d.length === 0) throw new RangeError('estimateCentre needs at least one difference');
  checkValues(d, { what: 'estimateCentre' });
  const w = walshAverages(d);
  const m = w.length;
  const estimate = m % 2 === 1 ? w[(m - 1) / 2]! : (w[m / 2 - 1]! + w[m / 2]!) / 2;
  const between = (rank: { k: number; confidence: number } | null): CentreInterval | null =>
    rank && { low: w[rank.k - 1]!, high: w[m - rank.k]!, confidence: rank.confidence };
  return {
    estimate,
    interval: between(signedRankIntervalRank({ n: d.length, tail: alpha / 2 })),
    equivalence: between(signedRankIntervalRank({ n: d.length, tail: alpha })),
    full: { low: w[0]!, high: w[m - 1]!, confidence: 1 - 2 ** (1 - d.length) },
  };
}

/** Fewest pairs for which the two-sided exact signed-rank test can reach p ≤ α: 2 / 2^n ≤ α (6 at α = 0.05). */
export function minPairsForDifference(alpha: number): number {
  let n = 1;
  while (2 / 2 ** n > alpha) n++;
  return n;
}
