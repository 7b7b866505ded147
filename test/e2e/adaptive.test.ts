// `--runs auto` against a fixed number of runs, on the same clear difference (sleep 0.2 vs sleep 0.3): the
// same verdict from fewer builds, and the reason it stopped recorded in the results file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildbench, countSamples, explain, readResults, tempDir, writeSleepScenario, TIMING } from './helpers.ts';

describe('buildbench run --runs auto', () => {
  it('reaches the verdict of a fixed --runs 10 with fewer builds, and says why it stopped', TIMING, async () => {
    const dir = tempDir('auto');
    writeSleepScenario({ dir, sleeps: { fast: '0.2', slow: '0.3' } });
    const fixed = await buildbench(['run', 'sleeps.yaml', '--runs', '10', '--out', 'fixed', '--seed', '3'], dir);
    expect(fixed.code, explain(fixed)).toBe(0);
    const auto = await buildbench(['run', 'sleeps.yaml', '--runs', 'auto', '--min-runs', '4', '--max-runs', '10', '--out', 'auto', '--seed', '3'], dir);
    expect(auto.code, explain(auto)).toBe(0);

    const f = readResults(path.join(dir, 'fixed', 'results.json'));
    const a = readResults(path.join(dir, 'auto', 'results.json'));
    // Build time decides; CPU and the tree's RSS (a sleep's are near zero and noisy) are compared beside it.
    for (const r of [f, a]) {
      expect(r.comparisons.filter((c) => c.metric === 'wallMs').map((c) => c.verdict)).toEqual(['slower']);
      expect(r.comparisons.filter((c) => !['wallMs', 'cpuMs', 'treeRssKb'].includes(c.metric))).toEqual([]);
    }
    expect(countSamples(f)).toBe(20);
    expect(countSamples(a)).toBeLessThan(countSamples(f));
    // Every round holds both variants, so the two stay equal in count.
    const [fast, slow] = a.variants;
    expect(fast!.samples.length).toBe(slow!.samples.length);
    // A run with a comparison stops only when it is decided (at an interim look p ≤ 0.0027) or at --max-runs.
    const n = fast!.samples.length;
    expect(a.config.stopReason).toBe(`every comparison with its baseline was decided after ${n} runs (1 slower)`);
    expect(f.config.stopReason).toBeUndefined();
    // Said where people read it too, not only in results.json and the report (a new user saw the run end at
    // round 8 of 20 with no word on screen or in summary.md).
    const why = `stopped: every comparison with its baseline was decided after ${n} runs (1 slower)`;
    expect(auto.stdout).toContain(why);
    expect(readFileSync(path.join(dir, 'auto', 'summary.md'), 'utf8')).toContain(`  - ${why}`);
    expect(fixed.stdout).not.toContain('stopped:');
  });
});
