// A build that starts a server on first use (setsid, out of its process group) and would reuse it: the harness
// kills what a build leaves running, and each sample records what it killed, so a "warm" state that could not
// be warm says why.
import { describe, expect, it } from 'vitest';
import { processesMatching, runScenario } from '../runner/helpers.ts';
import { writeScenario } from './helpers.ts';

describe('a build that leaves a server running', () => {
  it('has the server killed after every sample, and each sample says what was killed', async () => {
    const file = writeScenario({
      yaml: `name: server
project: project
runs: 2
warmup: 0
cache: warm
variants:
  - name: starts-server
    build: "setsid sh -c 'exec sleep 309.5' >/dev/null 2>&1 & sleep 0.5; echo built"
  - name: clean
    build: "true"
`,
    });
    const [server, clean] = (await runScenario({ file })).variants;
    expect(server!.samples.map((s) => s.killedAfter)).toEqual([
      { count: 1, commands: ['sleep'] },
      { count: 1, commands: ['sleep'] },
    ]);
    expect(clean!.samples.map((s) => s.killedAfter)).toEqual([undefined, undefined]);
    expect(processesMatching('sleep 309.5')).toEqual([]);
  });
});
