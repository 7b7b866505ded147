// A runaway build that floods its output cannot fill the disk or the harness's memory: the log keeps its head
// and tail around a marker, the run goes on, and the harness's peak RSS barely moves.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResultsFile } from '../../src/results/io.ts';
import { runScenario } from '../runner/helpers.ts';
import { scenarioDir, startCli, survivors, writeScenario } from './helpers.ts';

const MIB = 1024 * 1024;
const FLOOD = 50 * MIB;

const scenario = (build: string) => `name: flood
project: proj
runs: 1
warmup: 0
cache: cold
variants:
  - name: noisy
    build: ${build}
  - name: after
    build: sleep 0.05; echo after 305.125
`;

/** Run the scenario through the real CLI under GNU time; the CLI's peak RSS in KiB and its out dir. */
async function runMeasured(build: string) {
  const dir = scenarioDir(scenario(build));
  const rssFile = path.join(dir, 'rss');
  const cli = startCli({ args: ['run', 's.yaml', '--out', 'out', '--seed', '1'], cwd: dir, prefix: ['/usr/bin/time', '-f', '%M', '-o', rssFile] });
  const { code } = await cli.exit;
  return { dir, code, stderr: cli.stderr(), rssKb: Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) };
}

describe('a build that writes 50 MB of output', () => {
  it('has its log capped to head and tail around a marker, the run goes on, and memory stays flat', async () => {
    const flood = (bytes: number) => `echo FIRST-LINE; yes 'build output line' | head -c ${bytes}; echo; echo LAST-LINE`;
    const noisy = await runMeasured(flood(FLOOD));
    const noisier = await runMeasured(flood(3 * FLOOD));
    expect(noisy.code).toBe(0);
    const results = readResultsFile(path.join(noisy.dir, 'out')).value!;
    expect(results.variants.map((v) => [v.variant, v.status, v.samples.length])).toEqual([['noisy', 'ok', 1], ['after', 'ok', 1]]);

    const log = path.join(noisy.dir, 'out', 'logs', 'flood+noisy@cold', '1.log');
    const text = readFileSync(log, 'latin1');
    const marker = /\n\[buildbench: (\d+) bytes of output omitted here\]\n/.exec(text)!;
    expect(marker).not.toBeNull();
    const emitted = 'FIRST-LINE\n'.length + FLOOD + '\n'.length + 'LAST-LINE\n'.length;
    const kept = statSync(log).size - marker[0].length;
    // Head and tail kept, the middle counted: nothing lost without saying so, nothing past the 16 MiB cap.
    expect(kept + Number(marker[1])).toBe(emitted);
    expect(kept).toBeLessThanOrEqual(16 * MIB);
    expect(text.startsWith('FIRST-LINE\nbuild output line\n')).toBe(true);
    expect(text.slice(-60)).toMatch(/build output line\n[a-z ]*\nLAST-LINE\n$/);
    // Memory does not follow the output: 100 MB more of it moves the harness's peak RSS by far less than that
    // (what is held is bounded: the log's 8 MiB tail, 200 000 timed lines for phases).
    expect(noisier.code).toBe(0);
    expect(noisier.rssKb - noisy.rssKb).toBeLessThan((2 * FLOOD) / 1024 / 2);
    expect(await survivors('yes build output line')).toEqual([]);
  });

  // A defect this suite found (since fixed): src/runner/log-sink.ts joins a line's chunks with
  // `partial + chunk` and keeps whole lines in `recent`/`lines`, so one endless line costs O(n²) time (50 MB:
  // 45 s instead of 0.7 s), ~700 MB of RSS, and lands whole in results.json's logTail.
  it('keeps a bounded log tail when a failing build prints one 10 MB line', async () => {
    const file = writeScenario({ yaml: `name: line\nproject: project\nruns: 1\nwarmup: 0\ncache: cold\nvariants:\n  - name: one-line\n    build: "head -c 10000000 /dev/zero | tr '\\\\0' x; exit 1"\n` });
    const [variant] = (await runScenario({ file })).variants;
    expect(variant!.status).toBe('failed');
    expect(variant!.logTail!.join('\n').length).toBeLessThan(1 * MIB);
  });
});
