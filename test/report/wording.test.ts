// Display helpers: number formatting and verdict wording, table-driven.
import { describe, expect, it } from 'vitest';
import { formatBytes, formatMs } from '../../src/results/units.ts';
import { formatP } from '../../src/stats/index.ts';
import { describeComparison, describePlainRatio } from '../../src/report/wording.ts';
import type { SampledComparison as Comparison } from '../../src/results/schema.ts';
import { methodFields } from '../fixtures/comparison.ts';

const comparison = (c: Partial<Comparison>): Comparison => ({
  scenario: 's', metric: 'wallMs', baseline: 'b', variant: 'v', ...methodFields(1), ratio: 1, ciLow: 1, ciHigh: 1, pValue: 0.5, verdict: 'no difference', ...c,
});

describe('format', () => {
  it.each([
    [850, '850 ms'],
    [12_345, '12.3 s'],
    [250_000, '4.17 min'],
    [null, '—'],
  ])('formatMs(%s) = %s', (ms, text) => expect(formatMs(ms)).toBe(text));

  it.each([
    [512, '512 B'],
    [1536, '1.5 KiB'],
    [37 * 1024 * 1024, '37 MiB'],
  ])('formatBytes(%s) = %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));

  it.each([
    [0.0004, 'p < 0.001'],
    [0.034, 'p = 0.034'],
  ])('formatP(%s) = %s', (p, text) => expect(formatP(p)).toBe(text));
});

describe('verdict wording', () => {
  it.each([
    ['faster, CI flipped with the ratio', { ratio: 1 / 1.32, ciLow: 1 / 1.38, ciHigh: 1 / 1.27, pValue: 0.0001, verdict: 'faster' }, '1.32× faster [1.27–1.38, 95% Moses CI], p < 0.001'],
    ['slower', { ratio: 1.1, ciLow: 1.05, ciHigh: 1.15, pValue: 0.01, verdict: 'slower' }, '1.10× slower [1.05–1.15, 95% Moses CI], p = 0.01'],
    ['no difference', { ratio: 0.995, ciLow: 0.99, ciHigh: 1.01, pValue: 0.6, verdict: 'no difference' }, 'no difference (0.99× [0.99–1.01, 95% Moses CI])'],
    ['inconclusive with runs needed', { ratio: 0.96, ciLow: 0.9, ciHigh: 1.02, pValue: 0.2, verdict: 'inconclusive', runsNeeded: 14 }, 'inconclusive (0.96× [0.90–1.02, 95% Moses CI], p = 0.2) — ~14 runs per variant would decide'],
    ['sizes say smaller', { metric: 'bytes', ratio: 0.5, ciLow: 0.5, ciHigh: 0.5, pValue: 0.001, verdict: 'faster' }, '2.00× smaller [2.00–2.00, 95% Moses CI], p = 0.001'],
  ] as const)('%s', (_name, c, text) => {
    expect(describeComparison(comparison(c))).toBe(text);
  });

  it('factors of 10 and more get fewer decimals', () => {
    expect(describeComparison(comparison({ ratio: 12.34, ciLow: 11.2, ciHigh: 150.4, pValue: 0.001, verdict: 'slower' }))).toBe('12.3× slower [11.2–150, 95% Moses CI], p = 0.001');
  });

  it('plain ratios of single measurements', () => {
    expect(describePlainRatio('bytes', 0.8)).toBe('1.25× smaller');
    expect(describePlainRatio('startupFirstMs', 2)).toBe('2.00× slower');
  });
});
