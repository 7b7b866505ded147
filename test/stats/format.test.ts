import { describe, expect, it } from 'vitest';
import { formatComparison, type ComparisonNumbers } from '../../src/stats/index.ts';

describe('formatComparison', () => {
  it.each<{ c: ComparisonNumbers; opts?: { metric?: string; runs?: number }; text: string }>([
    // faster: shown as the factor gained, baseline / variant, with the CI inverted
    { c: { ratio: 1 / 1.32, ciLow: 1 / 1.38, ciHigh: 1 / 1.27, pValue: 0.0004, verdict: 'faster' }, text: '1.32× faster [1.27–1.38], p < 0.001' },
    { c: { ratio: 1.25, ciLow: 1.18, ciHigh: 1.31, pValue: 0.0032, verdict: 'slower' }, text: '1.25× slower [1.18–1.31], p = 0.0032' },
    { c: { ratio: 1.05, ciLow: 1.01, ciHigh: 1.09, pValue: 0.049, verdict: 'slower' }, text: '1.05× slower [1.01–1.09], p = 0.049' },
    { c: { ratio: 0.99, ciLow: 0.98, ciHigh: 1.01, pValue: 0.6, verdict: 'no difference' }, text: 'no difference (0.99× [0.98–1.01])' },
    {
      c: { ratio: 1.03, ciLow: 0.97, ciHigh: 1.09, pValue: 0.21, verdict: 'inconclusive', runsNeeded: 24 },
      opts: { runs: 10 },
      text: 'inconclusive (1.03× [0.97–1.09], p = 0.21) — ~14 more runs would decide',
    },
    {
      c: { ratio: 1.03, ciLow: 0.97, ciHigh: 1.09, pValue: 0.21, verdict: 'inconclusive', runsNeeded: 24 },
      text: 'inconclusive (1.03× [0.97–1.09], p = 0.21) — ~24 runs per variant would decide',
    },
    {
      c: { ratio: 1.01, ciLow: 0.9, ciHigh: 1.12, pValue: 0.8, verdict: 'inconclusive', runsNeeded: 1000 },
      text: 'inconclusive (1.01× [0.90–1.12], p = 0.8) — over 1000 runs per variant would be needed',
    },
    { c: { ratio: 1.03, ciLow: 0.97, ciHigh: 1.09, pValue: 0.21, verdict: 'inconclusive' }, text: 'inconclusive (1.03× [0.97–1.09], p = 0.21)' },
    // size and memory metrics are smaller/larger
    { c: { ratio: 0.5, ciLow: 0.48, ciHigh: 0.52, pValue: 0.0001, verdict: 'faster' }, opts: { metric: 'maxRssKb' }, text: '2.00× smaller [1.92–2.08], p < 0.001' },
    { c: { ratio: 1.1, ciLow: 1.05, ciHigh: 1.15, pValue: 0.002, verdict: 'slower' }, opts: { metric: 'treeRssKb' }, text: '1.10× larger [1.05–1.15], p = 0.002' },
    { c: { ratio: 1.1, ciLow: 1.05, ciHigh: 1.15, pValue: 0.002, verdict: 'slower' }, opts: { metric: 'bytes' }, text: '1.10× larger [1.05–1.15], p = 0.002' },
    { c: { ratio: 1.1, ciLow: 1.05, ciHigh: 1.15, pValue: 0.002, verdict: 'slower' }, opts: { metric: 'cpuMs' }, text: '1.10× slower [1.05–1.15], p = 0.002' },
    // large factors lose decimals
    { c: { ratio: 14.2, ciLow: 12.9, ciHigh: 15.5, pValue: 0.00001, verdict: 'slower' }, text: '14.2× slower [12.9–15.5], p < 0.001' },
  ])('$text', ({ c, opts, text }) => {
    expect(formatComparison(c, opts)).toBe(text);
  });
});
