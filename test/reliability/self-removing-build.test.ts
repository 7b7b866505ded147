// A failure's words come from what happened: a build that removed (or replaced) its own workdir leaves later
// builds unable to start, which is said as such, with the folder named; nothing is called "killed" that
// buildbench did not kill, and the variant fails with that reason instead of staying `ok`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeEnding, describeFailedBuilds } from '../../src/results/failed-builds.ts';
import { runInGroup } from '../../src/runner/process-group.ts';
import { runScenario } from '../runner/helpers.ts';
import { writeScenario } from './helpers.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const yaml = `name: self
project: project
runs: 3
warmup: 0
cache: cold
variants:
  - name: removes
    build: 'echo ok > a.txt; cd .. && rm -rf "$OLDPWD"'
  - name: replaces
    build: 'cd .. && rm -rf "$OLDPWD" && echo x > "$OLDPWD"'
  - name: removes-artifact
    build: 'echo ok > a.txt; cd .. && rm -rf "$OLDPWD"'
    artifact: a.txt
`;

describe('a build that removes its own workdir', () => {
  it('fails its variant with the folder named, and no build is said to be killed', async () => {
    const file = writeScenario({ yaml });
    const results = await runScenario({ file });
    const workdir = (name: string) => path.join(path.dirname(file), 'work', `self+${name}@cold`, 'work');
    // The round is the one after the first build (or that build's re-measure, on a busy machine).
    const reasons = results.variants.map((v) => [v.variant, v.status, v.reason?.replace(/^round \d+ /, 'round N ')]);
    expect(reasons).toEqual([
      ['removes', 'failed', `round N could not start: the working directory ${workdir('removes')} is gone`],
      ['replaces', 'failed', `round N could not start: the working directory ${workdir('replaces')} is a file now, not a folder`],
      ['removes-artifact', 'failed', `the build exited 0 but the working directory ${workdir('removes-artifact')} is gone: no artifact at a.txt`],
    ]);
    for (const v of results.variants) expect([v.variant, describeFailedBuilds(v)]).toEqual([v.variant, null]);
  });

  it('gives a command whose folder is gone a spawn error that names it, and a log that says so', async () => {
    const dir = tempDir('bb-gone-');
    const cwd = path.join(dir, 'file');
    writeFileSync(cwd, 'not a folder');
    const logFile = path.join(dir, 'logs', '1.log');
    const run = await runInGroup({ command: 'true', cwd, env: process.env, logFile });
    const why = `the working directory ${cwd} is a file now, not a folder`;
    expect([run.spawnError, run.exitCode, run.signal, describeEnding(run)]).toEqual([why, null, undefined, `could not start: ${why}`]);
    expect(readFileSync(logFile, 'utf8')).toBe(`buildbench: the command could not start: ${why}\n`);
    expect(existsSync(`${logFile}.rusage`)).toBe(false);
  });
});

describe('the words for how a build ended', () => {
  it.each([
    [{ exitCode: 3 }, 'exit code 3'],
    [{ exitCode: null, signal: 'SIGKILL' }, 'ended by SIGKILL'],
    [{ exitCode: null, signal: 'SIGTERM', timedOut: true }, 'timed out'],
    [{ exitCode: null, spawnError: 'spawn sh ENOENT' }, 'could not start: spawn sh ENOENT'],
    [{ exitCode: null }, 'ended with neither an exit code nor a signal'],
  ])('%o reads "%s"', (ending, words) => {
    expect(describeEnding(ending)).toBe(words);
  });
});
