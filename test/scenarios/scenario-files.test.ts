// The scenario files in scenarios/ and the fixtures they build: every file validates (the loader behind
// `buildbench validate`), names only tools the doctor knows how to install, keeps caches inside its
// workdir, and points at files that exist in its project.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectScenarios } from '../../src/scenario/discover.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/scenario.ts';
import { BUILDBENCH_ROOT } from '../../src/common/where.ts';
import { CATALOG } from '../../src/tools/catalog.ts';

const dir = path.join(BUILDBENCH_ROOT, 'scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

function load(file: string): Scenario {
  const result = loadScenarioFile(path.join(dir, file));
  expect(result.problems).toEqual([]);
  if (!result.scenario) throw new Error(`${file} did not load`);
  return result.scenario;
}

describe('scenarios/', () => {
  it('holds the scenarios the issue lists', () => {
    expect(files).toEqual([
      'python-env.yaml',
      'sidecar.yaml',
      'tauri-app.yaml',
      'tauri-debuginfo.yaml',
      'tauri-link-full.yaml',
      'tauri-link.yaml',
      'tauri-nightly.yaml',
      'tauri-release.yaml',
    ]);
  });

  it('marks exactly sidecar and tauri-link as default', () => {
    expect(files.map(load).filter((s) => s.default).map((s) => s.name)).toEqual(['sidecar', 'tauri-link']);
  });

  it.each(files)('%s starts with the schema comment and validates', (file) => {
    expect(readFileSync(path.join(dir, file), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../schema/scenario.schema.json',
    );
    const scenario = load(file);
    expect(scenario.variants.filter((v) => v.baseline)).toHaveLength(1);
  });

  it.each(files)('%s requires only tools the doctor has an install hint for', (file) => {
    const unknown = load(file).variants.flatMap((v) => v.requires).filter((t) => !(t in CATALOG));
    expect(unknown).toEqual([]);
  });

  it.each(files)('%s keeps cargo output inside the workdir and names existing files', (file) => {
    const scenario = load(file);
    for (const v of scenario.variants) {
      if (/\bcargo\b/.test(v.build)) expect(Object.assign({}, ...v.envLayers).CARGO_TARGET_DIR).toBe('{workdir}/target');
      const mutated = v.mutate && ('touch' in v.mutate ? v.mutate.touch : v.mutate.append.file);
      if (mutated) expect(existsSync(path.join(scenario.project, mutated))).toBe(true);
      for (const command of [...v.setup, v.build]) {
        for (const script of command.match(/scripts\/[\w.-]+\.sh/g) ?? []) {
          expect(existsSync(path.join(scenario.project, script)), `${v.name}: ${script}`).toBe(true);
        }
      }
    }
  });
});

describe('sidecar.yaml', () => {
  const sidecar = load('sidecar.yaml');
  const byName = new Map(sidecar.variants.map((v) => [v.name, v]));

  it('measures every packaging the team asked about, cold and after an edit, from the onefile baseline', () => {
    expect([...byName.keys()]).toEqual([
      'pyinstaller-onefile',
      'pyinstaller-onefile-excludes',
      'pyinstaller-onedir',
      'pyinstaller-onedir-excludes',
      'pex',
      'pex-scie',
      'shiv',
    ]);
    expect(byName.get('pyinstaller-onefile')?.baseline).toBe(true);
    // Like with like: no warm state, where PyInstaller's unchanged build is a no-op and PEX's a rebuild.
    for (const v of sidecar.variants) expect([v.cacheStates, v.mutate]).toEqual([['cold', 'incremental'], { append: { file: 'src/sidecar/app.py', text: '\n# buildbench: an edit before each incremental sample\n' } }]);
  });

  it('builds the excludes variants like their plain twins, plus $PYI_EXCLUDES', () => {
    for (const v of sidecar.variants.filter((x) => x.name.startsWith('pyinstaller-'))) {
      const twin = byName.get(v.name.replace(/-excludes$/, ''))!;
      expect(v.build.replace(' $PYI_EXCLUDES', '')).toBe(twin.build);
      expect({ setup: v.setup, smoke: v.smoke, caches: v.caches }).toEqual({ setup: twin.setup, smoke: twin.smoke, caches: twin.caches });
      expect(v.build.includes('$PYI_EXCLUDES')).toBe(v.name.endsWith('-excludes'));
    }
    // Without it every warm build with excludes redoes PyInstaller's Analysis (see the comment in the file).
    const excludes = Object.assign({}, ...sidecar.variants[0]!.envLayers).PYI_EXCLUDES;
    expect(excludes).toMatch(/^--exclude-module __main__ /);
    for (const tool of ['IPython', 'pytest', 'black', 'jedi', 'pygments']) expect(excludes).toContain(`--exclude-module ${tool} `);
  });

  it('leaves the excludes and the cold onedir build out of a plain run, which --all and naming the file put back', () => {
    const plain = selectScenarios({ args: [], cwd: BUILDBENCH_ROOT });
    const ids = (scenarios: Scenario[]) => scenarios.flatMap((s) => s.variants.flatMap((v) => v.cacheStates.map((c) => `${s.name}/${v.name}@${c}`)));
    expect(ids(plain.scenarios)).toEqual([
      'sidecar/pyinstaller-onefile@cold',
      'sidecar/pyinstaller-onefile@incremental',
      'sidecar/pyinstaller-onedir@incremental',
      'sidecar/pex@cold',
      'sidecar/pex@incremental',
      'sidecar/pex-scie@cold',
      'sidecar/pex-scie@incremental',
      'sidecar/shiv@cold',
      'sidecar/shiv@incremental',
      'tauri-link/default-lld@incremental',
      'tauri-link/mold@incremental',
      'tauri-link/gnu-ld@incremental',
    ]);
    expect(plain.leftOut).toEqual([
      'sidecar/pyinstaller-onefile-excludes@cold',
      'sidecar/pyinstaller-onefile-excludes@incremental',
      'sidecar/pyinstaller-onedir@cold',
      'sidecar/pyinstaller-onedir-excludes@cold',
      'sidecar/pyinstaller-onedir-excludes@incremental',
    ]);
    const named = selectScenarios({ args: ['sidecar'], cwd: BUILDBENCH_ROOT });
    expect(ids(named.scenarios)).toHaveLength(14);
    expect(named.leftOut).toEqual([]);
    const all = selectScenarios({ args: [], all: true, cwd: BUILDBENCH_ROOT });
    expect(ids(all.scenarios)).toEqual(expect.arrayContaining(plain.leftOut));
  });

  it('smoke-tests every artifact on /health', () => {
    for (const v of sidecar.variants) expect(v.smoke?.ready).toBe('http://127.0.0.1:{port}/health');
  });

  it('makes pex-scie depend on the SCIE mirror the doctor reports', () => {
    expect(byName.get('pex-scie')?.requires).toContain('scie-mirror');
    expect(byName.get('pex-scie')?.build).toContain('--scie eager');
  });
});

describe('tauri-link.yaml', () => {
  it('links the app crate only, with the linker each variant expects', () => {
    const link = load('tauri-link.yaml');
    expect(link.variants.map((v) => [v.name, v.expect?.linker, v.cacheStates])).toEqual([
      ['default-lld', 'lld', ['incremental']],
      ['mold', 'mold', ['incremental']],
      ['gnu-ld', 'bfd', ['incremental']],
    ]);
    for (const v of link.variants) expect(v.build).toMatch(/^cargo rustc -v --offline --locked --bin tauri-app( -- .*)?$/);
  });
});
