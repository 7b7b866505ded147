// BUILDBENCH_TOOLS moves the tool dir for every command alike: `doctor` checks the tool env there, and a run's
// builds get the same folder as `{tools}` and as $BUILDBENCH_TOOLS (common/where.ts is the one place that
// decides it), so the doctor never approves another tool dir than the builds use.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { BIN } from '../e2e/helpers.ts';
import { readResultsFile } from '../../src/results/io.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe('BUILDBENCH_TOOLS', () => {
  it('is the tool dir the doctor checks and the one the builds get', () => {
    const dir = realpathSync(tempDir('bb-tools-env-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const tools = path.join(dir, 'elsewhere', 'tools');
    // A real `pex` in the moved tool env: it answers --version as pex does, and nothing else has one.
    const pex = path.join(tools, 'venv', 'bin', 'pex');
    mkdirSync(path.dirname(pex), { recursive: true });
    writeFileSync(pex, '#!/bin/sh\necho 2.99.1\n');
    chmodSync(pex, 0o755);
    mkdirSync(path.join(dir, 'scenarios'));
    mkdirSync(path.join(dir, 'app'));
    writeFileSync(
      path.join(dir, 'scenarios/app.yaml'),
      'name: app\nproject: ../app\nruns: 1\nwarmup: 0\ncache: cold\nvariants:\n  - name: freeze\n    requires: [pex]\n    build: test "$BUILDBENCH_TOOLS" = "{tools}" && "{tools}/venv/bin/pex" --version\n',
    );
    const env = { ...process.env, PATH: '/usr/bin:/bin', BUILDBENCH_TOOLS: path.relative(dir, tools), CI: 'true' };
    const doctor = spawnSync(process.execPath, [BIN, 'doctor', 'app'], { cwd: dir, encoding: 'utf8', env });
    expect(doctor.stderr).toBe('');
    expect(doctor.status).toBe(0);
    expect(doctor.stdout.split('\n')[1]).toMatch(new RegExp(`^pex +ok +2\\.99\\.1 +app/freeze +${pex.replace(/[.]/g, '\\.')}$`));
    const run = spawnSync(process.execPath, [BIN, 'run', 'app', '--out', 'out', '--seed', '1'], { cwd: dir, encoding: 'utf8', env });
    expect(run.status).toBe(0);
    const results = readResultsFile(path.join(dir, 'out')).value!;
    expect(results.variants.map((v) => [v.id, v.status])).toEqual([['app/freeze@cold', 'ok']]);
  }, 120_000);
});
