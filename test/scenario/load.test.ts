import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { formatProblem } from '../../src/common/problem.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const dir = tempDir('bb-scenario-');
mkdirSync(path.join(dir, 'proj'));

function problemsOf(text: string, name = 'x.yaml'): string[] {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return loadScenarioFile(file).problems.map((p) => formatProblem({ ...p, file: p.file.replace(dir + '/', '') }));
}

const ok = 'name: demo\nproject: proj\nvariants:\n  - name: a\n    build: sleep 0.2\n';

describe('loadScenarioFile', () => {
  it('resolves a valid file with defaults', () => {
    writeFileSync(path.join(dir, 'ok.yaml'), ok);
    const { scenario, problems } = loadScenarioFile(path.join(dir, 'ok.yaml'));
    expect(problems).toEqual([]);
    expect(scenario?.variants[0]).toMatchObject({ name: 'a', baseline: true, cacheStates: ['warm'], runs: 5, warmup: 1, clean: [], setup: [] });
    expect(scenario?.project).toBe(path.join(dir, 'proj'));
  });

  it.each([
    ['unknown key with a suggestion', 'name: demo\nproject: proj\nvaraints: []\nvariants:\n  - {name: a, build: x}\n', ['x.yaml:3:1 varaints: unknown key (did you mean "variants"?)']],
    ['unknown key without one', 'name: demo\nproject: proj\nzzz: 1\nvariants:\n  - {name: a, build: x}\n', ['x.yaml:3:1 zzz: unknown key (valid: name, description, default, project, requires, setup, seed, runs, warmup, cache, env, timeoutS, budget, ignore, copy, ignoreGitignored, preset, with, without, variants; keys starting with x- are free)']],
    ['wrong cache state', `${ok}    cache: hot\n`, ['x.yaml:6:12 variants[0].cache: must be one of cold, warm, incremental, noop']],
    ['wrong cache state in a list', `${ok}    cache: [cold, tepid]\n`, ['x.yaml:6:19 variants[0].cache[1]: must be one of cold, warm, incremental, noop']],
    ['wrong type', 'name: demo\nproject: proj\nruns: five\nvariants:\n  - {name: a, build: x}\n', ['x.yaml:3:7 runs: must be a whole number']],
    ['missing key', 'name: demo\nproject: proj\nvariants:\n  - name: a\n', ['x.yaml:4:5 variants[0]: missing required key "build"']],
    ['missing project folder', 'name: demo\nproject: nowhere\nvariants:\n  - {name: a, build: x}\n', [`x.yaml:2:10 project: folder not found: ${path.join(dir, 'nowhere')}`]],
    ['duplicate names', `${ok}  - name: a\n    build: y\n`, ['x.yaml:6:11 variants[1].name: duplicate variant name "a" (also variants[0])']],
    ['two baselines', 'name: d\nproject: proj\nvariants:\n  - {name: a, build: x, baseline: true}\n  - {name: b, build: x, baseline: true}\n', ['x.yaml:5:35 variants[1].baseline: only one variant may be the baseline (also variants[0])']],
    ['incremental without mutate', `${ok}    cache: incremental\n`, ['x.yaml:6:12 variants[0].cache: the incremental state needs `mutate` (touch: FILE or append: {file, text})']],
    ['absolute clean path', `${ok}    clean: [/etc]\n`, ['x.yaml:6:13 variants[0].clean[0]: must be a path inside the workdir, not an absolute path']],
    ['escaping artifact', `${ok}    artifact: ../../x\n`, ['x.yaml:6:15 variants[0].artifact: must stay inside the workdir (no ".." escape)']],
    ['bad regex', `${ok}    phases: [{name: p, pattern: "("}]\n`, ['x.yaml:6:33 variants[0].phases[0].pattern: invalid regular expression: Invalid regular expression: /(/: Unterminated group']],
    ['bad name', 'name: "a b"\nproject: proj\nvariants:\n  - {name: a, build: x}\n', ['x.yaml:1:7 name: must be letters, digits, dot, dash, underscore; used in ids and file names']],
    ['YAML syntax', 'name: x\n  bad: [\n', ['x.yaml:1:7: Nested mappings are not allowed in compact mappings', 'x.yaml:1:7: Implicit keys need to be on a single line', 'x.yaml:3:1: Flow sequence in block collection must be sufficiently indented and end with a ]']],
    ['duplicate YAML key', 'name: x\nname: y\nproject: proj\nvariants: []\n', ['x.yaml:2:1: Map keys must be unique']],
    ['empty file', '', ['x.yaml: the file is empty']],
    ['not a mapping', '- a\n- b\n', ['x.yaml:1:1: must be a mapping']],
    ['binary garbage', 'ab\u0000cd', ['x.yaml: not a text file (contains NUL bytes)']],
    ['baseline left out of a plain run', `${ok}    default: false\n`, ['x.yaml:6:14 variants[0].default: the baseline runs whenever its scenario does (the others are compared with it): remove `default`']],
    ['default state the variant lacks', `${ok}    baseline: false\n  - {name: b, build: x, cache: [cold, warm], default: [incremental]}\n`, ['x.yaml:7:56 variants[1].default[0]: "incremental" is not one of this variant\'s cache states (cold, warm)']],
    ['default of the wrong type', `${ok}  - {name: b, build: x, default: sometimes}\n`, ['x.yaml:6:34 variants[1].default: must be true, false or a list of cache states: what a plain `buildbench run` measures of this variant (false: only --all or naming the file runs it)']],
  ])('%s', (_name, text, expected) => {
    expect(problemsOf(text)).toEqual(expected);
  });

  it('resolves the cache states a plain run measures from `default`', () => {
    writeFileSync(path.join(dir, 'plain.yaml'), `${ok}    cache: [cold, warm]\n  - {name: b, build: x, default: false}\n  - {name: c, build: x, cache: [cold, warm], default: [warm]}\n`);
    const { scenario } = loadScenarioFile(path.join(dir, 'plain.yaml'));
    expect(scenario?.variants.map((v) => [v.name, v.plainStates])).toEqual([['a', ['cold', 'warm']], ['b', []], ['c', ['warm']]]);
  });

  it('reports every problem of a file at once, in line order', () => {
    const text = 'name: demo\nproject: proj\nruns: 0\nvariants:\n  - name: a\n    build: x\n    cache: hot\n  - name: a\n    bild: y\n';
    expect(problemsOf(text)).toEqual([
      'x.yaml:3:7 runs: must be >= 1',
      'x.yaml:7:12 variants[0].cache: must be one of cold, warm, incremental, noop',
      'x.yaml:8:5 variants[1]: missing required key "build"',
      'x.yaml:8:11 variants[1].name: duplicate variant name "a" (also variants[0])',
      'x.yaml:9:5 variants[1].bild: unknown key (did you mean "build"?)',
    ]);
  });

  it('refuses a path that leads outside through a symlink in the project', () => {
    const proj = path.join(dir, 'linked');
    mkdirSync(proj);
    symlinkSync('/tmp', path.join(proj, 'out'));
    expect(problemsOf('name: d\nproject: linked\nvariants:\n  - name: a\n    build: x\n    clean: [out/x]\n', 'link.yaml')).toEqual([
      'link.yaml:6:13 variants[0].clean[0]: leads outside the workdir through a symlink (/tmp)',
    ]);
  });

  it('names a missing file', () => {
    expect(loadScenarioFile(path.join(dir, 'none.yaml')).problems.map(formatProblem)).toEqual([`${path.join(dir, 'none.yaml')}: no such file`]);
  });
});
