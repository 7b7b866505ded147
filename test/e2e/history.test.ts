// `run --history DIR`: each run is appended to DIR, and a run with history behind it is compared with it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildbench, explain, tempDir, writeSleepScenario, TIMING } from './helpers.ts';

describe('buildbench run --history DIR', () => {
  it('keeps every run, compares the second with the first, fails a 30% slower second run, and draws that trend', TIMING, async () => {
    const dir = tempDir('history');
    const run = (out: string, seconds: string) => {
      writeSleepScenario({ dir, sleeps: { app: seconds } });
      return buildbench(['run', 'sleeps.yaml', '--history', 'history', '--fail-on-regression', '--out', out, '--seed', '4'], dir);
    };

    // 0.3 s builds: with 0.1 s ones the two runs' overhead calibrations (up to ~30 ms apart under load)
    // were a third of the build and hid a 30% slowdown.
    const first = await run('first', '0.30');
    expect(first.code, explain(first)).toBe(0);
    expect(first.stderr).not.toMatch(/against/);
    expect(readdirSync(path.join(dir, 'history'))).toHaveLength(1);

    const second = await run('second', '0.39');
    expect(second.code, explain(second)).toBe(1);
    expect(second.stderr).toMatch(
      /\nagainst the last run of history:\nvariant {2,}baseline {2,}metric {2,}ratio \[95% Moses CI\] {2,}p {2,}verdict\n-[- ]+\nsleeps\/app@cold {2}\(same id\) {2}wallMs {2,}1\.[2-4]\d× \[1\.\d\d–1\.\d\d\] {2,}(< 0\.001|0\.0\d+) {2}slower\n(sleeps\/app@cold {2}\(same id\) {2}(cpuMs|treeRssKb) [^\n]+\n)*\nratio = Hodges–Lehmann [^\n]+\nregression: sleeps\/app@cold( \(\d+ of \d+ builds kept while the machine was busy: measure again on a quiet machine\))?\n/,
    );
    // Its report draws the trend it was judged against: the earlier run and this one.
    const html = readFileSync(path.join(dir, 'second', 'report.html'), 'utf8');
    const firstId = JSON.parse(readFileSync(path.join(dir, 'first', 'results.json'), 'utf8')).runId;
    expect(html).toContain('<h3>Trend across runs</h3>');
    expect(html).toContain(`<th>${firstId}<br>`);
    expect(readFileSync(path.join(dir, 'first', 'report.html'), 'utf8')).not.toContain('<h3>Trend across runs</h3>');
    // A regressed run is appended to the history all the same.
    const files = readdirSync(path.join(dir, 'history')).sort();
    expect(files).toHaveLength(2);
    for (const f of files) expect(f).toMatch(/^\d{4}-\d\d-\d\dT[\w.-]+\.json$/);
  });
});
