import { describe, expect, it } from 'vitest';
import { createRng, normalQuantile, normalSurvival, randomGamma, randomLogNormal, randomNormal } from '../../src/stats/index.ts';

const draw = (n: number, f: () => number) => Array.from({ length: n }, f);
const meanOf = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const varOf = (xs: number[]) => {
  const m = meanOf(xs);
  return meanOf(xs.map((x) => (x - m) ** 2));
};

describe('createRng (mulberry32)', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = draw(5, a);
    expect(draw(5, b)).toEqual(seqA);
    expect(draw(5, c)).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });

  it('is uniform enough: mean ½ and variance 1/12 over 100,000 draws', () => {
    const xs = draw(100_000, createRng(7));
    expect(meanOf(xs)).toBeCloseTo(0.5, 2);
    expect(varOf(xs)).toBeCloseTo(1 / 12, 3);
  });
});

describe('random variates', () => {
  it('normal: mean 0, variance 1', () => {
    const rng = createRng(1);
    const xs = draw(100_000, () => randomNormal(rng));
    expect(meanOf(xs)).toBeCloseTo(0, 1);
    expect(varOf(xs)).toBeCloseTo(1, 1);
  });

  it.each([1, 5.5, 20])('gamma(%d): mean and variance equal the shape', (shape) => {
    const rng = createRng(2);
    const xs = draw(100_000, () => randomGamma(rng, shape));
    expect(Math.abs(meanOf(xs) / shape - 1)).toBeLessThan(0.01);
    expect(Math.abs(varOf(xs) / shape - 1)).toBeLessThan(0.03);
  });

  it('log-normal: the median and coefficient of variation asked for', () => {
    const rng = createRng(3);
    const xs = draw(100_000, () => randomLogNormal({ rng, median: 200, cv: 0.1 })).sort((x, y) => x - y);
    expect(Math.abs(xs[50_000]! / 200 - 1)).toBeLessThan(0.002);
    expect(Math.sqrt(varOf(xs)) / meanOf(xs)).toBeCloseTo(0.1, 2);
  });
});

describe('standard normal', () => {
  // scipy.stats.norm.ppf / norm.sf, SciPy 1.17.1
  it.each([
    [0.975, 1.959963984540054],
    [0.8, 0.8416212335729143],
    [0.001, -3.090232306167813],
    [0.5, 0],
  ])('Φ⁻¹(%d) = %d', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 8);
  });

  it.each([
    [1.96, 0.024997895148220435],
    [3, 0.0013498980316300933],
    [-1, 0.8413447460685429],
  ])('P(Z > %d) = %d', (z, p) => {
    expect(Math.abs(normalSurvival(z) - p) / p).toBeLessThan(1.2e-7);
  });

  it('rejects a probability outside (0, 1)', () => {
    expect(() => normalQuantile(1)).toThrow('normalQuantile needs 0 < p < 1, got 1');
  });
});
