import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { processesMatching, runScenario, writeScenario } from './helpers.ts';
import { readResultsFile } from '../../src/results/io.ts';

describe('runPlan on real processes', () => {
  it('interleaves two sleeps and measures their ratio', async () => {
    const file = writeScenario({
      yaml: `name: sleeps
project: project
runs: 5
warmup: 1
cache: cold
variants:
  - name: short
    baseline: true
    build: sleep 0.2
  - name: long
    build: sleep 0.3
`,
    });
    const results = await runScenario({ file });
    const [short, long] = results.variants;
    expect(short!.samples).toHaveLength(5);
    expect(long!.samples).toHaveLength(5);
    expect(short!.warmups).toHaveLength(1);
    // Every round ran both variants once: positions 0 and 1 in each round, in the recorded order.
    for (let round = 1; round <= 5; round++) {
      const positions = [short!, long!].map((v) => v.samples.find((s) => s.round === round)!.position).sort();
      expect(positions).toEqual([0, 1]);
      expect(results.config.order[round - 1]!.slice().sort()).toEqual(['sleeps/long@cold', 'sleeps/short@cold']);
    }
    const ratio = long!.stats.wallMs!.median / short!.stats.wallMs!.median;
    expect(ratio).toBeGreaterThan(1.35);
    expect(ratio).toBeLessThan(1.65);
    // The file on disk is the same, valid results file.
    const onDisk = readResultsFile(path.join(path.dirname(file), 'out', 'results.json'));
    expect(onDisk.problems).toEqual([]);
    expect(onDisk.value!.variants.map((v) => v.samples.length)).toEqual([5, 5]);
  });

  it('records a failing variant with its exit code and log tail, and runs the others', async () => {
    const file = writeScenario({
      yaml: `name: mixed
project: project
runs: 2
warmup: 0
cache: cold
variants:
  - name: good
    build: ./build.sh 0 1000
    artifact: dist/app
    clean: [dist]
  - name: bad
    build: 'echo "error: something broke"; exit 3'
  - name: missing-command
    build: no-such-command-xyz --flag
  - name: no-artifact
    build: "true"
    artifact: dist/app
  - name: unavailable
    build: "true"
    requires: [no-such-tool]
`,
    });
    const results = await runScenario({ file });
    const byName = Object.fromEntries(results.variants.map((v) => [v.variant, v]));
    expect(byName.good).toMatchObject({ status: 'ok', artifact: { kind: 'file', bytes: 1000, files: 1 } });
    expect(byName.good!.samples).toHaveLength(2);
    expect(byName.bad).toMatchObject({ status: 'failed', logTail: ['error: something broke'] });
    // Both builds failed: the variant is failed, with the last one's reason; failed builds are no samples.
    expect(byName.bad!.reason).toMatch(/^build failed: exit code 3: error: something broke \(log: logs\/mixed\+bad@cold\/2\.log\)$/);
    expect(byName.bad!.failures!.map((s) => s.exitCode)).toEqual([3, 3]);
    expect(byName.bad!.samples).toEqual([]);
    expect(byName['missing-command']!.reason).toMatch(/exit code 127/);
    expect(byName['missing-command']!.logTail!.join('\n')).toMatch(/no-such-command-xyz: not found/);
    expect(byName['no-artifact']).toMatchObject({ status: 'failed', reason: 'the build exited 0 but wrote no artifact at dist/app' });
    expect(byName.unavailable).toMatchObject({ status: 'unavailable', samples: [] });
    expect(byName.unavailable!.reason).toMatch(/^no-such-tool not found/);
    // The full output of a failed build is in its log file.
    const log = readFileSync(path.join(path.dirname(file), 'out', 'logs', 'mixed+bad@cold', '1.log'), 'utf8');
    expect(log).toBe('error: something broke\n');
  });

  it('kills a build that times out, with its grandchildren, and one that daemonises a child', async () => {
    const file = writeScenario({
      yaml: `name: leaks
project: project
runs: 1
warmup: 0
cache: cold
variants:
  - name: hangs
    build: sleep 301.25 & sleep 301.5
    timeoutS: 0.5
  - name: daemon
    build: setsid sh -c 'sleep 302.75' > /dev/null 2>&1 & echo started
`,
    });
    const results = await runScenario({ file });
    const [hangs, daemon] = results.variants;
    expect(hangs).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^build failed: timed out after 0.5 s/) });
    expect(hangs!.failures![0]).toMatchObject({ timedOut: true, exitCode: null });
    expect(daemon!.status).toBe('ok');
    expect(processesMatching('sleep 301.')).toEqual([]);
    expect(processesMatching('sleep 302.75')).toEqual([]);
  });

  it("starts an incremental cargo variant from its cold twin's full build, then rebuilds after each edit", async () => {
    const file = writeScenario({
      fixture: 'tiny-crate',
      yaml: `name: crate
project: project
runs: 2
warmup: 0
variants:
  - name: dev
    build: cargo build --offline --quiet
    artifact: target/debug/tiny
    cache: [incremental, cold]
    clean: [target/debug/tiny]
    caches: [target]
    mutate: { append: { file: src/main.rs, text: "\\n// edit {round}\\n" } }
`,
    });
    const results = await runScenario({ file });
    const incremental = results.variants.find((v) => v.cache === 'incremental')!;
    const cold = results.variants.find((v) => v.cache === 'cold')!;
    expect(incremental).toMatchObject({ status: 'ok', artifact: { kind: 'file' } });
    // The full first build the incremental workdir needs is the cold twin's first, run there (plan/prime.ts).
    expect(incremental.warmups).toHaveLength(0);
    expect(incremental.primedFrom).toEqual({ variant: 'crate/dev@cold', round: 1 });
    expect(incremental.samples).toHaveLength(2);
    expect(cold.warmups).toHaveLength(0);
    // Each incremental sample started from an edit: the workdir's main.rs holds one line per build after the first.
    const workdir = path.join(path.dirname(file), 'work', 'crate+dev@incremental', 'work');
    expect(readFileSync(path.join(workdir, 'src', 'main.rs'), 'utf8').match(/\/\/ edit \d/g)).toEqual(['// edit 1', '// edit 2']);
    // The cold variant's target dir is its own.
    expect(existsSync(path.join(path.dirname(file), 'work', 'crate+dev@cold', 'work', 'target'))).toBe(true);
  });
});
