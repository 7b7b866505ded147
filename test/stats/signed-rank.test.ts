// The paired analysis: the signed-rank test against a brute-force enumeration of every sign pattern, its
// interval ranks against the published table, and comparePaired's verdicts on round pairs.
import { describe, expect, it } from 'vitest';
import { comparePaired, createRng, estimateCentre, minPairsForDifference, randomNormal, signedRankIntervalRank, signedRankTest, walshAverages } from '../../src/stats/index.ts';
import { rankWithTies } from '../../src/stats/mann-whitney.ts';

/** Two-sided p by listing all 2^n sign patterns of |d|'s midranks (zeros dropped): the reference. */
function bruteForceP(d: number[]): number {
  const nz = d.filter((x) => x !== 0);
  const { ranks } = rankWithTies(nz.map(Math.abs));
  const observed = nz.reduce((s, x, i) => s + (x > 0 ? ranks[i]! : 0), 0);
  let below = 0;
  let above = 0;
  const total = 2 ** nz.length;
  for (let mask = 0; mask < total; mask++) {
    let t = 0;
    for (let i = 0; i < nz.length; i++) if (mask & (1 << i)) t += ranks[i]!;
    if (t <= observed + 1e-9) below++;
    if (t >= observed - 1e-9) above++;
  }
  return Math.min(1, (2 * Math.min(below, above)) / total);
}

describe('signedRankTest', () => {
  it('equals the enumeration of all sign patterns on 200 random data sets, with and without ties and zeros', () => {
    const rng = createRng(23);
    for (let t = 0; t < 200; t++) {
      const n = 3 + Math.floor(rng() * 10);
      const tied = t % 2 === 0;
      const d = Array.from({ length: n }, () => (tied ? Math.round(randomNormal(rng) * 2) / 2 : randomNormal(rng)));
      expect(signedRankTest(d).p).toBeCloseTo(bruteForceP(d), 12);
    }
  });

  it.each([
    { d: [1, 2, 3, 4, 5, 6], p: 2 / 64 },
    { d: [-1, -2, -3, -4, -5], p: 2 / 32 },
    { d: [0, 0, 0], p: 1 },
  ])('$d: p = $p', ({ d, p }) => {
    expect(signedRankTest(d).p).toBeCloseTo(p, 12);
  });
});

describe('signed-rank interval', () => {
  // Hollander, Wolfe & Chicken (2014), Table A.4: n = 10, two-sided α = 0.05 — lower critical T 8 (P = 0.0244).
  it.each([
    { n: 10, tail: 0.025, k: 9, confidence: 1 - 2 * 0.0244140625 },
    { n: 6, tail: 0.025, k: 1, confidence: 1 - 2 / 64 },
    { n: 5, tail: 0.025, k: null, confidence: null },
  ])('n = $n, tail $tail: k = $k', ({ n, tail, k, confidence }) => {
    const r = signedRankIntervalRank({ n, tail });
    if (k === null) expect(r).toBeNull();
    else expect(r).toEqual({ k, confidence: expect.closeTo(confidence!, 9) });
  });

  it('the Hodges–Lehmann centre is the median of the Walsh averages', () => {
    expect([...walshAverages([1, 3])]).toEqual([1, 2, 3]);
    expect(estimateCentre({ d: [1, 3, 8], alpha: 0.05 }).estimate).toBe(3.75); // 1, 2, 3 | 4.5, 5.5, 8
  });

  it('covers the true centre at its stated confidence (seeded, 2,000 trials of 12 pairs)', () => {
    const rng = createRng(5);
    let covered = 0;
    let confidence = 0;
    for (let t = 0; t < 2000; t++) {
      const d = Array.from({ length: 12 }, () => 0.3 + randomNormal(rng));
      const { interval } = estimateCentre({ d, alpha: 0.05 });
      if (interval!.low <= 0.3 && 0.3 <= interval!.high) covered++;
      confidence = interval!.confidence;
    }
    expect(confidence).toBeGreaterThanOrEqual(0.95);
    expect(covered / 2000).toBeGreaterThan(confidence - 0.015);
  });

  it('needs 6 pairs for faster/slower at α = 0.05 (2/64 ≤ 0.05 < 2/32)', () => {
    expect(minPairsForDifference(0.05)).toBe(6);
  });
});

describe('comparePaired', () => {
  const pairs = (ratios: number[], drift: number[]) => ratios.map((r, i) => ({ round: i, baseline: 1000 * drift[i]!, variant: 1000 * r * drift[i]! }));
  const drift = [1, 1.3, 0.8, 1.5, 0.9, 1.2, 0.7, 1.4, 1.1, 0.95];

  it('a steady 5% change under 2× round-to-round drift: slower, paired, interval within the changes', () => {
    const c = comparePaired({ pairs: pairs([1.05, 1.051, 1.049, 1.052, 1.048, 1.05, 1.053, 1.047, 1.05, 1.051], drift) });
    expect(c).toMatchObject({ analysis: 'paired', pairs: 10, verdict: 'slower', pMethod: 'exact' });
    expect(c.ratio).toBeCloseTo(1.05, 3);
    expect(c.ciLow).toBeGreaterThan(1.047);
    expect(c.pValue).toBeCloseTo(2 / 1024, 12);
  });

  it('the same builds within ±0.5% each round: no difference', () => {
    const c = comparePaired({ pairs: pairs([1.004, 0.997, 1.002, 0.996, 1.001, 1.003, 0.998, 1, 0.999, 1.002], drift) });
    expect(c.verdict).toBe('no difference');
  });

  it('5 pairs can never decide faster/slower: says so', () => {
    const c = comparePaired({ pairs: pairs([1.2, 1.2, 1.2, 1.2, 1.2], drift) });
    expect(c).toMatchObject({ verdict: 'inconclusive', minRunsToDecide: 6 });
  });

  it('rejects no pairs and non-positive values with one clear message', () => {
    expect(() => comparePaired({ pairs: [] })).toThrow('comparePaired needs at least one round with both builds');
    expect(() => comparePaired({ pairs: [{ round: 0, baseline: 0, variant: 1 }] })).toThrow(/comparePaired, baseline/);
  });
});
