import { describe, expect, it } from 'vitest';
import { compareAcrossRefs, compareWithBaselines, metricValues, summarizeVariant } from '../../src/stats/index.ts';
import { around, sample, variant } from './fixtures.ts';

describe('summarizeVariant', () => {
  it('summarizes every metric with data; cpuMs is user + sys', () => {
    const v = variant({ variant: 'a', wallMs: [100, 110, 105] });
    const stats = summarizeVariant(v);
    expect(Object.keys(stats)).toEqual(['wallMs', 'userMs', 'sysMs', 'cpuMs', 'maxRssKb', 'treeRssKb']);
    expect(stats.cpuMs!.median).toBeCloseTo(105 * 0.9, 10);
    expect(stats.wallMs).toMatchObject({ n: 3, median: 105, min: 100, max: 110 });
  });

  it('skips metrics without data (an RSS of 0 was not measured) and failed samples', () => {
    const v = variant({ variant: 'a' });
    v.samples = [
      sample(0, 100, { treeRssKb: 0 }),
      sample(1, 102, { treeRssKb: 0 }),
      sample(2, 5, { exitCode: 1, treeRssKb: 0 }),
      sample(3, 999, { timedOut: true, exitCode: null, treeRssKb: 0 }),
    ];
    const stats = summarizeVariant(v);
    expect(stats.treeRssKb).toBeUndefined();
    expect(stats.wallMs).toMatchObject({ n: 2, min: 100, max: 102 });
  });

  it('reports outliers with the round of the sample', () => {
    const v = variant({ variant: 'a' });
    v.samples = [100, 101, 99, 100, 300, 101].map((ms, i) => sample(i + 10, ms));
    expect(summarizeVariant(v).wallMs!.outliers.map((o) => o.round)).toEqual([14]);
  });

  it('metricValues gives the rounds with the values', () => {
    const v = variant({ variant: 'a' });
    v.samples = [sample(-1, 90), sample(0, 100), sample(1, 5, { exitCode: 2 }), sample(2, 101)];
    expect(metricValues(v, 'wallMs')).toEqual({ values: [90, 100, 101], rounds: [-1, 0, 2] });
  });
});

describe('compareWithBaselines', () => {
  const base = variant({ variant: 'base', baseline: true, wallMs: around(1000, 10) });
  const slow = variant({ variant: 'slow', wallMs: around(1200, 10) });
  const same = variant({ variant: 'same', wallMs: around(1000, 10, 0.5) });

  it('compares the baseline with each other ok variant of the same scenario and cache state', () => {
    const failed = variant({ variant: 'broken', status: 'failed', reason: 'exit 1', wallMs: around(10, 10) });
    const otherCache = variant({ variant: 'slow', cache: 'warm', wallMs: around(100, 10) });
    const out = compareWithBaselines([base, slow, same, failed, otherCache]);
    expect(out.map((c) => [c.scenario, c.metric, c.baseline, c.variant, c.verdict])).toEqual([
      ['app', 'wallMs', 'app/base@cold', 'app/slow@cold', 'slower'],
      ['app', 'cpuMs', 'app/base@cold', 'app/slow@cold', 'slower'],
      ['app', 'treeRssKb', 'app/base@cold', 'app/slow@cold', 'no difference'],
      ['app', 'wallMs', 'app/base@cold', 'app/same@cold', 'no difference'],
      ['app', 'cpuMs', 'app/base@cold', 'app/same@cold', 'no difference'],
      ['app', 'treeRssKb', 'app/base@cold', 'app/same@cold', 'no difference'],
    ]);
    expect(out[0]!.ratio).toBeCloseTo(1.2, 2);
  });

  it('compares every metric the registry compares that has data on both sides, build time first', () => {
    const out = compareWithBaselines([base, slow]);
    expect(out.map((c) => [c.metric, c.method, c.verdict])).toEqual([
      ['wallMs', 'hodges-lehmann', 'slower'],
      ['cpuMs', 'hodges-lehmann', 'slower'],
      ['treeRssKb', 'hodges-lehmann', 'no difference'], // 80,000 KB in every sample on both sides: ratio 1, CI [1, 1]
    ]);
  });

  it('compares one-value metrics exactly: a plain ratio, no interval, no p; a value of 0 is not compared', () => {
    const artifact = (bytes: number, debugBytes: number) => ({ path: 'dist/app', kind: 'file' as const, bytes, files: 1, sha256: 'x', debugBytes, largest: [] });
    const small = { ...base, artifact: artifact(1000, 0) };
    const big = { ...slow, artifact: artifact(1130, 50) };
    const same = variant({ variant: 'same', wallMs: around(1000, 10), artifact: artifact(1004, 0) });
    const exact = compareWithBaselines([small, big, same]).filter((c) => c.method === 'exact');
    expect(exact).toEqual([
      { scenario: 'app', metric: 'bytes', baseline: 'app/base@cold', variant: 'app/slow@cold', method: 'exact', baselineValue: 1000, variantValue: 1130, ratio: 1.13, samePct: 0.5, verdict: 'slower' },
      { scenario: 'app', metric: 'files', baseline: 'app/base@cold', variant: 'app/slow@cold', method: 'exact', baselineValue: 1, variantValue: 1, ratio: 1, samePct: 0.5, verdict: 'no difference' },
      { scenario: 'app', metric: 'bytes', baseline: 'app/base@cold', variant: 'app/same@cold', method: 'exact', baselineValue: 1000, variantValue: 1004, ratio: 1.004, samePct: 0.5, verdict: 'no difference' },
      { scenario: 'app', metric: 'files', baseline: 'app/base@cold', variant: 'app/same@cold', method: 'exact', baselineValue: 1, variantValue: 1, ratio: 1, samePct: 0.5, verdict: 'no difference' },
    ]);
  });

  it('keeps refs apart: each ref is compared with its own baseline', () => {
    const at = (ref: string, name: string, ms: number, isBase = false) =>
      variant({ variant: name, id: `app/${name}@cold#${ref}`, ref, baseline: isBase, wallMs: around(ms, 10) });
    const out = compareWithBaselines([at('main', 'base', 1000, true), at('main', 'x', 1000), at('pr', 'base', 2000, true), at('pr', 'x', 2000)]);
    expect(out.map((c) => [c.baseline, c.variant, c.metric, c.verdict])).toEqual([
      ['app/base@cold#main', 'app/x@cold#main', 'wallMs', 'no difference'],
      ['app/base@cold#main', 'app/x@cold#main', 'cpuMs', 'no difference'],
      ['app/base@cold#main', 'app/x@cold#main', 'treeRssKb', 'no difference'],
      ['app/base@cold#pr', 'app/x@cold#pr', 'wallMs', 'no difference'],
      ['app/base@cold#pr', 'app/x@cold#pr', 'cpuMs', 'no difference'],
      ['app/base@cold#pr', 'app/x@cold#pr', 'treeRssKb', 'no difference'],
    ]);
  });

  it('compares nothing without an ok baseline', () => {
    expect(compareWithBaselines([{ ...base, status: 'failed' }, slow])).toEqual([]);
    expect(compareWithBaselines([slow, same])).toEqual([]);
  });
});

describe('compareAcrossRefs', () => {
  it('compares each variant at a later ref with the same variant at the first ref', () => {
    const at = (ref: string, ms: number, baseline = false) =>
      variant({ variant: baseline ? 'a' : 'b', baseline, ref, id: `s/${baseline ? 'a' : 'b'}@warm#${ref}`, wallMs: around(ms, 8) });
    const variants = [at('main', 100, true), at('main', 200), at('pr', 130, true), at('pr', 200)];
    const comparisons = compareAcrossRefs(variants, { refs: ['main', 'pr'] });
    // Every compared metric with data: build time, CPU (0.9 × wall in these fixtures) and the tree's RSS (constant).
    expect(comparisons.map((c) => [c.baseline, c.variant, c.metric, c.verdict])).toEqual([
      ['s/a@warm#main', 's/a@warm#pr', 'wallMs', 'slower'],
      ['s/a@warm#main', 's/a@warm#pr', 'cpuMs', 'slower'],
      ['s/a@warm#main', 's/a@warm#pr', 'treeRssKb', 'no difference'],
      ['s/b@warm#main', 's/b@warm#pr', 'wallMs', 'no difference'],
      ['s/b@warm#main', 's/b@warm#pr', 'cpuMs', 'no difference'],
      ['s/b@warm#main', 's/b@warm#pr', 'treeRssKb', 'no difference'],
    ]);
  });

  it('needs two refs', () => {
    expect(compareAcrossRefs([variant({ variant: 'a', ref: 'main', wallMs: [1, 2, 3] })], { refs: ['main'] })).toEqual([]);
  });
});
