import { describe, expect, it } from 'vitest';
import { mannWhitneyU } from '../../src/stats/index.ts';
import { permutationReference } from './permutation-reference.ts';

// Reference values from scipy.stats.mannwhitneyu, SciPy 1.17.1:
//   mannwhitneyu(a, b, method='exact') when there are no ties, mannwhitneyu(a, b) (asymptotic, continuity
//   correction) when there are; `use_continuity=False` gives the normal-approximation mid-p.
// The first row is the worked example in SciPy's own docstring (after R. Shier, "Statistics: 2.3 The
// Mann-Whitney U Test", Mathematics Learning Support Centre, 2004): U = 17, p = 0.1111111111111111.
const exactCases = [
  { name: 'SciPy docstring: diagnosis age, males vs females', a: [19, 22, 16, 29, 24], b: [20, 11, 17, 12], u: 17, p: 0.1111111111111111 },
  { name: 'completely separated, 10 vs 10', a: [11, 12, 13, 14, 15, 16, 17, 18, 19, 20], b: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], u: 100, p: 1.082508822446903e-5 },
  { name: 'build times, 8 vs 8', a: [812, 790, 805, 798, 820, 801, 795, 809], b: [850, 833, 841, 828, 862, 845, 839, 830], u: 0, p: 0.0001554001554001554 },
  { name: 'overlapping, 7 vs 9', a: [1.1, 2.3, 3.5, 4.2, 5.9, 6.1, 7.7], b: [2.0, 2.9, 4.4, 4.8, 6.5, 7.2, 8.1, 9.3, 10.4], u: 19, p: 0.2104895104895105 },
  { name: 'unequal sizes, 3 vs 12', a: [5.5, 6.1, 9.9], b: [1, 2, 3, 4, 5, 6.5, 7, 8, 9, 10, 11, 12], u: 19, p: 0.9450549450549449 },
];

/** Every way to split the pooled values into |a| and |b|: the exact null distribution by brute force. */
function bruteForce(a: number[], b: number[]): { p: number; midP: number } {
  const pooled = [...a, ...b];
  const uOf = (xs: number[], ys: number[]) => xs.reduce((s, x) => s + ys.filter((y) => x > y).length, 0);
  const observed = Math.min(uOf(a, b), a.length * b.length - uOf(a, b));
  let below = 0;
  let at = 0;
  let total = 0;
  const n = pooled.length;
  for (let mask = 0; mask < 1 << n; mask++) {
    const xs = pooled.filter((_, i) => mask & (1 << i));
    if (xs.length !== a.length) continue;
    const ys = pooled.filter((_, i) => !(mask & (1 << i)));
    const u = uOf(xs, ys);
    total++;
    if (u < observed) below++;
    if (u === observed) at++;
  }
  return { p: Math.min(1, (2 * (below + at)) / total), midP: Math.min(1, (2 * (below + at / 2)) / total) };
}

describe('mannWhitneyU', () => {
  it.each(exactCases)('exact p without ties: $name', ({ a, b, u, p }) => {
    const r = mannWhitneyU(a, b);
    expect(r.u).toBe(u);
    expect(r.p).toBeCloseTo(p, 14);
  });

  it("the issue's tied build times: exact conditional mid-p 0.055 and p 0.104, not slower at 5%", () => {
    const baseline = [950, 1000, 1000, 1000, 1000, 950, 1000, 1000, 1050, 1050, 1000, 1000];
    const variant = [1050, 1050, 1050, 1000];
    const r = mannWhitneyU(variant, baseline);
    // Of the C(16, 4) = 1820 splits, 95 have U ≥ 39 and 90 have U = 39: p = 2·95/1820, mid-p = (2·95 − 90)/1820.
    expect(r).toMatchObject({ u: 39, method: 'exact' });
    expect(r.p).toBeCloseTo(190 / 1820, 14);
    expect(r.midP).toBeCloseTo(100 / 1820, 14);
    expect(permutationReference(variant, baseline)).toEqual({ p: expect.closeTo(r.p, 14), midP: expect.closeTo(r.midP, 14) });
  });

  it.each([
    [[19, 22, 16, 29, 24], [20, 11, 17, 12]],
    [[3.1, 5.2, 1.7, 8.8, 4.4, 6.0], [2.5, 7.1, 9.9, 0.4, 5.5, 6.6]],
    [[1, 2, 3], [4, 5, 6, 7, 8, 9, 10, 11]],
  ])('exact p and mid-p equal a brute-force enumeration of all splits (%j vs %j)', (a, b) => {
    const r = mannWhitneyU(a, b);
    const expected = bruteForce(a, b);
    expect(r.p).toBeCloseTo(expected.p, 12);
    expect(r.midP).toBeCloseTo(expected.midP, 12);
  });

  it('is symmetric: swapping the samples gives U₂ = n₁n₂ − U₁ and the same p', () => {
    const a = [19, 22, 16, 29, 24];
    const b = [20, 11, 17, 12];
    const [ab, ba] = [mannWhitneyU(a, b), mannWhitneyU(b, a)];
    expect(ba.u).toBe(20 - ab.u);
    expect(ba.p).toBeCloseTo(ab.p, 15);
    expect(ba.midP).toBeCloseTo(ab.midP, 15);
  });

  it('gives p = 1 when every value is tied', () => {
    expect(mannWhitneyU([5, 5, 5], [5, 5])).toEqual({ u: 3, p: 1, midP: 1, method: 'exact' });
  });

  it.each([
    [[], [1], 'mannWhitneyU needs two non-empty samples, got 0 and 1 values'],
    [[NaN, NaN], [1, 2, 3, 4, 5], 'mannWhitneyU, first sample: value 0 is NaN; every value must be a finite number'],
    [[1], [2, Infinity], 'mannWhitneyU, second sample: value 1 is Infinity; every value must be a finite number'],
  ])('rejects %j against %j', (a, b, message) => {
    expect(() => mannWhitneyU(a, b)).toThrow(message);
  });
});
