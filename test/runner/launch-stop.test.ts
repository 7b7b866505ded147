// Launch rounds stop per comparison once decided, under the builds' guard for repeated looks.
import { describe, expect, it } from 'vitest';
import { decidedLaunches } from '../../src/runner/launch-stop.ts';
import type { Comparison } from '../../src/results/schema.ts';

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
