// A hung build without timeoutS: the run's default timeout (--timeout, one hour unless given) kills its whole
// group, the sample says it timed out, and the run goes on.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResultsFile } from '../../src/results/io.ts';
import { scenarioDir, startCli, survivors } from './helpers.ts';

describe('a build that hangs and declares no timeoutS', () => {
  it('is killed after the run’s --timeout, with everything it started, and recorded as timed out', async () => {
    const dir = scenarioDir(`name: hang
project: proj
runs: 1
warmup: 0
cache: cold
variants:
  - name: serve
    build: 'echo serving; exec sleep 308.5'
  - name: fine
    build: "true"
`);
    const cli = startCli({ args: ['run', 's.yaml', '--out', 'out', '--timeout', '1'], cwd: dir });
    expect((await cli.exit).code).toBe(1);
    expect(await survivors('sleep 308.5')).toEqual([]);
    const [serve, fine] = readResultsFile(path.join(dir, 'out')).value!.variants;
    expect(serve).toMatchObject({ status: 'failed', logTail: ['serving'], failures: [{ timedOut: true, exitCode: null }] });
    expect(serve!.reason).toMatch(/^build failed: timed out after 1 s \(log: /);
    expect(fine!.status).toBe('ok');
  }, 60_000);

  it('--help states the default', async () => {
    const cli = startCli({ args: ['run', '--help'], cwd: scenarioDir('') });
    await cli.exit;
    expect(cli.stdout().replace(/\s+/g, ' ')).toMatch(/--timeout seconds a build or set-up may run before its whole process group is killed, where the scenario sets no timeoutS \(default one hour\) \[number\] \[default: 3600\]/);
  });
});
