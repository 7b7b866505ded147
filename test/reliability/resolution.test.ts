// Timings below the harness's resolution: `build: 'true'` gets a median of a few ms that is the harness's own
// noise; the terminal, results.json, the report and summary.md say so, as hyperfine does.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResultsFile } from '../../src/results/io.ts';
import { scenarioDir, startCli } from './helpers.ts';

describe('a build faster than the harness can resolve', () => {
  it('gets a warning in every output', async () => {
    const dir = scenarioDir('name: tiny\nproject: proj\nruns: 3\nwarmup: 0\ncache: cold\nvariants:\n  - {name: nothing, build: "true"}\n');
    const cli = startCli({ args: ['run', 's.yaml', '--out', 'out'], cwd: dir });
    expect((await cli.exit).code).toBe(0);
    const results = readResultsFile(path.join(dir, 'out')).value!;
    expect(results.config.overheadSpreadMs).toBeGreaterThanOrEqual(0);
    const [warning] = results.variants[0]!.warnings!;
    expect(warning).toMatch(/^median .* ms is within 5× the harness's own cost of starting a build \(.* ms, varying by .* ms\): below what this run can resolve/);
    expect(cli.stdout()).toContain(`warning: tiny/nothing@cold: ${warning}`);
    expect(readFileSync(path.join(dir, 'out', 'summary.md'), 'utf8')).toContain('below what this run can resolve');
    expect(readFileSync(path.join(dir, 'out', 'report.html'), 'utf8')).toContain('below what this run can resolve');
  }, 60_000);
});
