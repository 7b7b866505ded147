// Builds schema-valid results files for report tests. Every file is validated with ajv against
// ResultsFileSchema, so a fixture cannot drift from the contract the runner writes. The numbers are
// deterministic (seeded), the statistics plausible but simple: these tests check display, not statistics.
import { Ajv } from 'ajv';
import { ResultsFileSchema, type Comparison, type ResultsFile, type RunSample, type Summary, type VariantResult } from '../../src/results/schema.ts';
import type { CacheState } from '../../src/scenario/schema.ts';
import { methodFields } from '../fixtures/comparison.ts';
import { tempDir } from '../helpers/temp-dir.ts';

export interface VariantSpec {
  name: string;
  cache?: CacheState;
  baseline?: boolean;
  status?: VariantResult['status'];
  reason?: string;
  logTail?: string[];
  description?: string;
  /** Centre of the wall-time samples. */
  wallMs?: number;
  bytes?: number;
  debugBytes?: number;
  startupMs?: number;
  phases?: Record<string, number>;
  ref?: string;
  network?: boolean;
}

export interface ResultsSpec {
  runId?: string;
  hostname?: string;
  startedAt?: string;
  scenario?: string;
  description?: string;
  samples?: number;
  variants: VariantSpec[];
}

const validate = new Ajv({ allErrors: true, strict: false }).compile(ResultsFileSchema);

/** Throws with every schema problem of a results file. */
export function assertValidResults(file: unknown): asserts file is ResultsFile {
  if (!validate(file)) throw new Error(`fixture is not a valid results file: ${JSON.stringify(validate.errors)}`);
}

function random(seed: number): () => number {
  // mulberry32: a tiny seeded generator, so fixtures are the same on every run.
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function summarise(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : 0;
  return { n, mean, median, sd, min: sorted[0]!, max: sorted[n - 1]!, mad: sd * 0.67, cv: sd / mean, ciLow: median * 0.97, ciHigh: median * 1.03, outliers: [] };
}

function sample(round: number, wallMs: number, phases: Record<string, number>): RunSample {
  return { round, position: 0, wallMs, userMs: wallMs * 1.6, sysMs: wallMs * 0.2, maxRssKb: 250_000, treeRssKb: 400_000, exitCode: 0, phases, log: `logs/${round}.log` };
}

function variant(spec: VariantSpec, o: { scenario: string; samples: number; next: () => number; index: number }): VariantResult {
  const cache = spec.cache ?? 'cold';
  const status = spec.status ?? 'ok';
  const ok = status === 'ok';
  const centre = spec.wallMs ?? 10_000 + o.index * 700;
  const samples = ok
    ? Array.from({ length: o.samples }, (_, round) => {
        const wall = centre * (1 + (o.next() - 0.5) * 0.06) * (round === 2 && o.index === 1 ? 1.4 : 1);
        const phases = Object.fromEntries(Object.entries(spec.phases ?? {}).map(([k, v]) => [k, v * (wall / centre)]));
        return sample(round, wall, phases);
      })
    : [];
  const stats: Record<string, Summary> = ok ? { wallMs: summarise(samples.map((s) => s.wallMs)), userMs: summarise(samples.map((s) => s.userMs)) } : {};
  if (ok && o.index === 1 && samples.length > 2) stats.wallMs!.outliers = [{ round: 2, value: samples[2]!.wallMs, z: 4.2 }];
  const bytes = spec.bytes ?? 20_000_000 - o.index * 900_000;
  return {
    id: `${o.scenario}/${spec.name}@${cache}`,
    scenario: o.scenario,
    variant: spec.name,
    cache,
    baseline: spec.baseline ?? false,
    ...(spec.description === undefined ? {} : { description: spec.description }),
    ...(spec.ref === undefined ? {} : { ref: spec.ref }),
    ...(spec.network === undefined ? {} : { network: spec.network }),
    status,
    reason: ok ? null : (spec.reason ?? 'exit code 1'),
    ...(spec.logTail === undefined ? {} : { logTail: spec.logTail }),
    samples,
    warmups: [],
    artifact: ok ? { path: 'dist/app', kind: 'file', bytes, files: 1, sha256: 'ab'.repeat(32), debugBytes: spec.debugBytes ?? 0, largest: [{ path: 'lib/big.so', bytes: Math.round(bytes / 3) }] } : null,
    startup: ok ? { firstMs: spec.startupMs ?? 300 + o.index * 20, warmMs: (spec.startupMs ?? 300 + o.index * 20) / 3, readyOk: true } : null,
    stats,
  };
}

function compare(variants: VariantResult[], scenario: string): Comparison[] {
  return variants.flatMap((v) => {
    const base = variants.find((b) => b.baseline && b.cache === v.cache && b.status === 'ok');
    if (!base || v === base || v.status !== 'ok') return [];
    const ratio = v.stats.wallMs!.median / base.stats.wallMs!.median;
    const verdict = Math.abs(ratio - 1) < 0.02 ? 'no difference' : ratio < 1 ? 'faster' : 'slower';
    return [{ scenario, metric: 'wallMs', baseline: base.id, variant: v.id, ...methodFields(ratio), ratio, ciLow: ratio * 0.96, ciHigh: ratio * 1.04, pValue: 0.008, verdict }];
  });
}

/** A valid results file for one scenario with the given variants. */
export function makeResults(spec: ResultsSpec): ResultsFile {
  const scenario = spec.scenario ?? 'sidecar';
  const next = random(42);
  const variants = spec.variants.map((v, index) => variant(v, { scenario, samples: spec.samples ?? 5, next, index }));
  const startedAt = spec.startedAt ?? '2026-11-20T10:00:00.000Z';
  const file = {
    schemaVersion: 2,
    runId: spec.runId ?? '20261120-100000-abcd',
    tool: { name: 'buildbench', version: '0.1.0' },
    startedAt,
    finishedAt: '2026-11-20T10:30:00.000Z',
    interrupted: false,
    config: { runs: spec.samples ?? 5, warmup: 1, seed: 7, order: [variants.map((v) => v.id)] },
    environment: {
      os: 'Debian GNU/Linux 12', kernel: '6.1.0', arch: 'x64', cpuModel: 'Test CPU @ 3.0GHz', cores: 2, memoryBytes: 8 * 1024 ** 3,
      loadAvgBefore: [0.5, 0.4, 0.3], loadAvgAfter: [1.5, 1.1, 0.7], node: 'v20.20.2', hostname: spec.hostname ?? 'bench-host',
      git: { commit: '0123456789abcdef0123456789abcdef01234567', branch: 'main', dirty: false },
      tools: [{ name: 'pyinstaller', version: '6.11.1', path: '/usr/local/bin/pyinstaller' }],
    },
    scenarios: [{ name: scenario, file: `scenarios/${scenario}.yaml`, sha256: 'cd'.repeat(32), ...(spec.description ? { description: spec.description } : {}) }],
    variants,
    comparisons: compare(variants, scenario),
  };
  assertValidResults(file);
  return file;
}

/** n variants over the given cache states, the first of each cache state the baseline. */
export function manyVariants(n: number, caches: CacheState[] = ['cold', 'warm']): VariantSpec[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `variant-${String(Math.floor(i / caches.length)).padStart(2, '0')}`,
    cache: caches[i % caches.length]!,
    baseline: i < caches.length,
    phases: { Analysis: 4000, PYZ: 5000, PKG: 7000, EXE: 8000 },
    debugBytes: i % 3 === 0 ? 3_000_000 : 0,
  }));
}

/** A fresh out dir under the system temp dir, removed when the current test finishes. */
export async function makeOutDir(): Promise<string> {
  return tempDir('buildbench-report-');
}
