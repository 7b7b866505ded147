// The exact conditional p with ties against an independent permutation reference, the Moses interval's
// duality with the test, and the large-sample paths.
import { describe, expect, it } from 'vitest';
import {
  bisectedDifferences,
  compareSamples,
  conditionalTails,
  createRng,
  estimateShift,
  mannWhitneyU,
  pairwiseOrder,
  randomIndex,
  randomLogNormal,
  rankWithTies,
  type Rng,
} from '../../src/stats/index.ts';
import { permutationReference } from './permutation-reference.ts';

/** Build times on a coarse timer: few distinct values, so ties everywhere. */
const tied = (rng: Rng, n: number, levels: number, offset: number) => Array.from({ length: n }, () => 1000 + 10 * (randomIndex(rng, levels) + offset));

describe('exact conditional p with ties', () => {
  it('equals the permutation reference to 1e-9 on 300 random tied data sets with m·n ≤ 400', () => {
    const rng = createRng(14);
    let worst = 0;
    for (let t = 0; t < 300; t++) {
      const m = 1 + randomIndex(rng, 20);
      const n = 1 + randomIndex(rng, Math.min(40, Math.floor(400 / m)));
      const a = tied(rng, m, 2 + randomIndex(rng, 6), randomIndex(rng, 2));
      const b = tied(rng, n, 2 + randomIndex(rng, 6), 0);
      const r = mannWhitneyU(a, b);
      const ref = permutationReference(a, b);
      worst = Math.max(worst, Math.abs(r.p - ref.p), Math.abs(r.midP - ref.midP));
      expect(r.method).toBe('exact');
    }
    console.log(`largest difference from the permutation reference: ${worst.toExponential(2)}`);
    expect(worst).toBeLessThanOrEqual(1e-9);
  });

  it('holds at the largest sizes: 20 against 20 and 1 against 400', () => {
    const rng = createRng(3);
    for (const [m, n] of [
      [20, 20],
      [1, 400],
      [10, 40],
    ] as const) {
      const a = tied(rng, m, 5, 1);
      const b = tied(rng, n, 5, 0);
      const r = mannWhitneyU(a, b);
      const ref = permutationReference(a, b);
      expect(Math.abs(r.p - ref.p)).toBeLessThanOrEqual(1e-9);
      expect(Math.abs(r.midP - ref.midP)).toBeLessThanOrEqual(1e-9);
    }
  });

  it('past the exact limit, the tie-corrected normal approximation stays close to the exact conditional p', () => {
    const rng = createRng(5);
    const a = tied(rng, 60, 6, 1);
    const b = tied(rng, 60, 6, 0);
    const r = mannWhitneyU(a, b);
    expect(r.method).toBe('normal');
    // The exact conditional distribution, enumerated past the size the test uses it for.
    const { ranks } = rankWithTies([...a, ...b]);
    const doubled = ranks.map((x) => 2 * x);
    const observed = doubled.slice(0, 60).reduce((s, x) => s + x, 0);
    const t = conditionalTails({ doubledRanks: doubled, m: 60, observed });
    expect(Math.abs(r.p - Math.min(1, 2 * Math.min(t.below, t.above)))).toBeLessThan(0.01);
  });
});

describe('the Moses interval and the test agree by construction', () => {
  it('without ties: the 95% interval excludes a shift of 0 exactly when the exact p ≤ 0.05 (2,000 data sets)', () => {
    const rng = createRng(21);
    let disagreements = 0;
    for (let t = 0; t < 2000; t++) {
      const m = 3 + randomIndex(rng, 10);
      const n = 3 + randomIndex(rng, 10);
      const x = Array.from({ length: m }, () => Math.log(randomLogNormal({ rng, median: 1000, cv: 0.03 })));
      const y = Array.from({ length: n }, () => Math.log(randomLogNormal({ rng, median: 1030, cv: 0.03 })));
      const { interval } = estimateShift({ x, y, alpha: 0.05 });
      const excludes = interval !== null && (interval.low > 0 || interval.high < 0);
      if (excludes !== mannWhitneyU(y, x).p <= 0.05) disagreements++;
    }
    expect(disagreements).toBe(0);
  });

  it('the Hodges–Lehmann estimate lies inside its interval, and the intervals nest', () => {
    const rng = createRng(8);
    const x = Array.from({ length: 9 }, () => Math.log(randomLogNormal({ rng, median: 1000, cv: 0.05 })));
    const y = Array.from({ length: 11 }, () => Math.log(randomLogNormal({ rng, median: 1100, cv: 0.05 })));
    const s = estimateShift({ x, y, alpha: 0.05 });
    expect(s.interval!.low).toBeLessThanOrEqual(s.estimate);
    expect(s.estimate).toBeLessThanOrEqual(s.interval!.high);
    expect(s.interval!.low).toBeLessThanOrEqual(s.equivalence!.low);
    expect(s.equivalence!.high).toBeLessThanOrEqual(s.interval!.high);
    expect(s.full.low).toBeLessThanOrEqual(s.interval!.low);
  });
});

describe('large samples', () => {
  it('selects the k-th pairwise difference by bisection exactly as sorting all of them does', () => {
    const rng = createRng(2);
    const x = tied(rng, 30, 8, 0).map((v, i) => v + (i % 3) * 0.25);
    const y = Array.from({ length: 25 }, () => randomLogNormal({ rng, median: 1040, cv: 0.02 }));
    const sorted = pairwiseOrder(x, y);
    const bisected = bisectedDifferences(x, y);
    for (let k = 1; k <= 30 * 25; k += 7) expect(bisected(k)).toBe(sorted(k));
    expect(bisected(750)).toBe(sorted(750));
  });

  it('compares 1,500 against 1,000 builds (1.5 million pairs) without spreading them into a call', () => {
    const rng = createRng(4);
    const baseline = Array.from({ length: 1500 }, () => randomLogNormal({ rng, median: 1000, cv: 0.02 }));
    const variant = Array.from({ length: 1000 }, () => randomLogNormal({ rng, median: 1050, cv: 0.02 }));
    const c = compareSamples({ baseline, variant });
    expect(c).toMatchObject({ verdict: 'slower', pMethod: 'normal' });
    expect(c.ratio).toBeGreaterThan(1.045);
    expect(c.ratio).toBeLessThan(1.055);
    expect(c.ciLow).toBeGreaterThan(1.04);
  });
});
