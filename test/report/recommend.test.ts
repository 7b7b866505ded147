import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../src/report/model.ts';
import { recommend as recommendFor } from '../../src/report/recommend.ts';
import { results } from '../compare/fixtures.ts';
import type { SampledComparison as Comparison, RunSample, Summary, VariantResult } from '../../src/results/schema.ts';
import { methodFields } from '../fixtures/comparison.ts';

const summary = (median: number, n = 5): Summary => ({ n, mean: median, median, sd: 0, min: median, max: median, mad: 0, cv: 0, ciLow: median, ciHigh: median, outliers: [] });

function variant(o: {
  name: string;
  cache?: 'cold' | 'warm' | 'incremental' | 'noop';
  baseline?: boolean;
  wallMs?: number;
  bytes?: number;
  files?: number;
  firstMs?: number;
  extractBytes?: number;
  status?: VariantResult['status'];
  reason?: string;
  cacheChecks?: string[];
  mismatch?: string[];
}): VariantResult {
  const cache = o.cache ?? 'cold';
  const samples = (o.cacheChecks ?? []).map(
    (cacheCheck, round): RunSample => ({ round, position: 0, wallMs: o.wallMs ?? 0, userMs: 0, sysMs: 0, maxRssKb: 0, treeRssKb: 0, exitCode: 0, phases: {}, cacheCheck, log: '' }),
  );
  return {
    id: `sidecar/${o.name}@${cache}`,
    scenario: 'sidecar',
    variant: o.name,
    cache,
    baseline: o.baseline ?? false,
    status: o.status ?? 'ok',
    reason: o.reason ?? null,
    samples,
    warmups: [],
    artifact:
      o.bytes === undefined
        ? null
        : { path: 'dist/sidecar', kind: o.files && o.files > 1 ? 'dir' : 'file', bytes: o.bytes, files: o.files ?? 1, sha256: '', debugBytes: 0, largest: [], ...(o.mismatch ? { fingerprint: { mismatch: o.mismatch } } : {}) },
    startup: o.firstMs === undefined ? null : { firstMs: o.firstMs, warmMs: null, readyOk: true, ...(o.extractBytes ? { extractBytes: o.extractBytes } : {}) },
    stats: o.wallMs === undefined ? {} : { wallMs: summary(o.wallMs) },
  };
}

const comparison = (variantName: string, c: Partial<Comparison> & Pick<Comparison, 'ratio' | 'ciLow' | 'ciHigh' | 'pValue' | 'verdict'>, cache = 'cold'): Comparison => ({
  scenario: 'sidecar',
  metric: 'wallMs',
  baseline: `sidecar/onefile@${cache}`,
  variant: `sidecar/${variantName}@${cache}`,
  ...methodFields(c.ratio),
  ...c,
});

const MiB = 1024 * 1024;

/** The recommendation of one scenario of a results file holding these variants and comparisons, read through the report model. */
function recommend(o: { scenario: string; variants: VariantResult[]; comparisons: Comparison[] }): string {
  const file = { ...results({ runId: 'r1', startedAt: '2026-11-01T10:00:00.000Z', variants: o.variants }), comparisons: o.comparisons };
  file.scenarios = [{ name: o.scenario, file: `scenarios/${o.scenario}.yaml`, sha256: '0'.repeat(64) }];
  const scenario = buildReportModel({ results: [file] }).scenarios.find((s) => s.name === o.scenario)!;
  return recommendFor({ scenario, source: 0 });
}

describe('recommend', () => {
  it('states the fastest, smallest, no start-up winner from single launches, the Pareto set on medians and each trade-off from the data', () => {
    const variants = [
      variant({ name: 'onefile', baseline: true, wallMs: 16_000, bytes: 10 * MiB, firstMs: 1200, extractBytes: 21 * MiB }),
      variant({ name: 'onedir', wallMs: 10_000, bytes: 10.8 * MiB, files: 240, firstMs: 400 }),
      variant({ name: 'excludes', wallMs: 15_500, bytes: 6.5 * MiB, firstMs: 1100 }),
      variant({ name: 'pex-scie', status: 'unavailable', reason: 'needs science and a python-build-standalone mirror' }),
    ];
    const comparisons = [
      comparison('onedir', { ratio: 0.625, ciLow: 0.588, ciHigh: 0.667, pValue: 0.0004, verdict: 'faster' }),
      comparison('excludes', { ratio: 0.97, ciLow: 0.9, ciHigh: 1.05, pValue: 0.3, verdict: 'inconclusive', runsNeeded: 14 }),
    ];
    expect(recommend({ scenario: 'sidecar', variants, comparisons })).toBe(
      [
        'Cold builds: onedir has the lowest median build time (10 s); against onefile: 1.60× faster [1.50–1.70, 95% Moses CI], p < 0.001.',
        'onedir builds 1.60× faster [1.50–1.70, 95% Moses CI] than onefile but ships 240 files and 8% more bytes.',
        'excludes vs onefile build time: inconclusive (0.97× [0.90–1.05, 95% Moses CI], p = 0.3) — ~9 more runs would decide; it ships 35% fewer bytes.',
        'Smallest artifact: excludes, 6.5 MiB; onefile ships 10 MiB.',
        'Start-up on first launch: no variant is decidedly the fastest; onefile extracts 21 MiB on first launch.',
        'Pareto set on medians (build time vs size, undecided differences included): onedir, excludes — no other variant has both a lower median and fewer bytes.',
        'Not measured: sidecar/pex-scie@cold (unavailable: needs science and a python-build-standalone mirror).',
      ].join(' '),
    );
  });

  it('calls the baseline fastest only when every other variant is significantly slower', () => {
    const variants = [variant({ name: 'onefile', baseline: true, wallMs: 9000 }), variant({ name: 'gnu-ld', wallMs: 20_000 })];
    const slower = [comparison('gnu-ld', { ratio: 2.2, ciLow: 2.1, ciHigh: 2.3, pValue: 0.001, verdict: 'slower' })];
    expect(recommend({ scenario: 'sidecar', variants, comparisons: slower })).toBe(
      'Cold builds: onefile has the lowest median build time (9 s) and is the fastest: every other variant is slower. gnu-ld builds 2.20× slower [2.10–2.30, 95% Moses CI] than onefile.',
    );
    const unclear = [comparison('gnu-ld', { ratio: 1.01, ciLow: 0.99, ciHigh: 1.015, pValue: 0.4, verdict: 'no difference' })];
    expect(recommend({ scenario: 'sidecar', variants, comparisons: unclear })).toBe(
      'Cold builds: onefile has the lowest median build time (9 s); it is the baseline. gnu-ld builds no faster or slower than onefile: no difference (1.01× [0.99–1.01, 95% Moses CI]).',
    );
  });

  it('joins a gain on both sides with "and" and speaks of each cache state', () => {
    const variants = [
      variant({ name: 'onefile', baseline: true, wallMs: 10_000, bytes: 10 * MiB }),
      variant({ name: 'lean', wallMs: 8000, bytes: 6 * MiB }),
      variant({ name: 'onefile', cache: 'warm', baseline: true, wallMs: 3000, bytes: 10 * MiB }),
      variant({ name: 'lean', cache: 'warm', wallMs: 3100, bytes: 6 * MiB }),
    ];
    const comparisons = [
      comparison('lean', { ratio: 0.8, ciLow: 0.75, ciHigh: 0.85, pValue: 0.001, verdict: 'faster' }),
      comparison('lean', { ratio: 1.03, ciLow: 0.99, ciHigh: 1.06, pValue: 0.2, verdict: 'inconclusive' }, 'warm'),
    ];
    expect(recommend({ scenario: 'sidecar', variants, comparisons })).toBe(
      [
        'Cold builds: lean has the lowest median build time (8 s); against onefile: 1.25× faster [1.18–1.33, 95% Moses CI], p = 0.001.',
        'lean builds 1.25× faster [1.18–1.33, 95% Moses CI] than onefile and ships 40% fewer bytes.',
        'Smallest artifact: lean, 6 MiB; onefile ships 10 MiB.',
        'lean has both the lowest median build time and the smallest artifact: no trade-off to make.',
        'Warm builds: onefile has the lowest median build time (3 s); it is the baseline.',
        'lean vs onefile build time: inconclusive (1.03× [0.99–1.06, 95% Moses CI], p = 0.2); it ships 40% fewer bytes.',
        'Warm: Pareto set on medians (build time vs size, undecided differences included): onefile, lean — no other variant has both a lower median and fewer bytes.',
      ].join(' '),
    );
  });

  it('flags contradicted intent and cache states that did not happen', () => {
    const variants = [
      variant({ name: 'onefile', baseline: true, wallMs: 9000, cacheChecks: ['ok', 'cold sample rebuilt nothing: outputs and caches were not cleared', 'ok'] }),
      variant({ name: 'mold', wallMs: 8000, bytes: 5 * MiB, mismatch: ['asked for mold, got lld'] }),
    ];
    const text = recommend({ scenario: 'sidecar', variants, comparisons: [] });
    expect(text).toContain('Check sidecar/mold@cold: its artifact contradicts the declared intent (asked for mold, got lld).');
    expect(text).toContain('Check sidecar/onefile@cold: 1 of 3 samples: cold sample rebuilt nothing: outputs and caches were not cleared.');
    // No comparison was recorded, so nothing is called faster.
    expect(text).not.toMatch(/faster|slower/);
  });

  it('says so when a scenario has no measurements', () => {
    expect(recommend({ scenario: 'empty', variants: [], comparisons: [] })).toBe('No variant of empty produced measurements.');
  });
});
