import { describe, expect, it } from 'vitest';
import { compareSamples, decideVerdict, estimateRunsNeeded, minRunsForSignificance, MAX_RUNS_NEEDED } from '../../src/stats/index.ts';

const rule = { noisePct: 2, alpha: 0.05, n: 10 };

describe('decideVerdict', () => {
  it.each([
    { name: 'significant and beyond the band: slower', ratio: 1.05, ciLow: 1.01, ciHigh: 1.09, pValue: 0.01, verdict: 'slower' },
    { name: 'significant and beyond the band: faster', ratio: 0.9, ciLow: 0.85, ciHigh: 0.95, pValue: 0.001, verdict: 'faster' },
    // The point estimate decides the direction even when the CI still reaches into the band.
    { name: 'point estimate past the band, CI reaching into it', ratio: 1.04, ciLow: 0.995, ciHigh: 1.08, pValue: 0.03, verdict: 'slower' },
    { name: 'significant but within the band, CI inside: no difference', ratio: 1.01, ciLow: 1.005, ciHigh: 1.015, pValue: 0.001, verdict: 'no difference' },
    { name: 'significant but within the band, CI crossing it', ratio: 1.015, ciLow: 1.005, ciHigh: 1.03, pValue: 0.01, verdict: 'inconclusive' },
    { name: 'beyond the band but not significant', ratio: 1.05, ciLow: 0.97, ciHigh: 1.12, pValue: 0.2, verdict: 'inconclusive' },
    { name: 'CI inside the band: no difference', ratio: 0.995, ciLow: 0.985, ciHigh: 1.01, pValue: 0.6, verdict: 'no difference' },
    { name: 'CI exactly on the band edges', ratio: 1, ciLow: 0.98, ciHigh: 1.02, pValue: 0.9, verdict: 'no difference' },
    { name: 'CI wider than the band', ratio: 1, ciLow: 0.97, ciHigh: 1.03, pValue: 0.9, verdict: 'inconclusive' },
    { name: 'p exactly α is not significant', ratio: 1.1, ciLow: 0.99, ciHigh: 1.2, pValue: 0.05, verdict: 'inconclusive' },
  ] as const)('$name', ({ verdict, ...input }) => {
    expect(decideVerdict({ ...rule, ...input })).toBe(verdict);
  });

  it('never says "no difference" from fewer than 5 runs', () => {
    expect(decideVerdict({ ...rule, n: 4, ratio: 1, ciLow: 0.99, ciHigh: 1.01, pValue: 0.9 })).toBe('inconclusive');
    expect(decideVerdict({ ...rule, n: 5, ratio: 1, ciLow: 0.99, ciHigh: 1.01, pValue: 0.9 })).toBe('no difference');
  });

  it('uses the noise band it is given', () => {
    const input = { ...rule, ratio: 1.04, ciLow: 1.01, ciHigh: 1.07, pValue: 0.01 };
    expect(decideVerdict({ ...input, noisePct: 5 })).toBe('inconclusive');
    expect(decideVerdict({ ...input, noisePct: 3 })).toBe('slower');
  });
});

describe('minRunsForSignificance', () => {
  // 2 / C(2n, n): n = 3 → 0.1, n = 4 → 0.0286, n = 5 → 0.0079, n = 6 → 0.0022.
  it.each([
    [0.05, 4],
    [0.01, 5],
    [0.005, 6],
    [0.2, 3],
  ])('α = %d needs %d runs per side', (alpha, n) => {
    expect(minRunsForSignificance(alpha)).toBe(n);
  });
});

describe('estimateRunsNeeded', () => {
  const base = { noisePct: 2, alpha: 0.05, n: 10 };
  it('apparent change: the power formula, 2·(z₀.₉₇₅ + z₀.₈)²·s²/d² / (3/π)', () => {
    // d = ln 1.05 = 0.04879, s = 0.06: 2 · 7.849 · 0.0036 / 0.002380 / 0.9549 = 24.9 → 25
    expect(estimateRunsNeeded({ ...base, ratio: 1.05, spread: 0.06 })).toBe(25);
  });
  it('apparent equivalence: the CI-width formula, π·z²·s²/(m − d)²', () => {
    // m = ln 1.02 = 0.019803, d = ln 1.005 = 0.004988, s = 0.02: π · 3.8415 · 0.0004 / 0.00021948 = 22.0 → 22
    expect(estimateRunsNeeded({ ...base, ratio: 1.005, spread: 0.02 })).toBe(22);
  });
  it('asks for at least one run more than already done', () => {
    expect(estimateRunsNeeded({ ...base, ratio: 1.3, spread: 0.01 })).toBe(11);
  });
  it('caps hopeless cases', () => {
    expect(estimateRunsNeeded({ ...base, ratio: 1.02, spread: 0.05 })).toBe(MAX_RUNS_NEEDED);
  });
  it('grows with the spread', () => {
    const at = (spread: number) => estimateRunsNeeded({ ...base, ratio: 1.04, spread });
    expect(at(0.04)).toBeGreaterThan(at(0.02));
  });
});

describe('compareSamples', () => {
  const baseline = [1000, 1010, 990, 1005, 995, 1002, 998, 1008, 992, 1001];
  it('reports the ratio of medians and a CI around it', () => {
    const variant = baseline.map((x) => x * 1.2);
    const c = compareSamples({ baseline, variant });
    expect(c.ratio).toBeCloseTo(1.2, 12);
    expect(c.ciLow).toBeLessThan(1.2);
    expect(c.ciHigh).toBeGreaterThan(1.2);
    expect(c).toMatchObject({ verdict: 'slower' });
    expect(c.pValue).toBeLessThan(0.001);
    expect(c.runsNeeded).toBeUndefined();
  });

  it('adds runsNeeded only to an inconclusive verdict, beyond the runs already done', () => {
    const c = compareSamples({ baseline: [100, 104, 97, 102], variant: [101, 99, 105, 103] });
    expect(c.verdict).toBe('inconclusive');
    expect(c.runsNeeded).toBeGreaterThan(4);
  });

  it('is reproducible for a seed', () => {
    const variant = baseline.map((x) => x * 1.01);
    expect(compareSamples({ baseline, variant, seed: 9 })).toEqual(compareSamples({ baseline, variant, seed: 9 }));
  });

  it.each([
    [{ baseline: [], variant: [1] }, 'compareSamples needs samples on both sides, got 0 baseline and 1 variant values'],
    [{ baseline: [0, 1], variant: [1] }, 'compareSamples needs positive baseline values, got 0'],
    [{ baseline: [1], variant: [1], alpha: 0 }, 'alpha must be between 0 and 1, got 0'],
    [{ baseline: [1], variant: [1], noisePct: -1 }, 'noisePct must be 0 or more, got -1'],
  ])('rejects %j', (opts, message) => {
    expect(() => compareSamples(opts)).toThrow(message);
  });
});
