// A variant that builds but does not start keeps its build figures: a tiny Python app zipped by a real
// command (python3 -m zipapp), one copy that starts and one whose start-up raises. Every output shows the
// broken one's build time and size, and their comparisons, marked "does not start" beside its reason; only
// its start-up columns are empty.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResultsFile } from '../../src/results/io.ts';
import { formatBytes } from '../../src/results/units.ts';
import { scenarioDir, startCli } from '../reliability/helpers.ts';

const SCENARIO = `name: app
project: proj
runs: 2
warmup: 0
cache: cold
variants:
  - name: starts
    baseline: true
    build: mkdir -p dist && python3 -m zipapp good -o dist/app.pyz -p "/usr/bin/env python3"
    artifact: dist/app.pyz
    smoke: { run: "{artifact}", timeoutS: 30 }
  - name: broken
    build: mkdir -p dist && python3 -m zipapp bad -o dist/app.pyz -p "/usr/bin/env python3"
    artifact: dist/app.pyz
    smoke: { run: "{artifact}", timeoutS: 30 }
`;

describe('a variant that builds but does not start', () => {
  it('keeps its build time, size and their comparisons in every output, marked "does not start"', async () => {
    const dir = scenarioDir(SCENARIO);
    for (const [app, body] of [['good', 'print("ready")\n'], ['bad', 'raise SystemExit("config.toml not found")\n']]) {
      mkdirSync(path.join(dir, 'proj', app!));
      writeFileSync(path.join(dir, 'proj', app!, '__main__.py'), body!);
    }
    const cli = startCli({ args: ['run', 's.yaml', '--out', 'out', '--seed', '1'], cwd: dir });
    expect((await cli.exit).code).toBe(1); // a variant that does not start still fails the run
    const results = readResultsFile(path.join(dir, 'out')).value!;
    const broken = results.variants.find((v) => v.variant === 'broken')!;
    expect(broken).toMatchObject({ status: 'ok', startup: { readyOk: false, firstMs: null, launches: [] } });
    expect(broken.reason).toBe('built, does not start: the first launch of round 1 exited with 1 before it was ready: config.toml not found (log: logs/app+broken@cold/startup-1-first.log)');
    expect(broken.stats.wallMs!.n).toBe(2);
    const metrics = results.comparisons.filter((c) => c.variant === broken.id).map((c) => c.metric);
    expect(metrics).toContain('wallMs');
    expect(metrics).toContain('bytes');
    expect(metrics.filter((m) => m.startsWith('startup'))).toEqual([]);

    // The terminal table: its size and its status with the reason (a long one under the table, whole).
    const lines = cli.stdout().split('\n').filter((l) => l.startsWith('app/broken@cold'));
    expect(lines[0]).toContain(formatBytes(broken.artifact!.bytes));
    expect(lines.some((l) => l.endsWith(broken.reason!))).toBe(true);
    expect(cli.stdout()).toContain('app/broken@cold (built, does not start: build figures only) vs app/starts@cold: ');
    expect(cli.stderr()).toContain(`DOES NOT START app/broken@cold (its build figures are kept): ${broken.reason}`);

    // summary.md: the decision row has its build time and size, the status beside the name, the reason as a note.
    const md = readFileSync(path.join(dir, 'out', 'summary.md'), 'utf8');
    const row = md.split('\n').find((l) => /^\| broken — does not start \\\[\d\\\] \|/.test(l))!;
    expect(row.split('|').slice(2, 4).every((cell) => cell.trim() !== '—')).toBe(true);
    expect(md).toMatch(new RegExp(`\\n\\d\\. ${broken.reason!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));

    // report.html: the same row, not greyed, with its status, and the launch's error under the failures.
    const html = readFileSync(path.join(dir, 'out', 'report.html'), 'utf8');
    expect(html).toMatch(/<tr><td title="app\/broken@cold"><span class="key">broken<\/span> <span class="status">does not start<sup>/);
    expect(html).toContain('<h3><span class="key">app/broken@cold</span> (app) — does not start</h3>');
  }, 90_000);
});
