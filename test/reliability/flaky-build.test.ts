// A build that fails now and then: one failure policy, the same in every output. The failed build is kept
// (exit code, log), left out of the statistics, the variant goes on and gets its comparison, and the terminal,
// results.json, report.html, summary.md and the verdicts all say "1 of 6 builds failed".
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResultsFile } from '../../src/results/io.ts';
import { scenarioDir, startCli } from './helpers.ts';

const FAILED = '1 of 6 builds failed (round 4: exit code 3), left out of the statistics';

// Builds of 50 ms, well above the harness's resolution: a `true` build (~1 ms) minus a start-up overhead
// calibrated on a loaded machine can read 0 ms, and a sample ≤ 0 has no ratio, so no comparison is made.
describe('a variant whose build exits 3 in round 4 only', () => {
  it('is measured in every round, compared with its baseline, and every output says one build failed', async () => {
    const dir = scenarioDir(`name: flaky
project: proj
runs: 6
warmup: 0
cache: cold
variants:
  - name: steady
    baseline: true
    build: sleep 0.05
  - name: flaky
    build: sleep 0.05 && { test {round} != 4 || exit 3; }
`);
    const cli = startCli({ args: ['run', 's.yaml', '--out', 'out', '--seed', '5'], cwd: dir });
    expect((await cli.exit).code).toBe(1); // a failed build fails the run, as a failed variant does
    const results = readResultsFile(path.join(dir, 'out')).value!;
    const flaky = results.variants.find((v) => v.variant === 'flaky')!;
    expect(flaky.status).toBe('ok');
    expect(flaky.samples.map((s) => s.round)).toEqual([1, 2, 3, 5, 6]);
    expect(flaky.failures!.map((s) => [s.round, s.exitCode])).toEqual([[4, 3]]);
    expect(flaky.stats.wallMs!.n).toBe(5);
    expect(results.comparisons.filter((c) => c.metric === 'wallMs').map((c) => c.variant)).toEqual(['flaky/flaky@cold']);

    // 12 builds, and one more for each busy build re-measured on a loaded machine.
    expect(cli.stderr()).toMatch(/\[\d+\/1[2-9]\] round 4 flaky\/flaky@cold: .* BUILD FAILED \(exit code 3; measuring goes on\)/);
    expect(cli.stdout()).toContain(`ok; ${FAILED}`);
    expect(cli.stdout()).toMatch(new RegExp(`flaky/flaky@cold vs flaky/steady@cold: .*\\(flaky/flaky@cold: ${FAILED.replace(/[()]/g, '\\$&')}\\)`));
    expect(readFileSync(path.join(dir, 'out', 'summary.md'), 'utf8')).toContain(FAILED);
    expect(readFileSync(path.join(dir, 'out', 'report.html'), 'utf8')).toContain(FAILED);
  }, 120_000);
});
