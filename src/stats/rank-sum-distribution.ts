// Null distributions of the Mann-Whitney statistic, exact: without ties from a partition identity, with ties
// by enumerating the permutation (conditional) distribution of the rank sum over the observed midranks.

const noTiesCache = new Map<string, Float64Array>();

/**
 * P(U ≤ u) for u = 0..m·n, sizes m and n, no ties. The number of arrangements with U = u is the coefficient
 * of q^u in the Gaussian binomial [m+n choose m]_q = ∏_{i=1..m} (1 − q^(n+i)) / (1 − q^i) (Andrews, The
 * Theory of Partitions, 1976, ch. 3; the identity of Löffler 1983 that SciPy cites). Each step multiplies
 * by one factor and divides by another, and [n+i choose i]_q is a polynomial, so every division is exact.
 * Cached per (m, n): simulations and `--runs auto` ask for the same sizes again and again.
 */
export function noTiesCdf(m: number, n: number): Float64Array {
  const small = Math.min(m, n);
  const large = Math.max(m, n);
  const key = `${small},${large}`;
  const cached = noTiesCache.get(key);
  if (cached) return cached;
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
  noTiesCache.set(key, cdf);
  return cdf;
}

/** Tail probabilities of an observed statistic: P(T ≤ t), P(T ≥ t) and P(T = t). */
export interface Tails {
  below: number;
  above: number;
  at: number;
}

/** Tails of U = u (an integer) in the no-ties distribution. */
export function noTiesTails(m: number, n: number, u: number): Tails {
  const cdf = noTiesCdf(m, n);
  const below = cdf[u]!;
  const at = below - (u > 0 ? cdf[u - 1]! : 0);
  return { below, above: cdf[m * n - u]!, at }; // the distribution is symmetric: P(U ≥ u) = P(U ≤ mn − u)
}

/**
 * Exact conditional tails of the rank sum of the first `m` of the pooled values, given the observed ties:
 * every one of the C(N, m) ways to split the N midranks into samples of m and N − m is equally likely under
 * the null (the permutation distribution; Lehmann, Nonparametrics, 1975, §1.4; Hollander, Wolfe & Chicken,
 * Nonparametric Statistical Methods, 3rd ed., 2014, §4.1). Midranks are multiples of ½, so twice them are
 * integers and the distribution is a subset-sum count: counts[j][s] = ways to pick j of the values seen so
 * far with doubled rank sum s, updated value by value (the knapsack recursion; Streitberg & Röhmel 1986
 * count the same shift algorithm). Counts stay below 2^53 for C(N, m) ≤ 9·10^15 and are exact there; past
 * it, floating point keeps about 15 significant digits of each probability. Cost ~ k·N·(rank sum range)
 * for k = min(m, N − m), so it is used only for m·n up to EXACT_TIES_MAX_PAIRS.
 */
export function conditionalTails(opts: { doubledRanks: readonly number[]; m: number; observed: number }): Tails {
  const { doubledRanks, m, observed } = opts;
  const total = doubledRanks.reduce((s, r) => s + r, 0);
  const n = doubledRanks.length - m;
  // Count subsets of the smaller size; the other sample's sum is the total minus it.
  const k = Math.min(m, n);
  const target = k === m ? observed : total - observed;
  const width = 2 * doubledRanks.length * k + 1; // doubled ranks are ≤ 2N, so k of them sum to ≤ 2Nk
  const counts = new Float64Array((k + 1) * width);
  counts[0] = 1;
  let seen = 0;
  let reach = 0; // largest sum reachable so far with k values
  for (const r of doubledRanks) {
    seen++;
    reach = Math.min(width - 1, reach + r);
    for (let j = Math.min(seen, k); j >= 1; j--) {
      const row = j * width;
      const prev = (j - 1) * width;
      for (let s = reach; s >= r; s--) counts[row + s]! += counts[prev + s - r]!;
    }
  }
  let below = 0;
  let at = 0;
  let all = 0;
  const row = k * width;
  for (let s = 0; s < width; s++) {
    const c = counts[row + s]!;
    all += c;
    if (s < target) below += c;
    else if (s === target) at += c;
  }
  const tails = { below: (below + at) / all, above: 1 - below / all, at: at / all };
  // Counted for the other sample: its small sums are the first sample's large ones.
  return k === m ? tails : { below: tails.above, above: tails.below, at: tails.at };
}
