// An independent exact reference for the Mann-Whitney test with ties: the permutation distribution built
// tie group by tie group with BigInt counts. Taking a_g of the t_g values of group g into the first sample
// can happen in C(t_g, a_g) ways and adds a_g × (twice the group's midrank) to the doubled rank sum; a
// convolution over groups gives every split's count exactly, with no floating point until the final division.

function binomials(t: number): bigint[] {
  const row = [1n];
  for (let k = 1; k <= t; k++) row.push((row[k - 1]! * BigInt(t - k + 1)) / BigInt(k));
  return row;
}

/** Two-sided p = 2·min(P(W ≤ w), P(W ≥ w)) and mid-p of the first sample's rank sum, capped at 1. */
export function permutationReference(a: readonly number[], b: readonly number[]): { p: number; midP: number } {
  const values = [...a, ...b].sort((x, y) => x - y);
  const groups: { value: number; size: number; doubledRank: number }[] = [];
  for (let i = 0; i < values.length; ) {
    let j = i;
    while (j < values.length && values[j] === values[i]) j++;
    groups.push({ value: values[i]!, size: j - i, doubledRank: i + 1 + j }); // 2 × (i + 1 + j) / 2
    i = j;
  }
  // states[taken]: doubled rank sum → number of ways
  let states: Map<number, bigint>[] = Array.from({ length: a.length + 1 }, (_, i) => new Map(i === 0 ? [[0, 1n]] : []));
  for (const g of groups) {
    const next: Map<number, bigint>[] = Array.from({ length: a.length + 1 }, () => new Map());
    const ways = binomials(g.size);
    states.forEach((sums, taken) => {
      for (const [sum, count] of sums) {
        for (let k = 0; k <= g.size && taken + k <= a.length; k++) {
          const key = sum + k * g.doubledRank;
          next[taken + k]!.set(key, (next[taken + k]!.get(key) ?? 0n) + count * ways[k]!);
        }
      }
    });
    states = next;
  }
  const observed = a.reduce((s, x) => s + groups.find((g) => g.value === x)!.doubledRank, 0);
  let below = 0n;
  let above = 0n;
  let at = 0n;
  let total = 0n;
  for (const [sum, count] of states[a.length]!) {
    total += count;
    if (sum < observed) below += count;
    else if (sum > observed) above += count;
    else at += count;
  }
  const ratio = (x: bigint) => Number((x * 10n ** 18n) / total) / 1e18;
  const lower = below + at;
  const upper = above + at;
  const smaller = lower < upper ? lower : upper;
  const mid = 2n * smaller - at; // 2·(tail − at/2)
  return { p: Math.min(1, 2 * ratio(smaller)), midP: Math.min(1, ratio(mid)) };
}
