import { describe, expect, it } from 'vitest';
import { compareRuns, diffEnvironments, formatComparisonTable, nameRegressions } from '../../src/compare/index.ts';
import { around, variant } from '../stats/fixtures.ts';
import { environment, results, run } from './fixtures.ts';
import { methodFields } from '../fixtures/comparison.ts';
import { describeMethod } from '../../src/stats/index.ts';

const before = run({ runId: 'r1', startedAt: '2026-11-01T10:00:00.000Z', base: 1000, fast: 600 });

describe('compareRuns', () => {
  it('finds a 20% regression', () => {
    const after = run({ runId: 'r2', startedAt: '2026-11-02T10:00:00.000Z', base: 1000, fast: 720 });
    const out = compareRuns({ baseline: before, current: after });
    expect(out.warnings).toEqual([]);
    expect(out.comparisons.map((c) => [c.variant, c.metric, c.verdict])).toEqual([
      ['app/base@cold', 'wallMs', 'no difference'],
      ['app/base@cold', 'cpuMs', 'no difference'],
      ['app/base@cold', 'treeRssKb', 'no difference'],
      ['app/fast@cold', 'wallMs', 'slower'],
      ['app/fast@cold', 'cpuMs', 'slower'],
      ['app/fast@cold', 'treeRssKb', 'no difference'],
    ]);
    expect(out.regressions.map((c) => c.variant)).toEqual(['app/fast@cold']);
    expect(out.regressions[0]!.ratio).toBeCloseTo(1.2, 2);
    expect(out.regressions[0]!.baseline).toBe('app/fast@cold');
  });

  it('finds nothing between identical runs', () => {
    const out = compareRuns({ baseline: before, current: structuredClone(before) });
    expect(out.regressions).toEqual([]);
    expect(out.comparisons.map((c) => c.verdict)).toEqual(Array(6).fill('no difference')); // 2 variants × wallMs, cpuMs, treeRssKb
  });

  it('does not count an improvement or a change within the threshold as a regression', () => {
    const faster = run({ runId: 'r2', startedAt: '2026-11-02T10:00:00.000Z', base: 1000, fast: 500 });
    expect(compareRuns({ baseline: before, current: faster }).regressions).toEqual([]);
    const slightly = run({ runId: 'r3', startedAt: '2026-11-03T10:00:00.000Z', base: 1000, fast: 636 }); // 6% slower
    expect(compareRuns({ baseline: before, current: slightly }).regressions).toHaveLength(1);
    expect(compareRuns({ baseline: before, current: slightly, thresholdPct: 10 }).regressions).toEqual([]);
  });

  it('warns about ids on one side only and variants not measured', () => {
    const after = results({
      runId: 'r2',
      startedAt: '2026-11-02T10:00:00.000Z',
      variants: [
        variant({ variant: 'base', baseline: true, status: 'failed', reason: 'exit code 101', wallMs: around(1000, 2) }),
        variant({ variant: 'new', wallMs: around(500, 10) }),
      ],
    });
    expect(compareRuns({ baseline: before, current: after })).toEqual({
      comparisons: [],
      regressions: [],
      warnings: [
        'app/fast@cold is in the baseline run (r1) but not in the current run',
        'app/base@cold was not measured in the current run (failed: exit code 101): not compared',
        'app/new@cold is not in the baseline run (r1): nothing to compare it with',
      ],
    });
  });

  it('warns when the environments differ', () => {
    const elsewhere = environment({
      cpuModel: 'Other CPU',
      cores: 8,
      tools: [
        { name: 'cargo', version: '1.94.1', path: '/usr/bin/cargo' },
        { name: 'python', version: null, path: null },
        { name: 'uv', version: '0.9.0', path: '/usr/bin/uv' },
      ],
    });
    const after = run({ runId: 'r2', startedAt: '2026-11-02T10:00:00.000Z', base: 1000, fast: 600, environment: elsewhere });
    expect(compareRuns({ baseline: before, current: after }).warnings).toEqual([
      'CPU differs: Example CPU @ 3.0GHz in the baseline, Other CPU now',
      'core count differs: 2 in the baseline, 8 now',
      'cargo version differs: 1.95.0 in the baseline, 1.94.1 now',
      'python version differs: 3.11.9 in the baseline, not found now',
    ]);
    expect(diffEnvironments(environment(), environment())).toEqual([]);
  });

  it('compares every registered metric with data, but only build time and start-up regress', () => {
    const after = run({ runId: 'r2', startedAt: '2026-11-02T10:00:00.000Z', base: 1000, fast: 720 });
    const out = compareRuns({ baseline: before, current: after });
    expect(out.comparisons.map((c) => `${c.variant} ${c.metric} ${c.verdict}`)).toEqual([
      'app/base@cold wallMs no difference',
      'app/base@cold cpuMs no difference',
      'app/base@cold treeRssKb no difference',
      'app/fast@cold wallMs slower',
      'app/fast@cold cpuMs slower',
      'app/fast@cold treeRssKb no difference',
    ]);
    // CPU is 20% slower too, but a user decides on build time and start-up: CPU never fails a build.
    expect(out.regressions.map((c) => `${c.variant} ${c.metric}`)).toEqual(['app/fast@cold wallMs']);
  });
});

describe('formatComparisonTable', () => {
  it('lines up variant, baseline, ratio [CI], p and verdict', () => {
    const table = formatComparisonTable([
      { scenario: 'app', metric: 'wallMs', baseline: 'app/base@cold', variant: 'app/mold@cold', ...methodFields(0.75), ratio: 0.75, ciLow: 0.72, ciHigh: 0.78, pValue: 0.0001, verdict: 'faster' },
      { scenario: 'app', metric: 'wallMs', baseline: 'app/base@cold', variant: 'app/bfd@cold', ...methodFields(1.031), ratio: 1.031, ciLow: 0.97, ciHigh: 1.09, pValue: 0.21, verdict: 'inconclusive', runsNeeded: 24 },
    ]);
    expect(table).toBe(
      [
        'variant        baseline       ratio [95% Moses CI]  p        verdict',
        '-------------  -------------  --------------------  -------  -----------------------',
        'app/mold@cold  app/base@cold  0.75× [0.72–0.78]     < 0.001  faster',
        'app/bfd@cold   app/base@cold  1.03× [0.97–1.09]     0.21     inconclusive (~24 runs)',
        '',
        describeMethod('hodges-lehmann'),
      ].join('\n'),
    );
  });

  it('adds a metric column when metrics are mixed and says larger/smaller for sizes', () => {
    const table = formatComparisonTable([
      { scenario: 'app', metric: 'wallMs', baseline: 'app/x@cold', variant: 'app/x@cold', ...methodFields(1), ratio: 1, ciLow: 0.99, ciHigh: 1.01, pValue: 0.9, verdict: 'no difference' },
      { scenario: 'app', metric: 'maxRssKb', baseline: 'app/x@cold', variant: 'app/x@cold', ...methodFields(1.2), ratio: 1.2, ciLow: 1.1, ciHigh: 1.3, pValue: 0.01, verdict: 'slower' },
    ]);
    expect(table.split('\n')[0]).toBe('variant     baseline   metric    ratio [95% Moses CI]  p     verdict');
    expect(table.split('\n')[3]).toBe('app/x@cold  (same id)  maxRssKb  1.20× [1.10–1.30]     0.01  larger');
  });

  it('shows an exact comparison with its ratio, no p and "exact" in place of a decided verdict', () => {
    const table = formatComparisonTable([
      { scenario: 'app', metric: 'wallMs', baseline: 'app/a@cold', variant: 'app/b@cold', ...methodFields(1.3), ratio: 1.3, ciLow: 1.2, ciHigh: 1.4, pValue: 0.001, verdict: 'slower' },
      { scenario: 'app', metric: 'bytes', baseline: 'app/a@cold', variant: 'app/b@cold', method: 'exact', baselineValue: 100, variantValue: 113, ratio: 1.13, samePct: 0.5, verdict: 'slower' },
      { scenario: 'app', metric: 'files', baseline: 'app/a@cold', variant: 'app/b@cold', method: 'exact', baselineValue: 3, variantValue: 3, ratio: 1, samePct: 0.5, verdict: 'no difference' },
    ]);
    expect(table.split('\n').slice(2, 5)).toEqual([
      'app/b@cold  app/a@cold  wallMs  1.30× [1.20–1.40, 95% Moses CI]  0.001  slower',
      'app/b@cold  app/a@cold  bytes   1.13× (exact)                    —      larger (exact)',
      'app/b@cold  app/a@cold  files   1.00× (exact)                    —      same (exact)',
    ]);
    expect(table.split('\n').slice(-2)).toEqual([describeMethod('hodges-lehmann'), describeMethod('exact')]);
  });

  it('names the interval in each cell when the kinds differ, and says which runs can never decide', () => {
    const table = formatComparisonTable([
      { scenario: 'app', metric: 'wallMs', baseline: 'app/a@cold', variant: 'app/b@cold', ...methodFields(1.3), ratio: 1.3, ciLow: 1.2, ciHigh: 1.4, pValue: 0.001, verdict: 'slower' },
      {
        scenario: 'app', metric: 'wallMs', baseline: 'app/a@cold', variant: 'app/c@cold', ...methodFields(36.2),
        ratio: 36.2, ciLow: 28.2, ciHigh: 40.8, ciConfidence: 0.9, pValue: 0.1, verdict: 'inconclusive', runsNeeded: 4, minRunsToDecide: 4,
      },
    ]);
    expect(table.split('\n').slice(2, 4)).toEqual([
      'app/b@cold  app/a@cold  1.30× [1.20–1.40, 95% Moses CI]                  0.001  slower',
      'app/c@cold  app/a@cold  36.2× [28.2–40.8, 90% range of pairwise ratios]  0.1    undecidable (needs ≥ 4 runs)',
    ]);
  });

  it('says so when there is nothing to show', () => {
    expect(formatComparisonTable([])).toBe('no comparisons');
  });
});

describe('nameRegressions', () => {
  it('names each regressed variant once, and says when most builds its verdict stands on were kept busy', () => {
    const after = run({ runId: 'r2', startedAt: '2026-11-02T10:00:00.000Z', base: 1000, fast: 720 });
    const out = compareRuns({ baseline: before, current: after });
    // Regressed on two metrics (build time and start-up, say): named once.
    expect(nameRegressions([...out.regressions, ...out.regressions], { current: after, baseline: before })).toBe('app/fast@cold');
    // Every build of fast in the current run kept busy, none of the baseline run's: said when more than half.
    const makeBusy = (file: typeof after, keep: number) => {
      const copy = structuredClone(file);
      const fast = copy.variants.find((v) => v.id === 'app/fast@cold')!;
      fast.samples = fast.samples.slice(0, keep);
      for (const s of fast.samples) s.interference = { foreignCpuPct: 140, busy: true } as NonNullable<typeof s.interference>;
      return copy;
    };
    const n = before.variants.find((v) => v.id === 'app/fast@cold')!.samples.length;
    // Exactly half (n busy of 2n) is not most.
    expect(nameRegressions(out.regressions, { current: makeBusy(after, n), baseline: before })).toBe('app/fast@cold');
    const fewer = structuredClone(before);
    fewer.variants.find((v) => v.id === 'app/fast@cold')!.samples.pop();
    expect(nameRegressions(out.regressions, { current: makeBusy(after, n), baseline: fewer })).toBe(
      `app/fast@cold (${n} of ${2 * n - 1} builds kept while the machine was busy: measure again on a quiet machine)`,
    );
  });
});
