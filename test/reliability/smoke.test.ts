// Start-up measurement launches the artifact four times; whatever each launch forks — a child left in the
// background, a daemon that left the group with setsid — is stopped with it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResultsFile } from '../../src/results/io.ts';
import { scenarioDir, startCli, writeExecutables, survivors } from './helpers.ts';

const SERVER = `#!/bin/sh
# A stand-in app: forks a helper, then becomes an HTTP server on $PORT.
sleep 304.5 &
exec python3 -m http.server "$PORT" --bind 127.0.0.1
`;
const DAEMON = `#!/bin/sh
setsid sleep 304.75 > /dev/null 2>&1 < /dev/null &
exec python3 -m http.server "$PORT" --bind 127.0.0.1
`;

describe('a smoke-launched artifact that forks', () => {
  it('is measured, and after the run neither it nor anything it started survives', async () => {
    const dir = scenarioDir(`name: smoke
project: proj
runs: 1
warmup: 0
cache: cold
variants:
  - name: forks
    build: mkdir -p dist && cp server.sh dist/app
    artifact: dist/app
    smoke: { run: "{artifact}", ready: "http://127.0.0.1:{port}/", timeoutS: 60 }
  - name: daemonises
    build: mkdir -p dist && cp daemon.sh dist/app
    artifact: dist/app
    smoke: { run: "{artifact}", ready: "http://127.0.0.1:{port}/", timeoutS: 60 }
`);
    writeExecutables(dir, { 'server.sh': SERVER, 'daemon.sh': DAEMON });
    const cli = startCli({ args: ['run', 's.yaml', '--out', 'out', '--seed', '1'], cwd: dir });
    expect((await cli.exit).code).toBe(0);
    const results = readResultsFile(path.join(dir, 'out')).value!;
    for (const v of results.variants) {
      expect(v.status).toBe('ok');
      expect(v.startup).toMatchObject({ readyOk: true, firstMs: expect.any(Number), warmMs: expect.any(Number) });
    }
    expect(await survivors('sleep 304.5')).toEqual([]);
    expect(await survivors('sleep 304.75')).toEqual([]);
    expect(await survivors(`http.server .* --bind 127.0.0.1`)).toEqual([]);
  });
});
