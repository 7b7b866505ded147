import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendToHistory, compareWithHistory, historyFileName, loadHistory } from '../../src/compare/index.ts';
import { environment, run } from './fixtures.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'buildbench-history-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T10:00:00.000Z`;

describe('appendToHistory / loadHistory', () => {
  it('writes <startedAt>-<runId>.json without characters CI artifacts reject, and nothing else', () => {
    const r = run({ runId: 'abc123', startedAt: day(1), base: 1000, fast: 600 });
    const file = appendToHistory(path.join(dir, 'history'), r);
    expect(path.basename(file)).toBe('2026-11-01T10-00-00.000Z-abc123.json');
    expect(historyFileName({ startedAt: day(1), runId: 'a/b c' })).toBe('2026-11-01T10-00-00.000Z-a-b-c.json');
    expect(readdirSync(path.join(dir, 'history'))).toEqual(['2026-11-01T10-00-00.000Z-abc123.json']);
    expect(loadHistory(path.join(dir, 'history'))).toEqual({ runs: [r], warnings: [] });
  });

  it('returns runs oldest first, reads results.json one directory down, and skips what it cannot read', () => {
    const [r1, r2, r3] = [1, 2, 3].map((d) => run({ runId: `r${d}`, startedAt: day(d), base: 1000, fast: 600 }));
    appendToHistory(dir, r3!);
    appendToHistory(dir, r1!);
    mkdirSync(path.join(dir, 'out-r2'));
    writeFileSync(path.join(dir, 'out-r2', 'results.json'), JSON.stringify(r2));
    writeFileSync(path.join(dir, 'broken.json'), '{ not json');
    writeFileSync(path.join(dir, 'future.json'), JSON.stringify({ ...r1, schemaVersion: 3 }));
    writeFileSync(path.join(dir, 'notes.txt'), 'ignored');
    const { runs, warnings } = loadHistory(dir);
    expect(runs.map((r) => r.runId)).toEqual(['r1', 'r2', 'r3']);
    expect(warnings).toEqual([
      `skipped ${path.join(dir, 'broken.json')}:1:11: Flow map must end with a }`,
      `skipped ${path.join(dir, 'future.json')}: not a buildbench results file of schemaVersion 1 or 2 (found 3)`,
    ]);
  });

  it('treats a missing directory as an empty history', () => {
    expect(loadHistory(path.join(dir, 'nope'))).toEqual({ runs: [], warnings: [] });
  });
});

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
