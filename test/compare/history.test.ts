import { describe, expect, it } from 'vitest';
import { compareWithHistory } from '../../src/compare/index.ts';
import { environment, run } from './fixtures.ts';

const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T10:00:00.000Z`;

describe('compareWithHistory', () => {
  // Five steady runs, then two where `fast` got 20% slower.
  const history = [
    ...[1, 2, 3, 4, 5].map((d) => run({ runId: `r${d}`, startedAt: day(d), base: 1000, fast: 600 + d })),
    ...[6, 7].map((d) => run({ runId: `r${d}`, startedAt: day(d), base: 1000, fast: 720 })),
  ];

  it('pools the last K runs per variant and flags a regression against them', () => {
    const current = run({ runId: 'now', startedAt: day(8), base: 1000, fast: 720 });
    const out = compareWithHistory({ history: history.slice(0, 5), current });
    expect(out.warnings).toEqual([]);
    expect(out.regressions.map((c) => c.variant)).toEqual(['app/fast@cold']);
    expect(out.regressions[0]!.ratio).toBeCloseTo(720 / 603, 2);
  });

  it('uses only the last K runs', () => {
    const current = run({ runId: 'now', startedAt: day(8), base: 1000, fast: 720 });
    expect(compareWithHistory({ history, current, lastK: 2 }).regressions).toEqual([]);
    expect(compareWithHistory({ history, current, lastK: 7 }).regressions).toHaveLength(1);
  });

  it('leaves the current run out of its own baseline', () => {
    const current = run({ runId: 'now', startedAt: day(8), base: 1000, fast: 720 });
    expect(compareWithHistory({ history: [...history.slice(0, 5), current], current, lastK: 1 }).regressions).toHaveLength(1);
  });

  it('warns when there is no history, and when a run of it was on another machine', () => {
    const current = run({ runId: 'now', startedAt: day(8), base: 1000, fast: 600 });
    expect(compareWithHistory({ history: [], current })).toEqual({ comparisons: [], regressions: [], warnings: ['no earlier runs in the history to compare with'] });
    const elsewhere = run({ runId: 'r9', startedAt: day(9), base: 1000, fast: 600, environment: environment({ cores: 16 }) });
    expect(compareWithHistory({ history: [history[0]!, elsewhere], current }).warnings).toEqual(['core count differs: 16 in the baseline, 2 now (run r9)']);
  });
});
