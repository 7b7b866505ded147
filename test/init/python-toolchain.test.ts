// Where a Python project keeps its dependencies, the tool versions it pins and the Python it names, read by
// `init` from tiny real projects: a pyproject.toml locked by a real `uv lock` (offline, from the wheelhouse),
// whose exported requirements the scenario's set-up really writes; a requirements file pinning PyInstaller 5;
// a poetry.lock turned into a requirements file beside the scenarios.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toolsDir } from '../../src/common/where.ts';
import { initProject } from '../../src/init/init.ts';
import { inspectToolchain } from '../../src/init/python-toolchain.ts';
import { listProjectFiles } from '../../src/init/walk.ts';
import { tempDir } from '../helpers/temp-dir.ts';

function project(files: Record<string, string>): string {
  const root = tempDir('bb-init-tc-');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const toolchainOf = (root: string) => inspectToolchain({ root, dir: '', own: listProjectFiles(root) });
const scenario = (root: string, file: string) => parse(readFileSync(path.join(root, 'scenarios', file), 'utf8')) as { setup?: string; with: Record<string, unknown> };
const SERVER = 'import uvicorn\nfrom fastapi import FastAPI\napp = FastAPI()\nif __name__ == "__main__":\n    uvicorn.run(app, port=8123)\n';

describe('the toolchain a Python project names', () => {
  it('exports the runtime dependencies of a uv.lock in the set-up, and reads the pins of its dependency groups', () => {
    const tools = toolsDir();
    const root = project({
      'pyproject.toml': '[project]\nname = "svc"\nversion = "0.1.0"\nrequires-python = ">=3.11"\ndependencies = ["httpx==0.28.1"]\n[dependency-groups]\ndesktop = ["pex==2.105.2"]\n',
      '.python-version': '3.11\n',
      'main.py': SERVER,
    });
    const lock = spawnSync(`${tools}/venv/bin/uv`, ['lock', '--offline', '--no-index', '--find-links', `${tools}/wheelhouse`, '-q'], { cwd: root, encoding: 'utf8' });
    expect(lock.status, lock.stderr).toBe(0);
    expect(toolchainOf(root)).toEqual({
      dependencies: { kind: 'uv.lock', file: 'uv.lock' },
      pins: { pex: '2.105.2' },
      python: '3.11',
      from: { pex: expect.stringMatching(/^uv\.lock:\d+$/), python: '.python-version:1' },
      installer: 'uv',
    });
    initProject({ dir: root });
    const freeze = scenario(root, 'python-freeze.yaml');
    expect(freeze.with.requirements).toBe('.buildbench-requirements.txt');
    expect(freeze.setup).toBe('{tools}/venv/bin/uv export --quiet --frozen --no-hashes --no-emit-project --no-dev --format requirements-txt -o .buildbench-requirements.txt');
    expect(scenario(root, 'python-env.yaml').setup).toBe(freeze.setup);
    // The set-up as a workdir runs it: the locked runtime set, without the desktop group's tools.
    const run = spawnSync('sh', ['-c', freeze.setup!.replace('{tools}', tools)], { cwd: root, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const exported = readFileSync(path.join(root, '.buildbench-requirements.txt'), 'utf8');
    expect(exported).toContain('\nhttpx==0.28.1\n');
    expect(exported).not.toContain('pex==');
  });

  it('reads PyInstaller 5 pinned in requirements.txt and the lower bound of requires-python', () => {
    const root = project({
      'requirements.txt': 'fastapi>=0.100.0\n# the freeze\npyinstaller==5.13.0\nsetuptools == 69.0.3 ; python_version >= "3.8"\n',
      'pyproject.toml': '[project]\nname = "svc"\nrequires-python = ">=3.10,<3.13"\n',
      'main.py': SERVER,
    });
    expect(toolchainOf(root)).toEqual({
      dependencies: { kind: 'requirements', file: 'requirements.txt', hashes: false },
      pins: { pyinstaller: '5.13.0', setuptools: '69.0.3' },
      python: '3.10',
      from: { pyinstaller: 'requirements.txt:3', setuptools: 'requirements.txt:4', python: 'pyproject.toml requires-python ">=3.10,<3.13"' },
      installer: 'pip',
    });
  });

  it('writes the main group of a poetry.lock beside the scenarios, and reads poetry\'s exact pins', () => {
    const root = project({
      'pyproject.toml': '[tool.poetry]\nname = "svc"\n[tool.poetry.dependencies]\npython = "^3.12"\nhttpx = "^0.28"\n[tool.poetry.group.build.dependencies]\npyinstaller = "6.3.0"\n',
      'poetry.lock':
        '[[package]]\nname = "httpx"\nversion = "0.28.1"\noptional = false\ngroups = ["main"]\n\n' +
        '[[package]]\nname = "pyinstaller"\nversion = "6.3.0"\noptional = false\ngroups = ["build"]\n\n[metadata]\nlock-version = "2.1"\n',
      'main.py': SERVER,
    });
    const toolchain = toolchainOf(root);
    expect(toolchain).toMatchObject({ pins: { pyinstaller: '6.3.0' }, python: '3.12', installer: 'poetry', dependencies: { kind: 'poetry.lock', pinned: ['httpx==0.28.1'] } });
    initProject({ dir: root });
    expect(scenario(root, 'python-freeze.yaml').with.requirements).toBe('{scenarioDir}/python-requirements.txt');
    expect(readFileSync(path.join(root, 'scenarios/python-requirements.txt'), 'utf8').split('\n').slice(1)).toEqual(['httpx==0.28.1', '']);
  });
});
