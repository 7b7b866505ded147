// Launch rounds stop per comparison once decided, under the builds' guard for repeated looks.
import { describe, expect, it } from 'vitest';
import { decidedLaunches } from '../../src/runner/launch-stop.ts';
import type { Comparison } from '../../src/results/schema.ts';
import { lookLevels } from '../../src/stats/index.ts';
import { runScenario, writeScenario } from './helpers.ts';

const sampled = (over: Partial<Record<string, unknown>>): Comparison =>
  ({ scenario: 's', metric: 'startupFirstMs', baseline: 's/a@cold', variant: 's/b@cold', ratio: 1.3, ciLow: 1.2, ciHigh: 1.4, ciConfidence: 0.95, level: 0.95, pValue: 0.0001, noisePct: 2, verdict: 'slower', ...over }) as unknown as Comparison;

describe('decidedLaunches', () => {
  const ids = ['s/a@cold', 's/b@cold', 's/c@cold'];
  it('stops a variant whose every start-up comparison is decided, and the baseline only when all against it are', () => {
    const comparisons = [
      sampled({}),
      sampled({ metric: 'startupWarmMs' }),
      sampled({ variant: 's/c@cold', verdict: 'inconclusive', pValue: 0.2 }),
      sampled({ metric: 'wallMs', variant: 's/c@cold' }),
    ];
    expect([...decidedLaunches({ comparisons, ids, last: false, alpha: 0.05, interimP: 0.001 })]).toEqual(['s/b@cold']);
  });
  it('keeps the guard for interim looks: p = 0.01 decides only at the last look', () => {
    const comparisons = [sampled({ pValue: 0.01 }), sampled({ metric: 'startupWarmMs', pValue: 0.01 })];
    expect(decidedLaunches({ comparisons, ids, last: false, alpha: 0.05, interimP: 0.001 }).size).toBe(0);
    expect([...decidedLaunches({ comparisons, ids, last: true, alpha: 0.05, interimP: 0.001 })].sort()).toEqual(['s/a@cold', 's/b@cold']);
  });
  it('never stops a variant with no start-up comparison', () => {
    expect(decidedLaunches({ comparisons: [sampled({ metric: 'wallMs' })], ids, last: false, alpha: 0.05, interimP: 0.001 }).size).toBe(0);
  });
});

describe('launch rounds under the α split', () => {
  const yaml = (runs: number) => `name: launches
project: project
runs: ${runs}
warmup: 0
cache: cold
variants:
  - name: a
    baseline: true
    build: mkdir -p dist && printf '#!/bin/sh\\nexit 0\\n' > dist/app && chmod +x dist/app
    artifact: dist/app
    smoke: { run: "{artifact}", timeoutS: 30 }
  - name: b
    build: mkdir -p dist && printf '#!/bin/sh\\nexit 0\\n' > dist/app && chmod +x dist/app
    artifact: dist/app
    smoke: { run: "{artifact}", timeoutS: 30 }
`;
  // 8 rounds: interim looks after rounds 4–7 share 0.1 α, and 7 against 7 can reach p ≤ 0.1 α / 4, so the start-up
  // comparisons keep 0.9 α for the last look. 5 rounds: no interim look can stop faster/slower (4 against 4 reach
  // p = 0.029 at best), so the looks spend nothing and the last keeps the whole α.
  it.each([
    ['8 rounds: the start-up comparisons at the α left for the last look', 8, lookLevels({ alpha: 0.05, minRuns: 4, maxRuns: 8 }).finalAlpha],
    ['5 rounds: the start-up comparisons at the whole α', 5, undefined],
  ])('%s, the builds at the whole α', async (_, runs, startupAlpha) => {
    const results = await runScenario({ file: writeScenario({ yaml: yaml(runs) }) });
    expect(results.config.startupAlpha).toBe(startupAlpha);
    const levels = Object.fromEntries(results.comparisons.map((c) => [c.metric, (c as { level?: number }).level]));
    const startup = 1 - (startupAlpha ?? 0.05);
    expect(levels).toMatchObject({ wallMs: 0.95, startupFirstMs: startup, startupWarmMs: startup });
  });
});
