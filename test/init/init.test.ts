// `buildbench init` on tiny projects the test writes: a Python web app, a plain crate, and a Tauri-shaped layout
// (tauri.conf.json with a bundle.externalBin, a Python sidecar beside it). The files written must validate and
// name the presets and parameters that fit; the command asks nothing, never overwrites without --force, and
// says so in one line for an empty folder.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unnamedPython } from '../../src/init/propose-toolchain.ts';
import { parse } from 'yaml';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { BIN } from '../e2e/helpers.ts';
import { tempDir } from '../helpers/temp-dir.ts';

function write(root: string, files: Record<string, string>): string {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const tmp = () => tempDir('bb-init-');

const WEB_APP = {
  'pyproject.toml': '[project]\nname = "notes"\nversion = "0.1.0"\n[project.scripts]\nnotes-server = "notes.server:main"\n',
  'requirements.txt': 'python-fasthtml==0.12.0 --hash=sha256:00\n',
  'src/notes/__init__.py': '',
  'src/notes/server.py':
    'import argparse\nimport uvicorn\nfrom fasthtml.common import fast_app\napp, rt = fast_app()\n@rt("/health")\ndef health(): return "ok"\n' +
    'def main():\n    p = argparse.ArgumentParser(); p.add_argument("--port", type=int)\n    uvicorn.run(app, port=p.parse_args().port)\n',
  'serve.py': 'from notes.server import main\nif __name__ == "__main__":\n    main()\n',
};
const CRATE = {
  'Cargo.toml': '[package]\nname = "tool"\nversion = "0.1.0"\nedition = "2021"\n\n[[bin]]\nname = "tool-cli"\npath = "src/cli.rs"\n',
  'Cargo.lock': '# empty\nversion = 4\n',
  'src/cli.rs': 'fn main() {}\n',
};
const TAURI = {
  ...Object.fromEntries(Object.entries(WEB_APP).map(([k, v]) => [`python/${k}`, v])),
  'package.json': '{"name": "shell"}\n',
  'src-tauri/Cargo.toml': '[package]\nname = "shell-app"\nversion = "0.1.0"\nedition = "2021"\n',
  'src-tauri/Cargo.lock': 'version = 4\n',
  'src-tauri/src/main.rs': 'fn main() {}\n',
  'src-tauri/tauri.conf.json': JSON.stringify({ productName: 'Shell', app: { windows: [{ title: 'Shell (beta)' }] }, build: { frontendDist: '../dist' }, bundle: { externalBin: ['binaries/notes-sidecar'] } }),
};

function init(dir: string, args: string[] = [], cwd = process.cwd()) {
  // stdin is not a terminal here (spawnSync pipes it): init must answer everything from flags and guesses.
  const r = spawnSync(process.execPath, [BIN, 'init', dir, ...args], { cwd, encoding: 'utf8', input: '', env: { ...process.env, CI: 'true' }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Each written file: it validates, and its preset and `with` as written. */
function scenarios(dir: string) {
  const files = readdirSync(path.join(dir, 'scenarios')).sort();
  return Object.fromEntries(
    files.map((f) => {
      const file = path.join(dir, 'scenarios', f);
      expect(loadScenarioFile(file).problems).toEqual([]);
      const doc = parse(readFileSync(file, 'utf8')) as { preset: string; project: string; with: Record<string, unknown>; default?: boolean };
      return [f, doc];
    }),
  );
}

describe('buildbench init', () => {
  it('writes python-freeze and python-env for a Python web app, filled in from its files', () => {
    const dir = write(tmp(), WEB_APP);
    const r = init(dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const s = scenarios(dir);
    expect(Object.keys(s)).toEqual(['python-env.yaml', 'python-freeze.yaml']);
    expect(s['python-freeze.yaml']).toMatchObject({ preset: 'python-freeze', project: '..', default: true });
    expect(s['python-freeze.yaml']!.with).toEqual({
      app: 'notes-server',
      script: 'serve.py',
      module: 'notes.server:main',
      sourceDir: 'src',
      requirements: 'requirements.txt',
      serveArgs: '--port {port}',
      ready: 'http://127.0.0.1:{port}/health',
      installer: 'pip',
      // The project names no Python: the python3 on PATH, which its own commands run on (nothing said when Debian's).
      ...(unnamedPython(undefined) ? { python: unnamedPython(undefined)!.value } : {}),
    });
    expect(s['python-env.yaml']!.with).toEqual({ requirements: 'requirements.txt', requireHashes: true });
    expect(readFileSync(path.join(dir, 'scenarios/python-freeze.yaml'), 'utf8')).toContain('module: notes.server:main  # [project.scripts] notes-server in pyproject.toml');
  });

  it('writes the Rust presets for a plain crate, naming its declared bin and the file to edit', () => {
    const dir = write(tmp(), CRATE);
    expect(init(dir).code).toBe(0);
    const s = scenarios(dir);
    expect(Object.keys(s)).toEqual(['rust-debuginfo.yaml', 'rust-link.yaml', 'rust-release-profile.yaml']);
    expect(s['rust-link.yaml']).toMatchObject({ preset: 'rust-link', default: true, with: { bin: 'tool-cli', edit: 'src/cli.rs', cargoArgs: '--offline --locked' } });
    const link = loadScenarioFile(path.join(dir, 'scenarios/rust-link.yaml')).scenario!;
    expect(link.variants.map((v) => v.build)).toContain('cargo rustc -v --offline --locked --bin tool-cli -- -C link-arg=-fuse-ld=mold');
  });

  it('ties a Tauri app to its Python sidecar: the sidecar is named after bundle.externalBin, tauri-build gets its files', () => {
    const dir = write(tmp(), TAURI);
    expect(init(dir).code).toBe(0);
    const s = scenarios(dir);
    expect(Object.keys(s)).toEqual(['python-env.yaml', 'python-freeze.yaml', 'rust-debuginfo.yaml', 'rust-link.yaml', 'rust-release-profile.yaml', 'tauri-bundle.yaml']);
    expect(s['python-freeze.yaml']).toMatchObject({ project: '../python', with: { app: 'notes-sidecar', module: 'notes.server:main' } });
    const link = s['rust-link.yaml']!;
    expect(link).toMatchObject({ project: '..', with: { bin: 'shell-app', edit: 'src-tauri/src/main.rs', cargoArgs: '--offline --locked --manifest-path src-tauri/Cargo.toml', lockfile: 'src-tauri/Cargo.lock' } });
    expect(link.with.setup).toContain('src-tauri/binaries/notes-sidecar-$t');
    expect(link.with.setup).toContain('mkdir -p dist');
    // No test hook in a real Tauri app: its window, on a private display, says it is up.
    expect(link.with.smoke).toEqual({ run: '{artifact}', window: '^Shell \\(beta\\)$', timeoutS: 120 });
    expect(new RegExp(String((link.with.smoke as { window: string }).window)).test('Shell (beta)')).toBe(true);
    expect(s['rust-release-profile.yaml']!.with.setup).toMatch(/&& cargo build --offline --locked --manifest-path src-tauri\/Cargo\.toml --release$/);
    // The stub set-up really makes what tauri-build looks for.
    const setup = spawnSync('sh', ['-c', String(link.with.setup)], { cwd: dir, encoding: 'utf8' });
    expect(setup.status).toBe(0);
    expect(readdirSync(path.join(dir, 'src-tauri/binaries'))[0]).toMatch(/^notes-sidecar-x86_64-|^notes-sidecar-aarch64-/);
  });

  it('reads a Tauri v1 config and a sidecar whose script sits in a subfolder with a fixed port', () => {
    const dir = write(tmp(), {
      'requirements.txt': 'fastapi==0.110.0\n',
      'src/backends/main.py': 'import uvicorn\nfrom fastapi import FastAPI\nPORT_API = 8008\napp = FastAPI()\nif __name__ == "__main__":\n    uvicorn.run(app, port=PORT_API)\n',
      'src-tauri/Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n',
      'src-tauri/src/main.rs': 'fn main() {}\n',
      'src-tauri/tauri.conf.json': JSON.stringify({ build: { distDir: '../out' }, package: { productName: 'kb' }, tauri: { bundle: { externalBin: ['bin/api/main'] } } }),
    });
    expect(init(dir).code).toBe(0);
    const s = scenarios(dir);
    expect(s['python-freeze.yaml']!.with).toMatchObject({ app: 'main', script: 'src/backends/main.py', module: 'main', sourceDir: 'src/backends', ready: 'http://127.0.0.1:8008/' });
    expect(s['rust-link.yaml']!.with.cargoArgs).toBe('--offline --manifest-path src-tauri/Cargo.toml');
    expect(s['rust-link.yaml']!.with.setup).toContain('src-tauri/bin/api/main-$t');
    expect(s['rust-link.yaml']!.with.setup).toContain('mkdir -p out');
  });

  it('takes every answer as a flag, and prints the next commands as typed in the project, in the order a new user needs them', () => {
    const dir = write(tmp(), WEB_APP);
    const r = init('.', ['--app', 'svc', '--ready', 'http://127.0.0.1:{port}/ping', '--serve-args=--listen {port}'], dir);
    expect(r.code).toBe(0);
    expect(scenarios(dir)['python-freeze.yaml']!.with).toMatchObject({ app: 'svc', ready: 'http://127.0.0.1:{port}/ping', serveArgs: '--listen {port}' });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.slice(-4).map(command)).toEqual(['setup scenarios/python-freeze.yaml scenarios/python-env.yaml', 'show', 'run --dry-run', 'run']);
    expect(lines.slice(-4).map((l) => l.replace(/^.*# /, ''))).toEqual(['provision the tools they need', 'each scenario as it will run', 'the plan and its estimate', 'measure']);
  });

  /** A printed next step without how buildbench is called (buildbenchCommand's business, test/common/where.test.ts) and its comment. */
  const command = (line: string) => line.replace(/^ {2}node \S+ /, '').replace(/ +# .*$/, '');

  it('names the scenarios to run when none of them is a default (a Python project with no web app)', () => {
    const dir = write(tmp(), { 'requirements.txt': 'httpx==0.28.1\n', 'main.py': 'import httpx\nprint(httpx.__version__)\n' });
    const r = init('.', [], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(Object.keys(scenarios(dir))).toEqual(['python-env.yaml']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.slice(-4).map(command)).toEqual(['setup scenarios/python-env.yaml', 'show', 'run scenarios/python-env.yaml --dry-run', 'run scenarios/python-env.yaml']);
  });

  it('never overwrites without --force, and replaces with it', () => {
    const dir = write(tmp(), CRATE);
    expect(init(dir).code).toBe(0);
    writeFileSync(path.join(dir, 'scenarios/rust-link.yaml'), '# mine\n');
    const again = init(dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`${path.join(dir, 'scenarios/rust-link.yaml')}: already exists: not overwritten (--force replaces it)`);
    expect(readFileSync(path.join(dir, 'scenarios/rust-link.yaml'), 'utf8')).toBe('# mine\n');
    expect(init(dir, ['--force']).code).toBe(0);
    expect(readFileSync(path.join(dir, 'scenarios/rust-link.yaml'), 'utf8')).toContain('preset: rust-link');
  });

  it('says in one line that an empty folder has nothing to benchmark, exit 2', () => {
    const dir = tmp();
    const r = init(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${dir}: nothing to benchmark here: no PyInstaller .spec, pyproject.toml, requirements*.txt or Cargo.toml with a binary found\n`);
    expect(r.stdout).toBe('');
  });
});
