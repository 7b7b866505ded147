// Minimal VariantResults for the stats tests: only the fields the statistics read vary.
import type { RunSample, VariantResult } from '../../src/results/schema.ts';

export function sample(round: number, wallMs: number, extra: Partial<RunSample> = {}): RunSample {
  return {
    round,
    position: 0,
    wallMs,
    userMs: wallMs * 0.8,
    sysMs: wallMs * 0.1,
    maxRssKb: 50_000,
    treeRssKb: 80_000,
    exitCode: 0,
    phases: {},
    log: `logs/${round}.log`,
    ...extra,
  };
}

export function variant(opts: Partial<VariantResult> & { variant: string; wallMs?: number[] }): VariantResult {
  const { wallMs = [], ...rest } = opts;
  const scenario = rest.scenario ?? 'app';
  const cache = rest.cache ?? 'cold';
  return {
    id: `${scenario}/${opts.variant}@${cache}`,
    scenario,
    cache,
    baseline: false,
    status: 'ok',
    reason: null,
    samples: wallMs.map((ms, round) => sample(round, ms)),
    warmups: [],
    artifact: null,
    startup: null,
    stats: {},
    ...rest,
  };
}

/** n values around `median` with a fixed, symmetric ±spread pattern: deterministic, no RNG needed. */
export function around(median: number, n: number, spreadPct = 1): number[] {
  return Array.from({ length: n }, (_, i) => median * (1 + (spreadPct / 100) * Math.sin(i * 2.399)));
}
