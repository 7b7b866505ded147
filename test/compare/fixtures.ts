// Schema-valid results files for the compare tests; only what the comparisons read varies.
import type { Environment, ResultsFile, VariantResult } from '../../src/results/schema.ts';
import { around, variant } from '../stats/fixtures.ts';

export function environment(over: Partial<Environment> = {}): Environment {
  return {
    os: 'linux',
    kernel: '6.1.0',
    arch: 'x64',
    cpuModel: 'Example CPU @ 3.0GHz',
    cores: 2,
    memoryBytes: 8_000_000_000,
    loadAvgBefore: [0.1, 0.1, 0.1],
    loadAvgAfter: [0.2, 0.1, 0.1],
    node: 'v20.19.0',
    hostname: 'ci',
    git: null,
    tools: [
      { name: 'cargo', version: '1.95.0', path: '/usr/bin/cargo' },
      { name: 'python', version: '3.11.9', path: '/usr/bin/python3' },
    ],
    ...over,
  };
}

export function results(opts: { runId: string; startedAt: string; variants: VariantResult[]; environment?: Environment }): ResultsFile {
  return {
    schemaVersion: 2,
    runId: opts.runId,
    tool: { name: 'buildbench', version: '0.1.0' },
    startedAt: opts.startedAt,
    finishedAt: opts.startedAt,
    interrupted: false,
    config: { runs: 10, warmup: 1, seed: 1, order: [] },
    environment: opts.environment ?? environment(),
    scenarios: [{ name: 'app', file: 'scenarios/app.yaml', sha256: '0'.repeat(64) }],
    variants: opts.variants,
    comparisons: [],
  };
}

/** A run with a baseline variant `base` and a variant `fast`, each at the given median wall times. */
export function run(opts: { runId: string; startedAt: string; base: number; fast: number; spreadPct?: number; environment?: Environment }): ResultsFile {
  return results({
    ...opts,
    variants: [
      variant({ variant: 'base', baseline: true, wallMs: around(opts.base, 10, opts.spreadPct) }),
      variant({ variant: 'fast', wallMs: around(opts.fast, 10, opts.spreadPct) }),
    ],
  });
}
