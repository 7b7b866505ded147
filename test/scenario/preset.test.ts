// A scenario file that starts from a preset: parameters filled in, fields overridden, variants merged by name,
// and every mistake in using a preset reported at file:line:col with a suggestion, like the rest of the loader.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/common/problem.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const dir = tempDir('bb-preset-');
mkdirSync(path.join(dir, 'proj'));

function load(text: string) {
  const file = path.join(dir, 'x.yaml');
  writeFileSync(file, text);
  const { scenario, problems } = loadScenarioFile(file);
  return { scenario, problems: problems.map((p) => formatProblem({ ...p, file: p.file.replace(dir + '/', '') })) };
}

const link = 'name: link\nproject: proj\npreset: rust-link\nwith:\n  bin: app\n';

describe('preset', () => {
  it('expands with its defaults, the parameters filling the commands', () => {
    const { scenario, problems } = load(link);
    expect(problems).toEqual([]);
    expect(scenario!.variants.map((v) => [v.name, v.build, v.artifact, v.baseline])).toEqual([
      ['default-lld', 'cargo rustc -v --offline --locked --bin app', 'target/debug/app', true],
      ['mold', 'cargo rustc -v --offline --locked --bin app -- -C link-arg=-fuse-ld=mold', 'target/debug/app', false],
      ['gnu-ld', 'cargo rustc -v --offline --locked --bin app -- -C link-arg=-fuse-ld=bfd -C linker-features=-lld', 'target/debug/app', false],
    ]);
    expect(scenario!.variants[0]).toMatchObject({ cacheStates: ['incremental'], runs: 6, envLayers: [{ CARGO_TARGET_DIR: '{workdir}/target' }, {}] });
    // Identical dependencies in every variant (flags for the app crate only): built once, untimed, for all.
    expect(scenario!.variants[0]!.seed).toEqual({ run: 'cargo build --offline --locked', dir: 'target', inputs: ['Cargo.lock'], keyCommand: 'rustc -vV', setup: [] });
    expect(scenario!.variants[0]!.mutate).toEqual({ append: { file: 'src/main.rs', text: '\n// buildbench: an edit before each incremental sample\n' } });
  });

  it('lets the file override any field: scenario fields replace, env merges, variants merge by name or are added or left out', () => {
    const text =
      `${link}  package: shell\n  edit: src/lib.rs\nruns: 3\nenv: { EXTRA: "1" }\nwithout: [gnu-ld]\n` +
      'variants:\n  - name: mold\n    env: { MOLD_JOBS: "1" }\n  - name: mold-threads\n    build: cargo rustc --bin app -- -C link-arg=-fuse-ld=mold -C link-arg=-Wl,--threads=2\n    mutate: { touch: src/lib.rs }\n';
    const { scenario, problems } = load(text);
    expect(problems).toEqual([]);
    expect(scenario!.variants.map((v) => v.name)).toEqual(['default-lld', 'mold', 'mold-threads']);
    expect(scenario!.variants[1]).toMatchObject({
      runs: 3,
      build: 'cargo rustc -v --offline --locked -p shell --bin app -- -C link-arg=-fuse-ld=mold',
      envLayers: [{ CARGO_TARGET_DIR: '{workdir}/target', EXTRA: '1' }, { MOLD_JOBS: '1' }],
      requires: ['cargo', 'rustc', 'mold'],
      mutate: { append: { file: 'src/lib.rs' } },
    });
    expect(scenario!.variants[2]).toMatchObject({ baseline: false, cacheStates: ['incremental'], mutate: { touch: 'src/lib.rs' } });
  });

  it('hashes the expansion, so a changed parameter is a changed scenario', () => {
    expect(load(link).scenario!.sha256).not.toBe(load(link.replace('bin: app', 'bin: other')).scenario!.sha256);
  });

  it.each([
    ['an unknown preset', 'name: x\nproject: proj\npreset: rust-lnk\nwith: {bin: a}\n', [
      'x.yaml:3:9 preset: must be one of python-freeze, python-env, rust-link, rust-debuginfo, rust-release-profile, rust-nightly, tauri-bundle (did you mean "rust-link"?)',
    ]],
    ['an unknown parameter', `${link}  bim: x\n`, ['x.yaml:6:3 with.bim: unknown key (did you mean "bin"?)']],
    ['a missing parameter', 'name: x\nproject: proj\npreset: rust-link\nwith: {edit: src/lib.rs}\n', ['x.yaml:4:7 with: missing required key "bin"']],
    ['no parameters at all', 'name: x\nproject: proj\npreset: python-freeze\n', [
      'x.yaml:3:9 preset: preset python-freeze needs parameters under `with`: app, script, module',
    ]],
    ['a parameter of the wrong type', `${link}  scope: everything\n`, ['x.yaml:6:10 with.scope: must be one of app, all']],
    ['a variant left out that the preset lacks', `${link}without: [mols]\n`, ['x.yaml:6:11 without[0]: preset rust-link has no variant "mols" (did you mean "mold"?)']],
    ['an override of a variant the preset lacks', `${link}variants:\n  - name: gnu-lld\n    env: {A: "1"}\n`, [
      'x.yaml:7:11 variants[0].name: preset rust-link has no variant "gnu-lld" (did you mean "gnu-ld"?); a new variant needs `build`',
    ]],
    ['a problem in an overridden variant, at the override', `${link}variants:\n  - name: mold\n    artifact: ../out\n`, [
      'x.yaml:8:15 variants[1].artifact: must stay inside the workdir (no ".." escape)',
    ]],
    ['a problem that comes from a parameter, at the preset', `${link}  edit: /etc/passwd\n`, [
      'x.yaml:3:9 variants[0].mutate.append.file: must be a path inside the workdir, not an absolute path',
      'x.yaml:3:9 variants[1].mutate.append.file: must be a path inside the workdir, not an absolute path',
      'x.yaml:3:9 variants[2].mutate.append.file: must be a path inside the workdir, not an absolute path',
    ]],
    ['no preset and no variants', 'name: x\nproject: proj\n', ['x.yaml:1:1: missing required key "variants"']],
  ])('reports %s', (_name, text, expected) => {
    expect(load(text).problems).toEqual(expected);
  });
});
