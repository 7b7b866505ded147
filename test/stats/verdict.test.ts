import { describe, expect, it } from 'vitest';
import {
  canShowDifference,
  compareSamples,
  decideVerdict,
  estimateRunsNeeded,
  minRunsForDifference,
  minRunsForEquivalence,
  MAX_RUNS_NEEDED,
} from '../../src/stats/index.ts';

const rule = { noisePct: 2, alpha: 0.05 };
const iv = (low: number, high: number) => ({ low, high });

describe('decideVerdict', () => {
  it.each([
    { name: 'interval above 1, p ≤ α, beyond the band: slower', ratio: 1.05, interval: iv(1.01, 1.09), equivalence: iv(1.02, 1.08), pValue: 0.01, verdict: 'slower' },
    { name: 'interval below 1: faster', ratio: 0.9, interval: iv(0.85, 0.95), equivalence: iv(0.86, 0.94), pValue: 0.001, verdict: 'faster' },
    // The printed interval never contradicts the verdict: one reaching 1 is never faster or slower.
    { name: 'point past the band, interval reaching 1', ratio: 1.04, interval: iv(0.995, 1.08), equivalence: iv(1.0, 1.07), pValue: 0.03, verdict: 'inconclusive' },
    { name: 'interval excludes 1 but the tie-conditional p does not agree', ratio: 1.05, interval: iv(1.01, 1.09), equivalence: iv(1.02, 1.08), pValue: 0.06, verdict: 'inconclusive' },
    { name: 'significant but negligible: the 90% interval inside ±2%', ratio: 1.01, interval: iv(1.004, 1.016), equivalence: iv(1.005, 1.015), pValue: 0.001, verdict: 'no difference' },
    { name: 'significant, within the band, 90% interval crossing it', ratio: 1.015, interval: iv(1.005, 1.03), equivalence: iv(1.007, 1.025), pValue: 0.01, verdict: 'inconclusive' },
    { name: '90% interval exactly on the band edges', ratio: 1, interval: iv(0.97, 1.03), equivalence: iv(0.98, 1.02), pValue: 0.9, verdict: 'no difference' },
    { name: '90% interval wider than the band', ratio: 1, interval: iv(0.96, 1.04), equivalence: iv(0.97, 1.03), pValue: 0.9, verdict: 'inconclusive' },
    { name: 'p exactly α with the interval excluding 1 is significant', ratio: 1.1, interval: iv(1.01, 1.2), equivalence: iv(1.03, 1.18), pValue: 0.05, verdict: 'slower' },
    { name: 'no interval possible at these sizes', ratio: 36, interval: null, equivalence: iv(28, 41), pValue: 0.1, verdict: 'inconclusive' },
    { name: 'no equivalence interval possible', ratio: 1, interval: null, equivalence: null, pValue: 1, verdict: 'inconclusive' },
  ] as const)('$name', ({ verdict, ...input }) => {
    expect(decideVerdict({ ...rule, ...input })).toBe(verdict);
  });

  it('uses the noise band it is given', () => {
    const input = { ...rule, ratio: 1.04, interval: iv(1.01, 1.07), equivalence: iv(1.015, 1.065), pValue: 0.01 };
    expect(decideVerdict({ ...input, noisePct: 5 })).toBe('inconclusive');
    expect(decideVerdict({ ...input, noisePct: 3 })).toBe('slower');
  });
});

describe('fewest runs that can decide', () => {
  // 2 / C(2n, n): n = 3 → 0.1, n = 4 → 0.0286, n = 5 → 0.0079, n = 6 → 0.0022; 1 / C(2n, n) for equivalence.
  it.each([
    [0.05, 4, 3],
    [0.01, 5, 5], // 1/70 = 0.014
    [0.005, 6, 5],
    [0.2, 3, 2],
  ])('α = %d: a difference needs %d runs per side, no difference %d', (alpha, difference, equivalence) => {
    expect(minRunsForDifference(alpha)).toBe(difference);
    expect(minRunsForEquivalence(alpha)).toBe(equivalence);
  });

  it.each([
    [3, 3, false], // 2/20 = 0.1
    [3, 4, false], // 2/35 = 0.057
    [3, 5, true], // 2/56 = 0.036
    [4, 4, true],
    [1, 39, true], // 2/40 = 0.05: p ≤ α counts
    [1, 38, false],
  ])('%d against %d runs can show a difference at α = 0.05: %s', (m, n, can) => {
    expect(canShowDifference({ m, n, alpha: 0.05 })).toBe(can);
  });
});

describe('estimateRunsNeeded', () => {
  const base = { noisePct: 2, alpha: 0.05, n: 10 };
  it('apparent change: the power formula for the Hodges–Lehmann shift, (2π/3)·(z₀.₉₇₅ + z₀.₈)²·s²/d²', () => {
    // d = ln 1.05 = 0.04879, s = 0.06: 2.0944 · 7.849 · 0.0036 / 0.0023805 = 24.9 → 25
    expect(estimateRunsNeeded({ ...base, ratio: 1.05, spread: 0.06 })).toBe(25);
  });
  it('apparent equivalence: the 90% interval fitting the band, (2π/3)·z₀.₉₅²·s²/(b − d)²', () => {
    // b = ln 1.02 = 0.019803, d = ln 1.005 = 0.004988, s = 0.02: 2.0944 · 2.7055 · 0.0004 / 0.00021948 = 10.3 → 11
    expect(estimateRunsNeeded({ ...base, ratio: 1.005, spread: 0.02 })).toBe(11);
  });
  it('asks for at least one run more than already done', () => {
    expect(estimateRunsNeeded({ ...base, ratio: 1.3, spread: 0.01 })).toBe(11);
  });
  it('caps hopeless cases', () => {
    expect(estimateRunsNeeded({ ...base, ratio: 1.02, spread: 0.05 })).toBe(MAX_RUNS_NEEDED);
  });
});

describe('compareSamples', () => {
  const baseline = [1000, 1010, 990, 1005, 995, 1002, 998, 1008, 992, 1001];
  it('reports the Hodges–Lehmann ratio inside its Moses interval, and the median ratio beside it', () => {
    const variant = baseline.map((x) => x * 1.2);
    const c = compareSamples({ baseline, variant });
    expect(c.ratio).toBeCloseTo(1.2, 12);
    expect(c.medianRatio).toBeCloseTo(1.2, 12);
    expect(c.ciLow).toBeGreaterThan(1);
    expect(c.ciLow).toBeLessThan(1.2);
    expect(c.ciHigh).toBeGreaterThan(1.2);
    expect(c).toMatchObject({ verdict: 'slower', method: 'hodges-lehmann', level: 0.95, pMethod: 'exact', noisePct: 2 });
    expect(c.ciConfidence).toBeGreaterThanOrEqual(0.95);
    expect(c.pValue).toBeLessThan(0.001);
    expect(c.runsNeeded).toBeUndefined();
    expect(c.minRunsToDecide).toBeUndefined();
  });

  it('the Hodges–Lehmann ratio is the median of the pairwise ratios', () => {
    // ratios 2/1, 2/3, 5/1, 5/3 → sorted 0.667, 1.667, 2, 5 → median (1.667 + 2) / 2 on the log scale: √(5/3 · 2)
    const c = compareSamples({ baseline: [1, 3], variant: [2, 5] });
    expect(c.ratio).toBeCloseTo(Math.sqrt((5 / 3) * 2), 12);
    expect(c.medianRatio).toBeCloseTo(3.5 / 2, 12);
  });

  it('says when the sizes can never decide a difference (3 against 3 at α = 0.05), and by what they would', () => {
    const c = compareSamples({ baseline: [100, 101, 102], variant: [3600, 3620, 3650] });
    expect(c).toMatchObject({ verdict: 'inconclusive', minRunsToDecide: 4, pValue: 0.1, ciConfidence: 0.9 });
    // With no 95% interval possible, the interval shown is the range of pairwise ratios, labelled by its own 90%.
    expect(c.ciLow).toBeCloseTo(3600 / 102, 10);
    expect(c.ciHigh).toBeCloseTo(3650 / 100, 10);
  });

  it('adds runsNeeded only to an inconclusive verdict, beyond the runs already done', () => {
    const c = compareSamples({ baseline: [100, 104, 97, 102], variant: [101, 99, 105, 103] });
    expect(c.verdict).toBe('inconclusive');
    expect(c.runsNeeded).toBeGreaterThan(4);
  });

  it.each([
    [{ baseline: [], variant: [1] }, 'compareSamples needs samples on both sides, got 0 baseline and 1 variant values'],
    [{ baseline: [0, 1], variant: [1] }, 'compareSamples, baseline: value 0 is 0; times must be above 0'],
    [{ baseline: [1, -2], variant: [1] }, 'compareSamples, baseline: value 1 is -2; times must be above 0'],
    [{ baseline: [1], variant: [NaN, NaN] }, 'compareSamples, variant: value 0 is NaN; every value must be a finite number'],
    [{ baseline: [1, Infinity], variant: [1] }, 'compareSamples, baseline: value 1 is Infinity; every value must be a finite number'],
    [{ baseline: [1], variant: [-Infinity] }, 'compareSamples, variant: value 0 is -Infinity; every value must be a finite number'],
    [{ baseline: [1], variant: [1], alpha: 0 }, 'alpha must be between 0 and 0.5, got 0'],
    [{ baseline: [1], variant: [1], noisePct: -1 }, 'noisePct must be 0 or more, got -1'],
  ])('rejects %j', (opts, message) => {
    expect(() => compareSamples(opts)).toThrow(message);
  });
});
