// Two modes: the cases the rule must find, the unimodal samples it must leave alone (seeded simulation of its
// false-positive rate), and the summary that no longer files a second mode as outliers.
import { describe, expect, it } from 'vitest';
import { createRng, findModes, randomGamma, randomNormal, summarize } from '../../src/stats/index.ts';

describe('findModes', () => {
  it('a cache that hits in 2 of 10 builds: two modes, their medians and counts', () => {
    const values = [615, 620, 115, 628, 611, 619, 623, 112, 617, 625];
    expect(findModes(values)).toEqual([
      { count: 2, median: 113.5, min: 112, max: 115 },
      { count: 8, median: 619.5, min: 611, max: 628 },
    ]);
  });

  it.each([
    { what: 'one far build (an outlier, not a mode)', values: [100, 101, 99, 102, 100, 98, 101, 300] },
    { what: 'fewer than 6 samples', values: [100, 100, 200, 200, 200] },
    { what: 'two groups 1% apart', values: [100, 100, 100, 100, 101, 101, 101, 101] },
    { what: 'an even spread', values: [100, 102, 104, 106, 108, 110, 112, 114, 116, 118] },
  ])('$what: none', ({ values }) => {
    expect(findModes(values)).toBeNull();
  });

  // ln values of unimodal shapes at 5% spread: normal (log-normal times), gamma(2) and uniform; 2,000 trials
  // a cell. The full table (n = 6 … 100, and gamma(1)) is in bench/harness/noise-stats.bench.ts.
  it.each([
    { shape: 'normal', n: 6, max: 0.015 },
    { shape: 'normal', n: 10, max: 0.01 },
    { shape: 'normal', n: 30, max: 0.01 },
    { shape: 'gamma2', n: 10, max: 0.015 },
    { shape: 'uniform', n: 10, max: 0.03 },
  ])('unimodal $shape, n = $n: two modes in ≤ $max of trials', ({ shape, n, max }) => {
    const rng = createRng(n * 31 + shape.length);
    const draw = () => (shape === 'normal' ? randomNormal(rng) : shape === 'uniform' ? (rng() - 0.5) * 3.46 : Math.log(randomGamma(rng, 2)));
    let found = 0;
    for (let t = 0; t < 2000; t++) if (findModes(Array.from({ length: n }, () => 1000 * Math.exp(0.05 * draw())))) found++;
    expect(found / 2000).toBeLessThanOrEqual(max);
  });
});

describe('summarize with two modes', () => {
  it('keeps the modes and files neither group as outliers', () => {
    const values = [615, 620, 115, 628, 611, 619, 623, 112, 617, 625];
    const s = summarize(values, { rounds: values.map((_, i) => i + 1) });
    expect(s.modes).toHaveLength(2);
    expect(s.outliers).toEqual([]);
    // Each group knows the rounds of its builds: the two fast ones were rounds 3 and 8.
    expect(s.modes!.map((m) => m.rounds)).toEqual([[3, 8], [1, 2, 4, 5, 6, 7, 9, 10]]);
  });

  it('a unimodal sample has no modes field and keeps its outliers', () => {
    const s = summarize([100, 101, 99, 102, 100, 98, 101, 300]);
    expect(s).not.toHaveProperty('modes');
    expect(s.outliers.map((o) => o.value)).toEqual([300]);
  });
});
