// The O(N log N) split scan (stats/energy-split.ts) against the E-divisive statistic written out pair by pair,
// for shuffled orders of blocks of unequal sizes with tied values.
import { describe, expect, it } from 'vitest';
import { bestSplit, prepareBlocks } from '../../src/stats/energy-split.ts';
import { createRng, randomIndex, randomNormal } from '../../src/stats/random.ts';

/** q̂ of X = the first `at` blocks of `order`, Y = the rest (Matteson & James 2014, eq. 5, α = 1; sums over ordered pairs). */
function directQ(blocks: number[][], order: number[], at: number): number {
  const x = order.slice(0, at).flatMap((b) => blocks[b]!);
  const y = order.slice(at).flatMap((b) => blocks[b]!);
  const sum = (a: number[], b: number[]) => a.reduce((s, u) => s + b.reduce((t, v) => t + Math.abs(u - v), 0), 0);
  const [n, m] = [x.length, y.length];
  return ((n * m) / (n + m)) * ((2 * sum(x, y)) / (n * m) - sum(x, x) / (n * n) - sum(y, y) / (m * m));
}

describe('bestSplit', () => {
  it('finds the split and statistic the pairwise sums give, in any order of the blocks, ties included', () => {
    const rng = createRng(5);
    for (let trial = 0; trial < 20; trial++) {
      const k = 4 + randomIndex(rng, 12);
      // values on a coarse grid so that ties happen, blocks of 1 to 6 values
      const blocks = Array.from({ length: k }, (_, b) => Array.from({ length: 1 + randomIndex(rng, 6) }, () => Math.round((b > k / 2 ? 3 : 0) + 4 * randomNormal(rng)) / 2));
      const order = Array.from({ length: k }, (_, i) => i).sort(() => rng() - 0.5);
      const minRuns = 1 + randomIndex(rng, 2);
      let want = { at: -1, q: -Infinity };
      for (let at = minRuns; at <= k - minRuns; at++) {
        const q = directQ(blocks, order, at);
        if (q > want.q) want = { at, q };
      }
      const got = bestSplit(prepareBlocks(blocks), Int32Array.from(order), minRuns);
      expect(got.at, `trial ${trial}`).toBe(want.at);
      expect(got.q).toBeCloseTo(want.q, 9);
    }
  });

  it('has no split in a range shorter than twice minRuns', () => {
    expect(bestSplit(prepareBlocks([[1], [2], [3]]), Int32Array.from([0, 1, 2]), 2)).toEqual({ at: -1, q: -Infinity });
  });
});
