// An artifact that is neither a file nor a folder: a build may leave a FIFO or a link to a device where its
// artifact should be. Measuring it must fail that variant, not the run.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResultsFile } from '../../src/results/io.ts';
import { scenarioDir, startCli } from './helpers.ts';

describe('an artifact that is a FIFO or a device', () => {
  // A defect this suite found (since fixed): src/runner/artifact.ts treats anything that is not
  // a regular file as a folder and calls readdirSync on it: ENOTDIR ends the whole run in "internal error"
  // (exit 1, results.json without finishedAt, the out dir's lock left).
  it('fails that variant with a reason, and the run goes on', async () => {
    const dir = scenarioDir(`name: odd
project: proj
runs: 1
warmup: 0
cache: cold
variants:
  - name: fifo
    build: rm -f app && mkfifo app
    artifact: app
  - name: device
    build: ln -sfn /dev/zero app
    artifact: app
  - name: fine
    build: "true"
`);
    const cli = startCli({ args: ['run', 's.yaml', '--out', 'out', '--seed', '1'], cwd: dir });
    expect((await cli.exit).code).toBe(1);
    expect(cli.stderr()).not.toMatch(/internal error/);
    const results = readResultsFile(path.join(dir, 'out')).value!;
    expect(results.variants.map((v) => [v.variant, v.status])).toEqual([['fifo', 'failed'], ['device', 'failed'], ['fine', 'ok']]);
  });
});
