// Results files shaped like real runs, for the history tests: every figure a record keeps is set.
import type { Comparison, ResultsFile, VariantResult } from '../../src/results/schema.ts';
import { createRng, randomNormal } from '../../src/stats/random.ts';
import { makeRecord, type HistoryRecord } from '../../src/history/index.ts';
import { environment, results } from '../compare/fixtures.ts';
import { sample, variant } from '../stats/fixtures.ts';

/** A variant with `n` builds around `wallMs` (seeded noise), an artifact, and `launches` first and warm launches. */
export function fullVariant(opts: { scenario: string; variant: string; cache: string; wallMs: number; n: number; seed: number; launches?: number; baseline?: boolean }): VariantResult {
  const rng = createRng(opts.seed);
  const wall = Array.from({ length: opts.n }, () => opts.wallMs * Math.exp(0.02 * randomNormal(rng)));
  const v = variant({ scenario: opts.scenario, variant: opts.variant, cache: opts.cache as VariantResult['cache'], baseline: opts.baseline ?? false });
  v.samples = wall.map((ms, i) => sample(i + 1, ms, { position: i % 3, userMs: ms * 1.7 + 0.123, sysMs: ms * 0.21, maxRssKb: 412_345 + i, treeRssKb: 987_654 + 3 * i }));
  v.artifact = { path: 'dist/app', kind: 'file', bytes: 46_783_121 + opts.seed, files: 1, sha256: 'ab'.repeat(32), debugBytes: 0, largest: [{ path: 'x', bytes: 1 }] };
  if (opts.launches) {
    const launches = Array.from({ length: 2 * opts.launches }, (_, i) => ({
      round: Math.floor(i / 2) + 1,
      position: 0,
      state: i % 2 === 0 ? ('first' as const) : ('warm' as const),
      ms: (i % 2 === 0 ? 2345.678 : 456.789) * Math.exp(0.03 * randomNormal(rng)),
      extractBytes: 72_000_000,
    }));
    v.startup = { firstMs: 2345.6, warmMs: 456.7, readyOk: true, launches, extractBytes: 72_000_000 };
  }
  return v;
}

/** The default plan's shape (11 variants: 8 freezes of the sidecar, 6 with start-up launches; 3 link variants) with the comparisons a run records. */
export function defaultPlanResults(seed = 1): ResultsFile {
  const sidecar = ['pyinstaller-onefile@cold', 'pyinstaller-onefile@warm', 'pyinstaller-onedir@warm', 'pex@cold', 'pex@warm', 'pex-scie@cold', 'pex-scie@warm', 'shiv@cold'];
  const link = ['default-lld@incremental', 'mold@incremental', 'gnu-ld@incremental'];
  const variants = [
    ...sidecar.map((id, i) => {
      const [name, cache] = id.split('@') as [string, string];
      return fullVariant({ scenario: 'sidecar', variant: name, cache, wallMs: 5_000 + 1_000 * i, n: 5, seed: seed * 100 + i, launches: 5, baseline: name === 'pyinstaller-onefile' });
    }),
    ...link.map((id, i) => {
      const [name, cache] = id.split('@') as [string, string];
      return fullVariant({ scenario: 'tauri-link', variant: name, cache, wallMs: 2_200 + 500 * i, n: 6, seed: seed * 100 + 50 + i, baseline: i === 0 });
    }),
  ];
  const comparisons: Comparison[] = [];
  for (const v of variants.filter((x) => !x.baseline)) {
    const base = variants.find((b) => b.baseline && b.scenario === v.scenario && b.cache === v.cache) ?? variants[0]!;
    for (const metric of ['wallMs', 'cpuMs', 'treeRssKb', 'startupFirstMs', 'startupWarmMs']) {
      comparisons.push({ scenario: v.scenario, metric, baseline: base.id, variant: v.id, method: 'hodges-lehmann', ratio: 1.0412345, ciLow: 0.98765, ciHigh: 1.1234567, level: 0.95, ciConfidence: 0.96, noisePct: 2, medianRatio: 1.04, pValue: 0.0123456, verdict: 'inconclusive' });
    }
    comparisons.push({ scenario: v.scenario, metric: 'bytes', baseline: base.id, variant: v.id, method: 'exact', baselineValue: 1, variantValue: 2, ratio: 0.43821, samePct: 0.5, verdict: 'faster' });
  }
  const env = environment({ git: { commit: 'c0ffee'.padEnd(40, '0'), branch: 'main', dirty: false } });
  return { ...results({ runId: `2026-12-0${seed}T10-00-00-000-abcd`, startedAt: `2026-12-0${seed}T10:00:00.000Z`, variants, environment: env }), comparisons };
}

/**
 * `runs` records of one scenario (variants `app` and `lib`, cold), run i `hoursApart` hours (default 24) after 1 November 2026 10:00 UTC, at
 * commit `c<i>` (zero-padded to 40 hex-ish characters): `app` builds in level(i) ms × seeded noise (cv 2%), 5 builds a
 * run; `lib` stays at 500 ms.
 */
export function seriesHistory(opts: { runs: number; level: (i: number) => number; seed?: number; runner?: string; start?: Date; hoursApart?: number }): HistoryRecord[] {
  const start = opts.start ?? new Date(Date.UTC(2026, 10, 1, 10));
  return Array.from({ length: opts.runs }, (_, i) => {
    const at = new Date(start.getTime() + i * (opts.hoursApart ?? 24) * 3_600_000).toISOString();
    const variants = [
      fullVariant({ scenario: 'app', variant: 'app', cache: 'cold', wallMs: opts.level(i), n: 5, seed: (opts.seed ?? 1) * 1000 + i, baseline: true }),
      fullVariant({ scenario: 'app', variant: 'lib', cache: 'cold', wallMs: 500, n: 5, seed: (opts.seed ?? 1) * 1000 + 500 + i }),
    ];
    const env = environment({ git: { commit: `c${String(i).padStart(3, '0')}`.padEnd(40, '0'), branch: 'main', dirty: false } });
    const r = results({ runId: `${at.slice(0, 13)}-00-00-000-r${i}`, startedAt: at, variants, environment: env });
    return makeRecord(r, { runner: opts.runner ?? 'ci' });
  });
}
