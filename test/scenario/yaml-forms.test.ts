// YAML as people write it: anchors, aliases and merge keys (`<<: *base`, YAML 1.1, eemeli/yaml#284) are applied,
// and every YAML problem (an alias with no anchor, a merge of a list, a duplicate key after a merge, bad
// indentation, an alias bomb) is one problem with its file:line:col.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { formatProblem } from '../../src/common/problem.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const dir = tempDir('bb-yaml-');
mkdirSync(path.join(dir, 'proj'));

function load(text: string) {
  const file = path.join(dir, 'x.yaml');
  writeFileSync(file, text);
  const { scenario, problems } = loadScenarioFile(file);
  return { scenario, problems: problems.map((p) => formatProblem({ ...p, file: path.basename(p.file) })) };
}

const head = 'name: d\nproject: proj\n';
const common = `${head}x-common: &common\n  build: 'echo base > a.txt'\n  artifact: a.txt\n  timeoutS: 5\n`;

describe('YAML merge keys and anchors', () => {
  it('applies a merge key, and a key written beside it overrides the merged one', () => {
    const { scenario, problems } = load(`${common}variants:\n  - name: a\n    <<: *common\n  - name: b\n    <<: *common\n    build: 'echo b > a.txt'\n`);
    expect(problems).toEqual([]);
    expect(scenario!.variants.map((v) => [v.name, v.build, v.artifact, v.timeoutS])).toEqual([
      ['a', 'echo base > a.txt', 'a.txt', 5],
      ['b', 'echo b > a.txt', 'a.txt', 5],
    ]);
  });

  it('merges a list of mappings, the first one winning', () => {
    const text = `${head}x-a: &a {build: 'echo a', timeoutS: 3}\nx-b: &b {build: 'echo b', artifact: b.txt}\nvariants:\n  - name: v\n    <<: [*a, *b]\n`;
    const { scenario, problems } = load(text);
    expect(problems).toEqual([]);
    expect(scenario!.variants[0]).toMatchObject({ build: 'echo a', artifact: 'b.txt', timeoutS: 3 });
  });

  it('places a problem in a merged field where the anchor wrote it', () => {
    expect(load(`${head}x-base: &base\n  timeoutS: -1\n  build: x\nvariants:\n  - name: a\n    <<: *base\n`).problems).toEqual(['x.yaml:4:13 variants[0].timeoutS: must be > 0']);
  });

  it.each([
    ['an alias with no anchor before it', `${head}variants:\n  - name: a\n    build: *cmd\n`, ['x.yaml:5:12: undefined alias *cmd: no anchor &cmd before it']],
    ['an alias before its anchor', `${head}variants:\n  - name: a\n    build: *cmd\n  - name: b\n    build: &cmd x\n`, ['x.yaml:5:12: undefined alias *cmd: no anchor &cmd before it']],
    ['a merge of a list value', `${head}x-l: &l [1, 2]\nvariants:\n  - name: a\n    build: x\n    <<: *l\n`, ['x.yaml:7:9: a merge key (<<) takes a mapping, an alias of one (<<: *base) or a list of those']],
    ['a merge of a scalar', `${head}variants:\n  - name: a\n    build: x\n    <<: 3\n`, ['x.yaml:6:9: a merge key (<<) takes a mapping, an alias of one (<<: *base) or a list of those']],
    ['a key given twice beside a merge', `${common}variants:\n  - name: a\n    <<: *common\n    build: y\n    build: z\n`, ['x.yaml:11:5: Map keys must be unique']],
    ['a line indented too far', `${head}variants:\n  - name: a\n      build: x\n`, ['x.yaml:4:11: Nested mappings are not allowed in compact mappings', 'x.yaml:4:11: Implicit keys need to be on a single line']],
    ['a tab for indentation', `${head}variants:\n\t- name: a\n`, ['x.yaml:4:1: Tabs are not allowed as indentation']],
    ['an alias bomb', `${head}x-a: &a [x, x, x, x, x, x, x, x, x, x]\nx-b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nx-c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nvariants:\n  - {name: a, build: x}\n`, ['x.yaml:4:10: cannot parse: Excessive alias count indicates a resource exhaustion attack']],
    ['an unknown key names the free x- keys', `${head}common: 1\nvariants:\n  - {name: a, build: x}\n`, ['x.yaml:3:1 common: unknown key (valid: name, description, default, project, requires, setup, seed, runs, warmup, cache, env, timeoutS, budget, ignore, copy, ignoreGitignored, preset, with, without, variants; keys starting with x- are free)']],
  ])('%s', (_, text, expected) => {
    expect(load(text).problems).toEqual(expected);
  });
});

describe('an unclosed quote', () => {
  // yaml reports it at the end of the file (a line that does not exist); the quote's own line is where the fix goes.
  it.each([
    { text: `${head}variants:\n  - name: a\n    build: "sleep 0.1\n  - name: b\n    build: sleep 0.2\n`, at: 'x.yaml:5:12: Missing closing "quote' },
    { text: `${head}variants:\n  - name: "a\\"\n    build: x\n`, at: 'x.yaml:4:11: Missing closing "quote' },
    { text: `name: 'd\nproject: proj\n`, at: "x.yaml:1:7: Missing closing 'quote" },
  ])('is placed at its opening quote: $at', ({ text, at }) => {
    expect(load(text).problems).toEqual([at]);
  });
});

describe('a file nested past 64 levels', () => {
  // Checked on the CST without recursion before yaml's composer (which recurses) sees it.
  it.each([
    { form: 'flow', text: `${head}variants: ${'['.repeat(300)}${']'.repeat(300)}\n`, at: 'x.yaml:3:74: nested deeper than 64 levels' },
    { form: 'block', text: `${head}x:\n${Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i + 1)}k:\n`).join('')}`, at: 'x.yaml:67:129: nested deeper than 64 levels' },
  ])('is one problem at its 65th level ($form)', ({ text, at }) => {
    expect(load(text).problems).toEqual([at]);
  });
});
