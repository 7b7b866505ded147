// Every way a run is stopped reads as an interruption: Ctrl-C during a set-up or a build, SIGTERM, and the death
// of the wrapper that started it (`npm run …` forwards no signal sent to npm's own pid). Measured samples are
// kept, results say `interrupted: true`, no build is left running.
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResultsFile } from '../../src/results/io.ts';
import { processesMatching } from '../runner/helpers.ts';
import { BIN } from '../e2e/helpers.ts';
import { scenarioDir, startCli, survivors, waitFor } from './helpers.ts';

const yaml = (slow: string) => `name: stop
project: proj
runs: 3
warmup: 0
cache: cold
variants:
  - name: quick
    build: sleep 0.05
  - name: slow
${slow}
`;

describe('Ctrl-C (SIGINT)', () => {
  it('during a set-up: the variant is interrupted, not failed, and the run exits 130', async () => {
    const dir = scenarioDir(yaml('    setup: sleep 306.25\n    build: "true"'));
    const cli = startCli({ args: ['run', 's.yaml', '--out', 'out', '--seed', '1'], cwd: dir });
    expect(await waitFor(() => processesMatching('sleep 306.25').length > 0)).toBe(true);
    cli.child.kill('SIGINT');
    expect((await cli.exit).code).toBe(130);
    expect(await survivors('sleep 306.25')).toEqual([]);
    const results = readResultsFile(path.join(dir, 'out')).value!;
    expect(results.interrupted).toBe(true);
    expect(results.variants.map((v) => [v.variant, v.status, v.reason])).toEqual([
      ['quick', 'interrupted', 'interrupted before it was measured'],
      ['slow', 'interrupted', 'interrupted during its set-up'],
    ]);
  });
});

describe('a wrapper that is stopped', () => {
  it('`npm run bench` killed with SIGTERM: buildbench stops too, keeps its samples and leaves nothing running', async () => {
    const dir = scenarioDir(yaml('    build: sleep 306.5'));
    writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'wrapped', private: true, scripts: { bench: `node ${BIN} run s.yaml --out out --seed 1` } }),
    );
    const npm = spawn('npm', ['run', 'bench'], { cwd: dir, env: { ...process.env, CI: 'true' }, stdio: 'ignore' });
    const npmExit = new Promise((resolve) => npm.once('exit', resolve));
    expect(await waitFor(() => processesMatching('sleep 306.5').length > 0, 60_000)).toBe(true);
    npm.kill('SIGTERM'); // npm's own pid only, as `kill`, a supervisor or a CI cancel does
    await npmExit;
    // buildbench notices its starter is gone, kills the build, writes its results and exits.
    expect(await waitFor(() => processesMatching(`${BIN} run s.yaml`).length === 0, 30_000)).toBe(true);
    expect(await survivors('sleep 306.5')).toEqual([]);
    const results = readResultsFile(path.join(dir, 'out')).value!;
    expect(results).toMatchObject({ interrupted: true, finishedAt: expect.any(String) });
    expect(results.variants.map((v) => [v.variant, v.status, v.samples.length])).toEqual([
      ['quick', 'ok', 1],
      ['slow', 'interrupted', 0],
    ]);
  }, 120_000);
});

describe('SIGTERM after a good build', () => {
  it('the variant keeps its measured build and its artifact (the interrupted build had removed it), with a warning, not "failed"', async () => {
    // Like pex@warm: round 1 writes the artifact; round 2 removes it (clean) and is stopped before writing it again.
    const dir = scenarioDir(`name: stop
project: proj
runs: 3
warmup: 0
cache: warm
variants:
  - name: pex
    build: 'if [ {round} = 2 ]; then sleep 306.75; fi; echo packed > main.pex'
    artifact: main.pex
    clean: [main.pex]
`);
    // No re-measuring of busy builds: round 1's build is the measured one whatever the machine's load.
    const cli = startCli({ args: ['run', 's.yaml', '--out', 'out', '--seed', '1', '--interference-threshold', 'off'], cwd: dir });
    // The sleep itself, not a shell whose command line names it: each build's shell is held (in its cgroup,
    // before the clock starts) with the whole command on its command line, also in the warm-up.
    expect(await waitFor(() => processesMatching('^sleep 306\\.75').length > 0, 60_000)).toBe(true);
    cli.child.kill('SIGTERM');
    expect((await cli.exit).code).toBe(143);
    expect(await survivors('sleep 306.75')).toEqual([]);
    const results = readResultsFile(path.join(dir, 'out')).value!;
    const pex = results.variants[0]!;
    expect(results.interrupted).toBe(true);
    expect([pex.status, pex.reason ?? null, pex.samples.length, pex.warnings?.[0]]).toEqual(['ok', null, 1, 'interrupted during its build in round 2; its 1 measured build kept']);
    expect(pex.artifact).toMatchObject({ path: 'main.pex', kind: 'file', bytes: 'packed\n'.length, sha256: pex.samples[0]!.artifact!.sha256 });
    expect(cli.stdout()).toContain('warning: stop/pex@warm: interrupted during its build in round 2; its 1 measured build kept');
  });
});

describe('a second signal (stop at once)', () => {
  it('marks results.json interrupted and says plainly that no report was written', async () => {
    // The build ignores SIGTERM, so the first stop waits out the kill's grace period; the second comes meanwhile.
    const dir = scenarioDir(yaml(`    build: "trap '' TERM; sleep 307.25"`));
    const cli = startCli({ args: ['run', 's.yaml', '--out', 'out', '--seed', '1'], cwd: dir });
    expect(await waitFor(() => processesMatching('^sleep 307\\.25').length > 0, 60_000)).toBe(true);
    cli.child.kill('SIGTERM');
    // Two signals sent at once may arrive as one: the second is sent once the first was heard.
    expect(await waitFor(() => cli.stderr().includes('SIGTERM: stopping'))).toBe(true);
    cli.child.kill('SIGTERM');
    expect((await cli.exit).code).toBe(143);
    expect(await survivors('sleep 307.25')).toEqual([]);
    const out = path.join(dir, 'out');
    expect(cli.stderr()).toContain(
      `buildbench: stopped at once; results so far (marked interrupted) are in ${path.join(out, 'results.json')}; no report was written: \`buildbench report ${out}\` writes one`,
    );
    expect(existsSync(path.join(out, 'report.html'))).toBe(false);
    expect(cli.stdout()).not.toContain('report:');
    expect(readResultsFile(out).value).toMatchObject({ interrupted: true });
    // The project's copies do not outlive the stop: a detached rm removes them once buildbench has exited.
    const workRoot = /; its workdirs \((.+?)\) are being removed in the background/.exec(cli.stderr())?.[1];
    expect(workRoot).toBeDefined();
    expect(await waitFor(() => !existsSync(workRoot!), 20_000)).toBe(true);
  });
});
