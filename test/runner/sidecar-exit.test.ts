// A GUI app whose sidecar dies keeps its window up, so a launch waiting for the sidecar's URL would wait out its
// whole timeout (4 of them cost 8.3 min of a real shipped-app run). With `smoke.sidecar` the launch ends as soon
// as the sidecar has run and is gone, with its own error as the reason. A real "app" (a shell script that starts
// its sidecar and stays up) and a timeout longer than the test's own: without the rule the test cannot pass.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResultsFile } from '../../src/results/io.ts';
import { scenarioDir, startCli, writeExecutables } from '../reliability/helpers.ts';

const APP = `#!/bin/sh
"$(dirname "$0")/side" &
exec sleep 600
`;
const SIDECAR = `#!/bin/sh
sleep 0.5
echo "Traceback (most recent call last):" >&2
echo "RuntimeError: Attempted to exit cancel scope in a different task" >&2
exit 1
`;

describe('a launch whose sidecar exits before the app is ready', () => {
  it('fails at once with the sidecar named and its error, not after timeoutS', { timeout: 60_000 }, async () => {
    const dir = scenarioDir(`name: s
project: proj
runs: 2
warmup: 0
cache: cold
variants:
  - name: app
    baseline: true
    build: mkdir -p dist && cp app.sh dist/app && cp side.sh dist/side
    artifact: dist/app
    smoke: { run: "{artifact}", ready: "http://127.0.0.1:{port}/status", sidecar: side, timeoutS: 300 }
`);
    writeExecutables(dir, { 'app.sh': APP, 'side.sh': SIDECAR });
    const cli = startCli({ args: ['run', 's.yaml', '--out', 'out', '--seed', '1'], cwd: dir });
    expect((await cli.exit).code).toBe(1);
    const [app] = readResultsFile(path.join(dir, 'out')).value!.variants;
    expect(app!.status).toBe('ok');
    expect(app!.samples).toHaveLength(2);
    expect(app!.reason).toMatch(/^built, does not start: the first launch of round 1 its sidecar side exited before the app was ready: RuntimeError: Attempted to exit cancel scope in a different task \(log: /);
  });
});
