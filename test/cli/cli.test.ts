// The command line as a user meets it: real `buildbench` processes, exact messages and exit codes.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { processesMatching } from '../runner/helpers.ts';

import { BIN } from '../e2e/helpers.ts';
import { tempDir } from '../helpers/temp-dir.ts';

function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function project(): string {
  const dir = tempDir('bb-cli-');
  mkdirSync(path.join(dir, 'proj'));
  return dir;
}

describe('buildbench validate', () => {
  it('prints every problem on its own line with file:line:col and exits 2', () => {
    const dir = project();
    writeFileSync(path.join(dir, 'broken.yaml'), 'name: demo\nproject: proj\nruns: 0\nvariants:\n  - name: a\n    build: x\n    cache: hot\n    bild: y\n');
    const r = cli(['validate', 'broken.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        'broken.yaml:3:7 runs: must be >= 1',
        'broken.yaml:7:12 variants[0].cache: must be one of cold, warm, incremental, noop',
        'broken.yaml:8:5 variants[0].bild: unknown key (did you mean "build"?)',
        '',
      ].join('\n'),
    );
  });

  it('accepts a valid file', () => {
    const dir = project();
    writeFileSync(path.join(dir, 'ok.yaml'), 'name: demo\nproject: proj\nvariants:\n  - {name: a, build: "true"}\n');
    expect(cli(['validate', 'ok.yaml'], dir)).toEqual({ code: 0, stdout: '1 scenario file valid (1 variants)\n', stderr: '' });
  });

  it('names a missing file', () => {
    expect(cli(['validate', 'nope.yaml'], project())).toMatchObject({ code: 2, stderr: 'nope.yaml: no such file\n' });
  });
});

describe('bad flags', () => {
  it('refuses an unknown flag with one line and exit 2', () => {
    const r = cli(['run', '--runz', '3'], project());
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('buildbench run: unknown option --runz (did you mean --runs?)\n');
  });

  it('refuses a bad --runs value', () => {
    const dir = project();
    writeFileSync(path.join(dir, 'ok.yaml'), 'name: demo\nproject: proj\nvariants:\n  - {name: a, build: "true"}\n');
    expect(cli(['run', 'ok.yaml', '--runs', 'many'], dir)).toMatchObject({ code: 2, stderr: '--runs: must be a whole number ≥ 1 or "auto" (got "many")\n' });
  });

  it('prints help', () => {
    const r = cli(['--help'], project());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/buildbench run \[scenarios\.\.\]/);
    expect(r.stdout).toMatch(/--dry-run/);
  });
});

describe('buildbench run', () => {
  it('prints the plan with --dry-run and runs nothing', () => {
    const dir = project();
    writeFileSync(path.join(dir, 's.yaml'), 'name: demo\nproject: proj\nruns: 3\nvariants:\n  - {name: a, build: "touch ran"}\n');
    const r = cli(['run', 's.yaml', '--dry-run', '--seed', '5'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^plan .* \(seed 5\): 1 variants\n {2}demo\/a@warm \(baseline\): 1 warm-up \+ 3 runs, no earlier measurement\n/);
    expect(r.stdout).toMatch(/\nestimate: none: 1 variant never measured here or in bench\/timings.json\n/);
    // A new project is offered a timing pass that the next dry run reads.
    expect(r.stdout.split('\n').at(-2)).toBe(
      "to estimate the 1 never measured: time them once first, `run … --runs 1 --only 'demo/a@warm'` (one build each, after their set-up), then --dry-run again: it reads that run from reports/. Or just run: 4 builds in all; every variant has built once by build 1, and from then on the ETA covers every build",
    );
    expect(existsSync(path.join(dir, 'reports'))).toBe(false);
  });

  it('refuses an unreadable --baseline before it builds anything', () => {
    const dir = project();
    writeFileSync(path.join(dir, 's.yaml'), 'name: demo\nproject: proj\nvariants:\n  - {name: a, build: "touch {scenarioDir}/ran"}\n');
    writeFileSync(path.join(dir, 'old.json'), '{"schemaVersion": 1}');
    const r = cli(['run', 's.yaml', '--out', 'out', '--baseline', 'old.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^old\.json/m);
    expect(existsSync(path.join(dir, 'ran'))).toBe(false);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('says what a plain or --quick run leaves out before its plan', () => {
    const dir = project();
    mkdirSync(path.join(dir, 'scenarios'));
    writeFileSync(
      path.join(dir, 'scenarios', 's.yaml'),
      'name: demo\ndefault: true\nproject: ../proj\ncache: [cold, warm]\nvariants:\n  - {name: a, build: "true"}\n  - {name: b, build: "true", default: [cold]}\n  - {name: c, build: "true", default: false}\n',
    );
    const r = cli(['run', '--dry-run', '--quick'], dir);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('not measured (not in a plain run: --all or naming the scenario file runs them): demo/b@warm, demo/c@cold, demo/c@warm');
    expect(lines[1]).toBe('not measured (--quick measures each scenario in one cache state where every variant does the same work (its baseline\'s warmest of cold and incremental)): demo/a@warm');
    expect(lines[2]).toBe('fewest runs that can decide at α = 0.05: 4 per variant for faster/slower, 3 for no difference');
    // A scenario file without default: true is named, not left out silently (a new user's python-env.yaml).
    writeFileSync(path.join(dir, 'scenarios', 'other.yaml'), 'name: other\nproject: ../proj\nvariants:\n  - {name: x, build: "true"}\n');
    const withOther = cli(['run', '--dry-run'], dir);
    expect(withOther.stdout).toContain('\nnot measured (scenarios without default: true: --all or naming the scenario file runs them): other/*\n');
    const onlyOther = cli(['run', '--dry-run', '--only', 'other/*'], dir);
    expect({ code: onlyOther.code, stderr: onlyOther.stderr }).toEqual({ code: 2, stderr: '--only: "other/*": scenario other is not in a plain run (scenarios without default: true: --all or naming the scenario file runs them)\n' });
    rmSync(path.join(dir, 'scenarios', 'other.yaml'));
    expect(cli(['run', '--dry-run', '--runs', '3'], dir).stdout).toContain(
      'fewest runs that can decide at α = 0.05: 4 per variant for faster/slower, 3 for no difference — with 3, this run can show no difference but never faster or slower\n',
    );
    expect(lines.filter((l) => l.startsWith('  '))).toEqual([
      '  demo/a@cold (baseline): 0 warm-up + 4 runs, no earlier measurement',
      '  demo/b@cold: 0 warm-up + 4 runs, no earlier measurement',
    ]);
    const only = cli(['run', '--dry-run', '--only', 'demo/c@*'], dir);
    expect(only.code).toBe(2);
    // A glob of variants a plain run leaves out is no typo: the message says why nothing is left.
    expect(only.stderr).toContain('--only: no variant matches in a plain run (demo/c@cold, demo/c@warm: not in a plain run: --all or naming the scenario file runs them)');
    expect(cli(['run', '--dry-run', '--only', 'demo/x@*'], dir).stderr).toContain('--only: "demo/x@*" matches no variant id of these scenarios (demo/a@cold, demo/a@warm, demo/b@cold)');
    expect(cli(['run', '--dry-run', '--only', 'demo/c@*', '--all'], dir).stdout).toMatch(/: 2 variants\n/);
    const all = cli(['run', '--dry-run', '--all'], dir);
    expect(all.stdout).not.toMatch(/not measured/);
    expect(all.stdout).toMatch(/: 6 variants\n/);
  });

  it('launches an artifact first and warm once per run: 2 runs give 4 launches, --quick (4 runs) 8', () => {
    const dir = project();
    writeFileSync(
      path.join(dir, 's.yaml'),
      'name: demo\nproject: proj\ncache: cold\nvariants:\n  - {name: a, build: "true", smoke: {run: "echo launched >> {scenarioDir}/launches-$BB_MODE"}}\n',
    );
    for (const [mode, args, launches] of [['full', ['--runs', '2'], 4], ['quick', ['--quick'], 8]] as const) {
      const r = cli(['run', 's.yaml', '--out', `out-${mode}`, ...args], dir, { BB_MODE: mode });
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(path.join(dir, `launches-${mode}`), 'utf8').trim().split('\n')).toHaveLength(launches);
    }
  });

  it('exits 1 when a variant fails, after measuring the others', () => {
    const dir = project();
    writeFileSync(path.join(dir, 's.yaml'), 'name: demo\nproject: proj\nruns: 2\nwarmup: 0\ncache: cold\nvariants:\n  - {name: ok, build: "true"}\n  - {name: bad, build: "exit 4"}\n');
    const r = cli(['run', 's.yaml', '--out', 'out'], dir);
    expect(r.code).toBe(1);
    const results = JSON.parse(readFileSync(path.join(dir, 'out', 'results.json'), 'utf8'));
    expect(results.variants.map((v: { status: string }) => v.status)).toEqual(['ok', 'failed']);
    // A long status goes under the table, whole (`demo/bad@cold: failed: …`).
    expect(r.stdout).toMatch(/demo\/bad@cold\b.* failed: build failed: exit code 4/);
  });

  it('--keep-workdirs says where the workdirs are, and they are there', () => {
    const dir = project();
    writeFileSync(path.join(dir, 's.yaml'), 'name: demo\nproject: proj\nruns: 1\nwarmup: 0\ncache: cold\nvariants:\n  - {name: ok, build: "true"}\n');
    const r = cli(['run', 's.yaml', '--out', 'out', '--keep-workdirs'], dir);
    const kept = /^workdirs kept in (\S+) \(--keep-workdirs\), one folder per variant$/m.exec(r.stderr)?.[1];
    expect(kept).toBeDefined();
    expect(readdirSync(kept!)).toEqual(['demo+ok@cold']);
    rmSync(kept!, { recursive: true, force: true });
  });

  it('on Ctrl-C kills the build, keeps what was measured, and exits 130', async () => {
    const dir = project();
    writeFileSync(
      path.join(dir, 's.yaml'),
      'name: demo\nproject: proj\nruns: 3\nwarmup: 0\ncache: cold\nvariants:\n  - {name: quick, build: "sleep 0.05"}\n  - {name: slow, build: "sleep 303.5 & sleep 303.5"}\n',
    );
    const child = spawn(process.execPath, [BIN, 'run', 's.yaml', '--out', 'out', '--seed', '1'], { cwd: dir, env: { ...process.env, CI: 'true' } });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    // Wait until the slow build is running, then press Ctrl-C.
    const deadline = Date.now() + 30_000;
    while (processesMatching('sleep 303.5').length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 200));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(130);
    expect(stderr).toMatch(/SIGINT: stopping/);
    expect(processesMatching('sleep 303.5')).toEqual([]);
    const results = JSON.parse(readFileSync(path.join(dir, 'out', 'results.json'), 'utf8'));
    expect(results.interrupted).toBe(true);
    expect(results.finishedAt).not.toBeNull();
    // Nothing of the interrupted build is recorded as a measurement.
    expect(results.variants.find((v: { variant: string }) => v.variant === 'slow').samples).toEqual([]);
    expect(existsSync(path.join(dir, 'out', '.buildbench.lock'))).toBe(false);
  });

  it('refuses a second run into an out dir in use', () => {
    const dir = project();
    writeFileSync(path.join(dir, 's.yaml'), 'name: demo\nproject: proj\nvariants:\n  - {name: a, build: "true"}\n');
    mkdirSync(path.join(dir, 'out'));
    writeFileSync(path.join(dir, 'out', '.buildbench.lock'), JSON.stringify({ pid: process.pid, startedAt: 'then' }));
    const r = cli(['run', 's.yaml', '--out', 'out'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${path.join(dir, 'out')}: another buildbench run (pid ${process.pid}, started then) is writing to this folder; choose another --out\n`);
  });
});
