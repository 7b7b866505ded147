// `buildbench history add` and `buildbench history DIR` through the real command line.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHistory, writeRecord } from '../../src/history/index.ts';
import { writeResultsAtomic } from '../../src/results/io.ts';
import { buildbench, explain, tempDir } from '../e2e/helpers.ts';
import { defaultPlanResults, seriesHistory } from './fixtures.ts';

describe('buildbench history', () => {
  it('adds a record per results file, and refuses a bad one with one line and exit 2, writing nothing', async () => {
    const dir = tempDir('history-add');
    writeResultsAtomic(path.join(dir, 'a', 'results.json'), defaultPlanResults(1));
    writeResultsAtomic(path.join(dir, 'b.json'), defaultPlanResults(2));
    const url = 'https://github.com/o/r/actions/runs/1/artifacts/2';
    const added = await buildbench(['history', 'add', 'a', 'b.json', '--to', 'hist', '--runner', 'ci-small', '--report-url', url], dir);
    expect(added.code, explain(added)).toBe(0);
    expect(added.stdout).toBe('hist/2026-12-01T10-00-00-000-abcd.json\nhist/2026-12-02T10-00-00-000-abcd.json\n');
    expect(readHistory(path.join(dir, 'hist')).records.map((r) => r.reportUrl)).toEqual([url, url]);
    const bad = await buildbench(['history', 'add', 'missing.json', '--to', 'other'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('missing.json: no such file\n');
    const script = await buildbench(['history', 'add', 'a', '--to', 'other', '--report-url', 'javascript:alert(1)'], dir);
    expect(script.code).toBe(2);
    expect(script.stderr).toBe('--report-url: must be an http(s) URL or a relative path with no spaces or quotes (got "javascript:alert(1)")\n');
    expect(readdirSync(dir).sort()).toEqual(['a', 'b.json', 'hist', 'proj']);
  });

  it('lists the runs, then each change point and creep on one line, and gives the same as JSON', async () => {
    const dir = tempDir('history-show');
    for (const r of seriesHistory({ runs: 24, level: (i) => (i < 14 ? 1000 : 1100) })) writeRecord(path.join(dir, 'hist'), r);
    const shown = await buildbench(['history', 'hist'], dir);
    expect(shown.code, explain(shown)).toBe(0);
    const lines = shown.stdout.split('\n');
    expect(lines[0]).toBe('run                          commit    branch  runner  variants');
    expect(lines[2]).toBe('2026-11-01T10-00-00-000-r0   c0000000  main    ci      2');
    expect(lines.slice(27, 30)).toEqual([
      '2 change points:',
      'app/app@cold wallMs [ci]: c0130000 → c0140000  +11.4% [+10.4%, +12.4%] slower, p 0.005, in effect',
      'app/app@cold cpuMs [ci]: c0130000 → c0140000  +11.4% [+10.4%, +12.4%] slower, p 0.005, in effect',
    ]);
    expect(lines[30]).toBe('no creep');
    const json = await buildbench(['history', 'hist', '--json'], dir);
    const data = JSON.parse(json.stdout);
    expect(data.runs).toHaveLength(24);
    expect(data.changes.map((c: { series: string; before: { commit: string }; after: { commit: string } }) => [c.series, c.before.commit.slice(0, 4), c.after.commit.slice(0, 4)])).toEqual([
      ['app/app@cold wallMs [ci]', 'c013', 'c014'],
      ['app/app@cold cpuMs [ci]', 'c013', 'c014'],
    ]);
    expect(data.creeps).toEqual([]);
  });
});
