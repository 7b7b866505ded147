// Nothing of a run outlives it outside its out dir and its workdirs, however it ends: not the harness's own
// files (GNU time's output, the calibration log) and not what a build leaves in $TMPDIR.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../e2e/helpers.ts';
import { processesMatching } from '../runner/helpers.ts';
import { scenarioDir, waitFor } from './helpers.ts';

/** What is left in `tmp`, but tsx's transpile cache: the tests run the sources through tsx, the package does not. */
const leftIn = (tmp: string) => readdirSync(tmp).filter((name) => !name.startsWith('tsx-'));

function run(dir: string, tmp: string) {
  const child = spawn(process.execPath, [BIN, 'run', 's.yaml', '--out', 'out', '--seed', '1'], { cwd: dir, env: { ...process.env, CI: 'true', TMPDIR: tmp }, stdio: 'ignore' });
  return { child, exit: new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code))) };
}

describe('temp files', () => {
  const yaml = (build: string) => `name: tmp
project: proj
runs: 2
warmup: 1
cache: cold
variants:
  - name: leaves-temp-files
    setup: mktemp
    build: ${build}
`;

  it('a finished run leaves nothing in TMPDIR, even when its builds leave temp files there', async () => {
    const dir = scenarioDir(yaml('mktemp && mktemp -d'));
    const tmp = path.join(dir, 'tmp');
    mkdirSync(tmp);
    expect(await run(dir, tmp).exit).toBe(0);
    expect(leftIn(tmp)).toEqual([]);
  });

  it('a run stopped by SIGTERM in the middle of a build leaves nothing in TMPDIR either', async () => {
    const dir = scenarioDir(yaml('mktemp && sleep 307.25'));
    const tmp = path.join(dir, 'tmp');
    mkdirSync(tmp);
    const cli = run(dir, tmp);
    expect(await waitFor(() => processesMatching('sleep 307.25').length > 0)).toBe(true);
    cli.child.kill('SIGTERM');
    expect(await cli.exit).toBe(143);
    expect(leftIn(tmp)).toEqual([]);
  });
});
