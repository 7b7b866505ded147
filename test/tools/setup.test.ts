// `buildbench setup` for a user's project, for real: a tiny Python app whose requirements.txt resolves
// offline from buildbench's own wheelhouse (PIP_NO_INDEX + PIP_FIND_LINKS, so no network), and a tiny crate
// with no dependencies for `cargo fetch`. A second run finds everything done; an edited requirements file
// re-provisions the wheelhouse only; a pyproject.toml is compiled with uv (UV_NO_INDEX + UV_FIND_LINKS) first.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aptCommand, provisionApt } from '../../src/tools/setup/system.ts';
import { BUILDBENCH_ROOT } from '../../src/common/where.ts';
import { findExecutable } from '../../src/tools/detect.ts';
import { BIN } from '../e2e/helpers.ts';
import { startCli, waitFor } from '../reliability/helpers.ts';
import { EXIT } from '../../src/cli/exit-codes.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const WHEELHOUSE = path.join(BUILDBENCH_ROOT, '.tools/wheelhouse');
const offline = { PIP_NO_INDEX: '1', PIP_FIND_LINKS: WHEELHOUSE, PIP_DISABLE_PIP_VERSION_CHECK: '1', UV_NO_INDEX: '1', UV_FIND_LINKS: WHEELHOUSE };

function setup(cwd: string, args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'setup', ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...offline, BUILDBENCH_TOOLS: '' } });
  return { code: r.status, lines: r.stdout.trimEnd().split('\n'), stderr: r.stderr };
}

function userProject(): string {
  const dir = realpathSync(tempDir('bb-setup-'));
  mkdirSync(path.join(dir, 'scenarios'));
  mkdirSync(path.join(dir, 'app'));
  writeFileSync(path.join(dir, 'app/requirements.txt'), 'itsdangerous==2.2.0\n');
  writeFileSync(path.join(dir, 'app/app.py'), 'import itsdangerous\n');
  writeFileSync(
    path.join(dir, 'scenarios/app.yaml'),
    'name: app\nproject: ../app\nvariants:\n  - name: pex\n    requires: [pex]\n    build: "{tools}/venv/bin/pex --no-pypi -f {tools}/wheelhouse -r requirements.txt -o app.pex"\n',
  );
  mkdirSync(path.join(dir, 'crate/src'), { recursive: true });
  writeFileSync(path.join(dir, 'crate/Cargo.toml'), '[package]\nname = "tiny"\nversion = "0.1.0"\nedition = "2021"\n');
  writeFileSync(path.join(dir, 'crate/src/main.rs'), 'fn main() {}\n');
  writeFileSync(path.join(dir, 'scenarios/crate.yaml'), 'name: crate\nproject: ../crate\nvariants:\n  - {name: debug, requires: [cargo], build: cargo build --offline}\n');
  return dir;
}

const seconds = '\\d+s';
const hasWheelhouse = existsSync(WHEELHOUSE) && readdirSync(WHEELHOUSE).some((f) => f.startsWith('itsdangerous-2.2.0'));

describe.skipIf(!hasWheelhouse)(`buildbench setup in a user’s project (needs ${WHEELHOUSE}: npm run setup)`, () => {
  it('makes the tool env and a wheelhouse of the project’s requirements, then finds them done; an edited requirements file redoes the wheelhouse only', () => {
    const dir = userProject();
    const tools = path.join(dir, '.buildbench/tools');
    const first = setup(dir, ['app', '--skip', 'apt']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.lines[0]).toBe(`buildbench setup (provision) of app; tool dir ${tools}`);
    expect(first.lines[1]).toMatch(new RegExp(`^venv {7}created ${tools}/venv from /usr/bin/python3 with uv, pyinstaller, pex, shiv in ${seconds}$`));
    expect(first.lines[2]).toMatch(new RegExp(`^wheelhouse downloaded \\d+ files to ${tools}/wheelhouse from 2 requirement files in ${seconds}$`));
    expect(first.lines.slice(3, -1)).toEqual([
      'envs       not needed (no variant pins a build tool)',
      'cargo      not needed (no scenario requires cargo in a Cargo project)',
      'npm        not needed (no scenario requires one)',
      'scie       not needed (no scenario requires one)',
      'tools      ok: pex 2.105.2',
    ]);
    expect(first.lines.at(-1)).toMatch(new RegExp(`^setup complete in ${seconds}$`));
    expect(readdirSync(path.join(tools, 'wheelhouse'))).toContain('itsdangerous-2.2.0-py3-none-any.whl');
    spawnSync('git', ['init', '-q'], { cwd: dir });
    const ignored = spawnSync('git', ['check-ignore', '-q', path.join(tools, 'venv/bin/pex')], { cwd: dir });
    expect(readFileSync(path.join(tools, '.gitignore'), 'utf8')).toMatch(/^\*$/m);
    expect(ignored.status).toBe(0);
    const stamps = readdirSync(path.join(tools, 'stamps')).sort();
    expect(stamps.map((s) => s.replace(/\.[0-9a-f]{16}$/, ''))).toEqual(['venv', 'wheelhouse']);
    const venvMtime = statSync(path.join(tools, 'venv/bin/pex')).mtimeMs;

    const second = setup(dir, ['app', '--skip', 'apt']);
    expect(second.code).toBe(0);
    expect(second.lines[1]).toMatch(new RegExp(`^venv {7}ok: ${tools}/venv \\(Python 3\\.\\d+\\.\\d+\\)$`));
    expect(second.lines[2]).toMatch(new RegExp(`^wheelhouse ok: ${tools}/wheelhouse \\(\\d+ files\\)$`));
    expect(readdirSync(path.join(tools, 'stamps')).sort()).toEqual(stamps);
    expect(statSync(path.join(tools, 'venv/bin/pex')).mtimeMs).toBe(venvMtime);

    appendFileSync(path.join(dir, 'app/requirements.txt'), 'click==8.5.1\n');
    const third = setup(dir, ['app', '--only', 'venv,wheelhouse']);
    expect(third.lines[1]).toMatch(/^venv {7}ok: /);
    expect(third.lines[2]).toMatch(/^wheelhouse downloaded /);

    // A project with only a pyproject.toml: uv compiles its dependencies into a requirements file first.
    rmSync(path.join(dir, 'app/requirements.txt'));
    writeFileSync(path.join(dir, 'app/pyproject.toml'), '[project]\nname = "app"\nversion = "0.1.0"\ndependencies = ["itsdangerous==2.2.0"]\n');
    const fourth = setup(dir, ['app', '--only', 'wheelhouse']);
    expect(fourth.stderr).toBe('');
    expect(fourth.lines[1]).toMatch(new RegExp(`^wheelhouse downloaded \\d+ files to ${tools}/wheelhouse from 2 requirement files in ${seconds}$`));
    const compiled = readdirSync(path.join(tools, 'requirements')).map((f) => readFileSync(path.join(tools, 'requirements', f), 'utf8'));
    expect(compiled).toEqual([expect.stringMatching(/^itsdangerous==2\.2\.0$/m)]);
  }, 300_000);
});

describe.skipIf(!findExecutable(['cargo']))('buildbench setup of a crate', () => {
  it('runs cargo fetch once (the crate gets its Cargo.lock), then finds it done', () => {
    const dir = userProject();
    const first = setup(dir, ['crate', '--only', 'cargo']);
    expect(first.lines.slice(1)).toEqual([expect.stringMatching(new RegExp(`^cargo {6}fetched the crates of crate in ${seconds}$`)), expect.stringMatching(/^setup complete/)]);
    expect(existsSync(path.join(dir, 'crate/Cargo.lock'))).toBe(true);
    const second = setup(dir, ['crate', '--only', 'cargo']);
    expect(second.lines[1]).toBe(`cargo      ok: the crates of crate are in ${process.env.CARGO_HOME ?? '~/.cargo'}/registry`);
  }, 120_000);

  it('fetches the crates of a crate below the project\'s root that the build names with --manifest-path', () => {
    const dir = userProject();
    // As init writes it for tauri-gui/src-tauri: the project is the repository's root, the crate two folders down.
    mkdirSync(path.join(dir, 'repo/gui'), { recursive: true });
    renameSync(path.join(dir, 'crate'), path.join(dir, 'repo/gui/crate'));
    writeFileSync(path.join(dir, 'scenarios/crate.yaml'), 'name: crate\nproject: ../repo\nvariants:\n  - {name: debug, requires: [cargo], build: cargo build --offline --manifest-path gui/crate/Cargo.toml}\n');
    const first = setup(dir, ['crate', '--only', 'cargo']);
    expect(first.lines.slice(1)).toEqual([expect.stringMatching(new RegExp(`^cargo {6}fetched the crates of repo/gui/crate in ${seconds}$`)), expect.stringMatching(/^setup complete/)]);
    expect(existsSync(path.join(dir, 'repo/gui/crate/Cargo.lock'))).toBe(true);
  }, 120_000);

  it('with --check changes nothing and exits 1 when something is missing', () => {
    const dir = userProject();
    const r = setup(dir, ['--check', '--only', 'venv,wheelhouse,cargo']);
    expect(r.code).toBe(1);
    expect(r.lines.slice(1)).toEqual([
      `venv       missing or stale: ${dir}/.buildbench/tools/venv (tools/requirements.lock)`,
      `wheelhouse missing or stale: ${dir}/.buildbench/tools/wheelhouse (app/requirements.txt)`,
      'cargo      missing: the crates of crate (run: cargo fetch)',
      expect.stringMatching(/^setup incomplete in \d+s; missing: venv, wheelhouse, cargo \(run setup without --check\)$/),
    ]);
    expect(existsSync(path.join(dir, '.buildbench'))).toBe(false);
    expect(existsSync(path.join(dir, 'crate/Cargo.lock'))).toBe(false);
  }, 120_000);
});

describe('a tool setup cannot provide', () => {
  it('exits 3 naming the variants run will record unavailable, and run measures the rest; complete is exit 0', async () => {
    const dir = tempDir('bb-setup-');
    mkdirSync(path.join(dir, 'scenarios'));
    mkdirSync(path.join(dir, 'p'));
    const scenario = (variants: string) => writeFileSync(path.join(dir, 'scenarios/demo.yaml'), `name: demo\nproject: ../p\nvariants:\n${variants}`);
    scenario('  - {name: a, build: "true"}\n  - {name: b, requires: [bb-no-such-tool], build: bb-no-such-tool}\n');
    const r = setup(dir, ['--skip', 'apt']);
    expect({ code: r.code, last: r.lines.at(-1) }).toEqual({
      code: EXIT.incomplete,
      last: expect.stringMatching(/^setup incomplete in \d+s; run will record demo\/b unavailable \(a tool they require is missing\) and still measures the rest$/),
    });
    // What the last line promised: b recorded unavailable, a measured.
    const run = spawnSync(process.execPath, [BIN, 'run', 'demo', '--runs', '2', '--warmup', '0', '--out', 'out'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    const results = JSON.parse(readFileSync(path.join(dir, 'out/results.json'), 'utf8')) as { variants: { variant: string; status: string; samples: unknown[] }[] };
    expect(run.status, run.stderr).toBe(EXIT.ok);
    expect(results.variants.map((v) => [v.variant, v.status, v.samples.length])).toEqual([['a', 'ok', 2], ['b', 'unavailable', 0]]);

    scenario('  - {name: a, build: "true"}\n');
    const complete = setup(dir, ['--skip', 'apt']);
    expect({ code: complete.code, last: complete.lines.at(-1) }).toEqual({ code: EXIT.ok, last: expect.stringMatching(/^setup complete in \d+s$/) });
  }, 60_000);
});

describe('Debian packages', () => {
  it('says the exact command for a package that is not installed (sudo when not root), and changes nothing with --check', async () => {
    const lines: string[] = [];
    const ctx = { tools: '/nonexistent', root: BUILDBENCH_ROOT, check: true, env: process.env, advice: { setup: 'x', ownCheckout: false }, say: (c: string, m: string) => lines.push(`${c} ${m}`) };
    const hasDpkg = findExecutable(['dpkg-query']) !== undefined;
    expect(await provisionApt(ctx, ['bb-no-such-package'])).toBe('missing');
    const root = process.getuid?.() === 0;
    expect(lines).toEqual([
      hasDpkg
        ? `apt missing: bb-no-such-package — run: ${root ? '' : 'sudo '}apt-get install -y --no-install-recommends bb-no-such-package`
        : 'apt not a Debian system (no dpkg-query): install bb-no-such-package with its package manager',
    ]);
    expect(aptCommand(['mold', 'binutils'], false)).toBe('sudo apt-get install -y --no-install-recommends mold binutils');
  });
});

describe('two setups of one tool dir', () => {
  it('the second waits for the first, says whose setup it waits for, and goes on when it ends', async () => {
    const dir = userProject();
    const tools = path.join(dir, '.buildbench/tools');
    mkdirSync(tools, { recursive: true });
    // The first setup: a live process holding the tool dir's lock, as a running `buildbench setup` does.
    const first = spawn('sleep', ['60']);
    writeFileSync(path.join(tools, '.setup.lock'), JSON.stringify({ pid: first.pid, command: 'buildbench setup app', startedAt: '2026-12-06T04:00:00.000Z' }));
    const second = startCli({ args: ['setup', 'app', '--only', 'npm'], cwd: dir, env: { BUILDBENCH_TOOLS: '' } });
    expect(await waitFor(() => second.stdout().includes('waiting'))).toBe(true);
    first.kill(); // its lock is now stale: taken over
    expect((await second.exit).code).toBe(0);
    expect(second.stdout().split('\n')[1]).toBe(`waiting    for another buildbench setup of this tool dir (pid ${first.pid}, "buildbench setup app", since 2026-12-06T04:00:00.000Z)`);
    expect(existsSync(path.join(tools, '.setup.lock'))).toBe(false);
  }, 60_000);
});
