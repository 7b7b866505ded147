// Thinning keeps the recent runs, one a day before them, and the runs beside every change point: the thinned
// history still names the same change.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChanges, planThinning, readHistory, recordFileName, writeRecord } from '../../src/history/index.ts';
import { buildbench, explain, tempDir } from '../e2e/helpers.ts';
import { seriesHistory } from './fixtures.ts';

// 4 runs a day for 15 days; the app got 12% slower at run 21 (day 6, its 16:00 run).
const history = () => seriesHistory({ runs: 60, level: (i) => (i < 21 ? 1000 : 1120), hoursApart: 6 });

describe('planThinning', () => {
  it('keeps every run of the last N days, the last of each older day, and the two runs beside the change', () => {
    const records = history();
    const plan = planThinning(records, { keepDays: 4 });
    const kept = (why: string) => plan.keep.filter((k) => k.why === why).map((k) => records.indexOf(k.record));
    expect(kept('recent')).toEqual(Array.from({ length: 17 }, (_, i) => 43 + i));
    expect(kept('beside a change point')).toEqual([20, 21]);
    // Runs are 6 h apart from 10:00 UTC, so each day's last is the 22:00 run: 2, 6, … 42.
    expect(kept('last of its day')).toEqual([2, 6, 10, 14, 18, 22, 26, 30, 34, 38, 42]);
    expect(plan.drop).toHaveLength(60 - 30);
    // The thinned history names the same change, between the same two runs.
    const before = findChanges(records).changes.filter((c) => c.metric === 'wallMs');
    const after = findChanges(plan.keep.map((k) => k.record)).changes.filter((c) => c.metric === 'wallMs');
    expect(after.map((c) => [c.before.runId, c.after.runId])).toEqual(before.map((c) => [c.before.runId, c.after.runId]));
    expect(after.map((c) => [c.before.runId, c.after.runId])).toEqual([[records[20]!.runId, records[21]!.runId]]);
  });

  it('removes the dropped files through the command line, and --dry-run removes none', async () => {
    const dir = tempDir('history-thin');
    const records = history();
    for (const r of records) writeRecord(path.join(dir, 'hist'), r);
    const dry = await buildbench(['history', 'thin', 'hist', '--keep-days', '4', '--dry-run'], dir);
    expect(dry.code, explain(dry)).toBe(0);
    expect(dry.stdout.split('\n').slice(-2)).toEqual(['kept 30 of 60 runs: 17 of the last 4 days, 11 last of their day, 2 beside a change point', '']);
    expect(readHistory(path.join(dir, 'hist')).records).toHaveLength(60);
    const done = await buildbench(['history', 'thin', 'hist', '--keep-days', '4'], dir);
    expect(done.stdout.split('\n')[0]).toBe(`removed ${path.join('hist', recordFileName(records[0]!))}`);
    expect(readHistory(path.join(dir, 'hist')).records).toHaveLength(30);
    expect(existsSync(path.join(dir, 'hist', recordFileName(records[21]!)))).toBe(true);
  });
});
