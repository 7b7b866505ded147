// The verdict rule by simulation, the targets of issue 14: 2,000 seeded trials a cell, log-normal build
// times, n against n builds. Measured figures are printed so a run of this file is the table of results.
import { describe, expect, it } from 'vitest';
import { percent, simulateCell } from './simulate.ts';

const TRIALS = 2000;
const CVS = [0.01, 0.02, 0.03, 0.05];
const SIZES = [5, 10, 20];
const grid = CVS.flatMap((cv, i) => SIZES.map((n, j) => ({ cv, n, seed: 100 + 10 * i + j })));

describe('A/A pairs (no true difference)', () => {
  it.each(grid)('CV $cv, n = $n: faster or slower in ≤ 5%, never with an interval containing 1', ({ cv, n, seed }) => {
    const r = simulateCell({ n, cv, ratio: 1, trials: TRIALS, seed });
    console.log(`A/A cv=${cv} n=${n}: ${percent(r.rates)}; coverage ${(r.coverage * 100).toFixed(1)}% (stated ${(r.confidence * 100).toFixed(1)}%)`);
    expect(r.rates.faster + r.rates.slower).toBeLessThanOrEqual(0.05);
    expect(r.decidedWithIntervalOverOne).toBe(0);
    // The Moses interval is exact: it covers the truth as often as it says (binomial sd at 2,000 trials ≈ 0.45%).
    expect(Math.abs(r.coverage - r.confidence)).toBeLessThan(0.015);
    if (n >= 10) expect(Math.abs(r.coverage - 0.95)).toBeLessThanOrEqual(0.015);
  });

  it.each([
    { cv: 0.02, n: 10, atLeast: 0.3 },
    { cv: 0.02, n: 20, atLeast: 0.75 },
    { cv: 0.01, n: 5, atLeast: 0.7 },
  ])('CV $cv, n = $n: "no difference" in ≥ $atLeast', ({ cv, n, atLeast }) => {
    const r = simulateCell({ n, cv, ratio: 1, trials: TRIALS, seed: 7 + n });
    console.log(`A/A cv=${cv} n=${n}: no difference ${(r.rates['no difference'] * 100).toFixed(1)}%`);
    expect(r.rates['no difference']).toBeGreaterThanOrEqual(atLeast);
  });
});

describe('a true 5% change', () => {
  it.each(grid)('CV $cv, n = $n: no faster/slower verdict is printed with an interval containing 1', ({ cv, n, seed }) => {
    const r = simulateCell({ n, cv, ratio: 1.05, trials: TRIALS, seed: seed + 1000 });
    console.log(`×1.05 cv=${cv} n=${n}: ${percent(r.rates)}; coverage ${(r.coverage * 100).toFixed(1)}%`);
    expect(r.decidedWithIntervalOverOne).toBe(0);
    expect(r.rates.faster).toBe(0);
    expect(Math.abs(r.coverage - r.confidence)).toBeLessThan(0.015);
  });

  it.each([
    { cv: 0.02, ratio: 1.05, expected: 'slower', atLeast: 0.95 },
    { cv: 0.03, ratio: 1.05, expected: 'slower', atLeast: 0.88 },
    { cv: 0.03, ratio: 1 / 1.05, expected: 'faster', atLeast: 0.88 },
  ] as const)('×$ratio at CV $cv, n = 10: $expected in ≥ $atLeast', ({ cv, ratio, expected, atLeast }) => {
    const r = simulateCell({ n: 10, cv, ratio, trials: TRIALS, seed: 31 });
    console.log(`×${ratio.toFixed(3)} cv=${cv} n=10: ${percent(r.rates)}`);
    expect(r.rates[expected]).toBeGreaterThanOrEqual(atLeast);
  });
});
