import { describe, expect, it } from 'vitest';
import { describeMethod, formatComparison, intervalName, type ComparisonNumbers } from '../../src/stats/index.ts';

const hl = { method: 'hodges-lehmann', level: 0.95, ciConfidence: 0.952, noisePct: 2 } as const;
const c = (numbers: Omit<ComparisonNumbers, keyof typeof hl>): ComparisonNumbers => ({ ...hl, ...numbers });

describe('formatComparison', () => {
  it.each<{ c: ComparisonNumbers; opts?: { metric?: string; runs?: number }; text: string }>([
    // faster: shown as the factor gained, baseline / variant, with the interval inverted
    { c: c({ ratio: 1 / 1.32, ciLow: 1 / 1.38, ciHigh: 1 / 1.27, pValue: 0.0004, verdict: 'faster' }), text: '1.32× faster [1.27–1.38, 95% Moses CI], p < 0.001' },
    { c: c({ ratio: 1.25, ciLow: 1.18, ciHigh: 1.31, pValue: 0.0032, verdict: 'slower' }), text: '1.25× slower [1.18–1.31, 95% Moses CI], p = 0.0032' },
    {
      c: c({ ratio: 0.99, ciLow: 0.975, ciHigh: 1.012, eqLow: 0.981, eqHigh: 1.006, pValue: 0.6, verdict: 'no difference' }),
      text: 'no difference (0.99× [0.98–1.01, 90% Moses CI within ±2%])',
    },
    {
      c: c({ ratio: 1.03, ciLow: 0.97, ciHigh: 1.09, pValue: 0.21, verdict: 'inconclusive', runsNeeded: 24 }),
      opts: { runs: 10 },
      text: 'inconclusive (1.03× [0.97–1.09, 95% Moses CI], p = 0.21) — ~14 more runs would decide',
    },
    {
      c: c({ ratio: 1.03, ciLow: 0.97, ciHigh: 1.09, pValue: 0.21, verdict: 'inconclusive', runsNeeded: 24 }),
      text: 'inconclusive (1.03× [0.97–1.09, 95% Moses CI], p = 0.21) — ~24 runs per variant would decide',
    },
    {
      c: c({ ratio: 1.03, ciLow: 0.97, ciHigh: 1.09, pValue: 0.21, verdict: 'inconclusive', runsNeeded: 11 }),
      opts: { runs: 10 },
      text: 'inconclusive (1.03× [0.97–1.09, 95% Moses CI], p = 0.21) — ~1 more run would decide',
    },
    {
      c: c({ ratio: 0.89, ciLow: 0.67, ciHigh: 1.17, pValue: 1, verdict: 'inconclusive', changedAt: 6 }),
      opts: { runs: 10 },
      text: 'inconclusive (0.89× [0.67–1.17, 95% Moses CI], p = 1) — the builds changed during the run (from round 6 on): more runs would not decide; find what changed',
    },
    {
      c: c({ ratio: 1.01, ciLow: 0.9, ciHigh: 1.12, pValue: 0.8, verdict: 'inconclusive', runsNeeded: 1000 }),
      text: 'inconclusive (1.01× [0.90–1.12, 95% Moses CI], p = 0.8) — over 1000 runs per variant would be needed',
    },
    // p ≤ α and an interval clear of 1, but the ratio inside the ±2% band: a difference too small to count, not yet equivalence
    {
      c: c({ ratio: 1.016, ciLow: 1.003, ciHigh: 1.031, eqLow: 1.005, eqHigh: 1.028, pValue: 0.029, verdict: 'inconclusive', runsNeeded: 30 }),
      opts: { runs: 10 },
      text: 'inconclusive (1.02× [1.00–1.03, 95% Moses CI], p = 0.029: a difference, but within the ±2% noise band and not yet shown to stay inside it) — ~20 more runs would decide',
    },
    // 3 against 3: no 95% interval exists; the range of the pairwise ratios is labelled by its own confidence
    {
      c: { ...hl, ciConfidence: 0.9, ratio: 36.2, ciLow: 28.2, ciHigh: 40.8, pValue: 0.1, verdict: 'inconclusive', runsNeeded: 4, minRunsToDecide: 4 },
      text: 'undecidable with so few runs (36.2× [28.2–40.8, 90% range of pairwise ratios], p = 0.1) — at α = 0.05 faster or slower needs at least 4 runs per variant',
    },
    // size and memory metrics are smaller/larger
    { c: c({ ratio: 0.5, ciLow: 0.48, ciHigh: 0.52, pValue: 0.0001, verdict: 'faster' }), opts: { metric: 'maxRssKb' }, text: '2.00× smaller [1.92–2.08, 95% Moses CI], p < 0.001' },
    { c: c({ ratio: 1.1, ciLow: 1.05, ciHigh: 1.15, pValue: 0.002, verdict: 'slower' }), opts: { metric: 'bytes' }, text: '1.10× larger [1.05–1.15, 95% Moses CI], p = 0.002' },
    { c: c({ ratio: 1.1, ciLow: 1.05, ciHigh: 1.15, pValue: 0.002, verdict: 'slower' }), opts: { metric: 'cpuMs' }, text: '1.10× slower [1.05–1.15, 95% Moses CI], p = 0.002' },
    // large factors lose decimals
    { c: c({ ratio: 14.2, ciLow: 12.9, ciHigh: 15.5, pValue: 0.00001, verdict: 'slower' }), text: '14.2× slower [12.9–15.5, 95% Moses CI], p < 0.001' },
    // a schemaVersion 1 file keeps saying what it measured
    {
      c: { ...hl, method: 'bootstrap-median-ratio', ciConfidence: 0.95, ratio: 1.25, ciLow: 1.18, ciHigh: 1.31, pValue: 0.0032, verdict: 'slower' },
      text: '1.25× slower [1.18–1.31, 95% bootstrap CI], p = 0.0032',
    },
  ])('$text', ({ c, opts, text }) => {
    expect(formatComparison(c, opts)).toBe(text);
  });
});

describe('formatComparison, exact', () => {
  const exact = (variantValue: number, baselineValue: number, verdict: 'faster' | 'slower' | 'no difference') =>
    ({ method: 'exact', baselineValue, variantValue, ratio: variantValue / baselineValue, samePct: 0.5, verdict }) as const;
  it.each([
    { c: exact(34_000_000, 30_000_000, 'slower'), metric: 'bytes', text: '1.13× larger (exact: 32.4 MiB vs 28.6 MiB)' },
    { c: exact(15_000_000, 30_000_000, 'faster'), metric: 'bytes', text: '2.00× smaller (exact: 14.3 MiB vs 28.6 MiB)' },
    { c: exact(240, 1, 'slower'), metric: 'files', text: '240× more (exact: 240 files vs 1 file)' },
    { c: exact(1002, 1000, 'no difference'), metric: 'extractBytes', text: 'same within ±0.5% (exact: 1002 B vs 1000 B)' },
  ])('$text', ({ c, metric, text }) => {
    expect(formatComparison(c, { metric })).toBe(text);
  });

  it('names no interval and no test', () => {
    expect(intervalName({ method: 'exact' })).toBe('exact');
    expect(describeMethod('exact')).toBe('exact = one recorded value per variant (a size, a count): the ratio of the two figures, with no interval or p-value, since nothing was sampled');
  });
});

describe('intervalName / describeMethod', () => {
  it('names the interval by its method and level, never overstating the confidence', () => {
    expect(intervalName({ ...hl, ciConfidence: 0.9999 })).toBe('95% Moses CI');
    expect(intervalName({ ...hl, ciConfidence: 0.9375 })).toBe('93% range of pairwise ratios');
    expect(intervalName({ ...hl, level: 0.9, ciConfidence: 0.91 })).toBe('90% Moses CI');
  });

  it('says which estimate, interval and test', () => {
    expect(describeMethod('hodges-lehmann')).toMatch(/^ratio = Hodges–Lehmann estimate .*CI = Moses interval.*exact Mann-Whitney p/);
    expect(describeMethod('bootstrap-median-ratio')).toMatch(/^ratio = median\(variant\) \/ median\(baseline\), with a bootstrap interval/);
  });
});
