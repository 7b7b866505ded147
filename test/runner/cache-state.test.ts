// What the runner does to a workdir before a sample in each cache state, on real files: the rules of
// results/cache-states.ts as the runner applies them, spelled out here so a changed rule shows.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { buildPlan, type PlannedVariant } from '../../src/plan/plan.ts';
import { prepareCacheState } from '../../src/runner/sample.ts';
import { writeScenario } from './helpers.ts';

const YAML = `name: states
project: project
warmup: 0
cache: [cold, warm, incremental, noop]
variants:
  - name: a
    build: "true"
    clean: [dist]
    caches: [build]
    mutate: { append: { file: src.txt, text: "edit {round}\\n" } }
`;

function planned(): PlannedVariant[] {
  const file = writeScenario({ yaml: YAML });
  const loaded = loadScenarioFile(file);
  if (!loaded.scenario) throw new Error(JSON.stringify(loaded.problems));
  const dir = path.dirname(file);
  return buildPlan({ scenarios: [loaded.scenario], runId: 't', seed: 1, outDir: path.join(dir, 'out'), workRoot: path.join(dir, 'work') }).variants;
}

/** Fills the workdir and cache dir, prepares the state, and tells what is left. */
function prepare(p: PlannedVariant, isFirstBuild: boolean) {
  for (const dir of ['dist', 'build']) mkdirSync(path.join(p.workdir, dir), { recursive: true });
  mkdirSync(p.cacheDir, { recursive: true });
  writeFileSync(path.join(p.workdir, 'dist', 'out'), 'x');
  writeFileSync(path.join(p.workdir, 'build', 'toc'), 'x');
  writeFileSync(path.join(p.cacheDir, 'tool'), 'x');
  writeFileSync(path.join(p.workdir, 'src.txt'), '');
  prepareCacheState(p, 3, isFirstBuild);
  return {
    outputs: existsSync(path.join(p.workdir, 'dist', 'out')),
    caches: existsSync(path.join(p.workdir, 'build', 'toc')),
    cacheDir: existsSync(path.join(p.cacheDir, 'tool')),
    src: readFileSync(path.join(p.workdir, 'src.txt'), 'utf8'),
  };
}

describe('prepareCacheState', () => {
  const variants = planned();
  const of = (cache: string) => variants.find((v) => v.cache === cache)!;

  it.each([
    ['cold', { outputs: false, caches: false, cacheDir: false, src: '' }],
    ['warm', { outputs: false, caches: true, cacheDir: true, src: '' }],
    ['incremental', { outputs: true, caches: true, cacheDir: true, src: 'edit 3\n' }],
    ['noop', { outputs: true, caches: true, cacheDir: true, src: '' }],
  ])('%s: removes and mutates what the state says', (cache, left) => {
    expect(prepare(of(cache), false)).toEqual(left);
  });

  it('does not mutate before the first build of an incremental workdir', () => {
    expect(prepare(of('incremental'), true).src).toBe('');
  });

  it('plans a full first build as a warm-up for every state but cold, except the one its cold twin primes', () => {
    expect(variants.map((v) => [v.cache, v.warmup])).toEqual([
      ['cold', 0],
      ['warm', 0],
      ['incremental', 1],
      ['noop', 1],
    ]);
  });
});
