import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUICK_LEFT_OUT, buildPlan, matchGlob } from '../../src/plan/plan.ts';
import type { Scenario, ScenarioVariant } from '../../src/scenario/scenario.ts';

function variant(name: string, extra: Partial<ScenarioVariant> = {}): ScenarioVariant {
  return { scenario: 's', name, baseline: false, build: 'true', setup: [], clean: [], caches: [], cacheStates: ['warm'], envLayers: [], requires: [], phases: [], network: false, needs: [], runs: 5, warmup: 1, ...extra, plainStates: extra.plainStates ?? extra.cacheStates ?? ['warm'] };
}
const scenario: Scenario = {
  name: 's', file: 's.yaml', path: '/x/s.yaml', sha256: '', default: true, project: '/x/proj', ignore: [],
  variants: [variant('a', { baseline: true, cacheStates: ['cold', 'warm'] }), variant('b', { cacheStates: ['cold', 'warm'] }), variant('c', { cacheStates: ['incremental'], warmup: 0 })],
};
const base = { scenarios: [scenario], runId: 'r', outDir: '/out', workRoot: '/work' };

describe('buildPlan', () => {
  it('expands variants × cache states into stable ids with their own workdir and cache dir', () => {
    const plan = buildPlan({ ...base, seed: 1 });
    expect(plan.variants.map((v) => v.id)).toEqual(['s/a@cold', 's/a@warm', 's/b@cold', 's/b@warm', 's/c@incremental']);
    const dirs = plan.variants.flatMap((v) => [v.workdir, v.cacheDir]);
    expect(new Set(dirs).size).toBe(dirs.length);
    expect(plan.variants[0]!.workdir).toBe(path.join('/work', 's+a@cold', 'work'));
  });

  it("keeps each scenario in its baseline's warmest like-with-like state for --quick, unless the cache states are given", () => {
    // cold, not warm: a warm build's work depends on the tool (a no-op for PyInstaller, a rebuild for PEX).
    const plan = buildPlan({ ...base, seed: 1, quick: true });
    expect(plan.variants.map((v) => v.id)).toEqual(['s/a@cold', 's/b@cold']);
    expect(plan.leftOut).toEqual([{ why: QUICK_LEFT_OUT, ids: ['s/a@warm', 's/b@warm', 's/c@incremental'] }]);
    // incremental (the same edit, rebuilt by every variant) before cold; warm only when there is nothing else.
    const withEdit = { ...scenario, variants: scenario.variants.map((v) => ({ ...v, cacheStates: ['cold', 'warm', 'incremental'] as ScenarioVariant['cacheStates'] })) };
    expect(buildPlan({ ...base, scenarios: [withEdit], seed: 1, quick: true }).variants.map((v) => v.cache)).toEqual(['incremental', 'incremental', 'incremental']);
    const warmOnly = { ...scenario, variants: scenario.variants.slice(0, 2).map((v) => ({ ...v, cacheStates: ['warm', 'noop'] as ScenarioVariant['cacheStates'] })) };
    expect(buildPlan({ ...base, scenarios: [warmOnly], seed: 1, quick: true }).variants.map((v) => v.cache)).toEqual(['noop', 'noop']);
    const cold = buildPlan({ ...base, seed: 1, quick: true, cache: ['cold'] });
    expect(cold.variants.map((v) => v.id)).toEqual(['s/a@cold', 's/b@cold']);
    expect(cold.leftOut).toEqual([]);
    // With --only, only the left-out ids the globs match are said (the others were not asked for).
    const only = buildPlan({ ...base, seed: 1, quick: true, only: ['s/b@*'], leftOut: [{ why: 'plain', ids: ['s/a@cold', 's/b@noop'] }] });
    expect(only.leftOut).toEqual([{ why: 'plain', ids: ['s/b@noop'] }, { why: QUICK_LEFT_OUT, ids: ['s/b@warm'] }]);
  });

  it('keeps a full first build as a warm-up for states that need something to be warm from, unless a cold twin primes them', () => {
    const plan = buildPlan({ ...base, seed: 1, warmup: 0 });
    expect(Object.fromEntries(plan.variants.map((v) => [v.id, v.warmup]))).toEqual({
      's/a@cold': 0, 's/a@warm': 0, 's/b@cold': 0, 's/b@warm': 0, 's/c@incremental': 1,
    });
    expect(plan.primings).toEqual([
      { cold: 's/a@cold', warm: 's/a@warm', round: 1 },
      { cold: 's/b@cold', warm: 's/b@warm', round: 1 },
    ]);
    expect(buildPlan({ ...base, seed: 1, warmup: 0, cache: ['warm'] }).variants.map((v) => v.warmup)).toEqual([1, 1]);
  });

  it('interleaves: every round holds every variant once, in a seeded shuffle', () => {
    const plan = buildPlan({ ...base, seed: 42 });
    expect(plan.rounds).toHaveLength(5);
    for (const round of plan.rounds) expect([...round].sort()).toEqual(plan.variants.map((v) => v.id).sort());
    expect(new Set(plan.rounds.map((r) => r.join())).size).toBeGreaterThan(1);
    expect(buildPlan({ ...base, seed: 42 }).rounds).toEqual(plan.rounds);
    expect(buildPlan({ ...base, seed: 43 }).rounds).not.toEqual(plan.rounds);
  });

  it('filters by --only globs and --cache states, and overrides runs', () => {
    const plan = buildPlan({ ...base, seed: 1, only: ['s/a@*', '*@incremental'], cache: ['cold', 'incremental'], runs: 2 });
    expect(plan.variants.map((v) => v.id)).toEqual(['s/a@cold', 's/c@incremental']);
    expect(plan.rounds).toHaveLength(2);
  });

  it('gives every ref its own variants, interleaved in the same rounds', () => {
    const plan = buildPlan({ ...base, seed: 1, only: ['s/a@cold*'], refs: ['main', 'HEAD~1'] });
    expect(plan.variants.map((v) => v.id)).toEqual(['s/a@cold#main', 's/a@cold#HEAD~1']);
    expect(plan.rounds.every((r) => r.length === 2)).toBe(true);
  });
});

describe('matchGlob', () => {
  it.each([
    ['sidecar/*', 'sidecar/pex@cold', true],
    ['*@cold', 'sidecar/pex@cold', true],
    ['*@cold', 'sidecar/pex@warm', false],
    ['sidecar/p?x@*', 'sidecar/pex@warm', true],
    ['sidecar', 'sidecar/pex@warm', false],
  ])('%s ~ %s → %s', (glob, id, expected) => expect(matchGlob(glob, id)).toBe(expected));
});
