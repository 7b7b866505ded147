// The rule that lets a cold twin's first build prime its warm twin's workdir (plan/prime.ts), case by case.
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/plan/plan.ts';
import { whyNotPrimed } from '../../src/plan/prime.ts';
import type { Scenario, ScenarioVariant } from '../../src/scenario/scenario.ts';
import type { CacheState } from '../../src/results/cache-states.ts';

function variant(extra: Partial<ScenarioVariant> = {}): ScenarioVariant {
  const cacheStates: CacheState[] = ['cold', 'warm', 'incremental'];
  return { scenario: 's', name: 'a', baseline: true, build: 'make', setup: [], clean: ['dist'], caches: ['build'], cacheStates, plainStates: cacheStates, envLayers: [], requires: [], phases: [], network: false, runs: 5, warmup: 0, ...extra };
}
const scenarioOf = (...variants: ScenarioVariant[]): Scenario => ({ name: 's', file: 's.yaml', path: '/x/s.yaml', sha256: '', default: true, project: '/x/proj', ignore: [], variants });
const plan = (s: Scenario, extra: { runs?: number; warmup?: number; refs?: string[] } = {}) => buildPlan({ scenarios: [s], runId: 'r', outDir: '/out', workRoot: '/work', seed: 3, ...extra });

describe('priming a warm twin from its cold twin', () => {
  it('primes the first state after cold that starts full, once per cold variant, from its first measured build', () => {
    const p = plan(scenarioOf(variant()));
    expect(p.primings).toEqual([{ cold: 's/a@cold', warm: 's/a@warm', round: 1 }]);
    expect(p.variants.map((v) => [v.id, v.warmup])).toEqual([['s/a@cold', 0], ['s/a@warm', 0], ['s/a@incremental', 1]]);
    // The measured round 1 puts the cold twin first; the other rounds keep their shuffle.
    expect(p.rounds[0]!.indexOf('s/a@cold')).toBeLessThan(p.rounds[0]!.indexOf('s/a@warm'));
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const r = buildPlan({ scenarios: [scenarioOf(variant())], runId: 'r', outDir: '/out', workRoot: '/work', seed }).rounds[0]!;
      expect(r.indexOf('s/a@cold')).toBeLessThan(r.indexOf('s/a@warm'));
    }
  });

  it("uses the cold twin's first warm-up when it has one", () => {
    const p = plan(scenarioOf(variant({ warmup: 1 })));
    expect(p.primings).toEqual([{ cold: 's/a@cold', warm: 's/a@warm', round: -1 }]);
    expect(p.warmupRounds.flat().sort()).toEqual(['s/a@cold', 's/a@incremental']);
  });

  it('primes each git ref from its own cold twin', () => {
    const p = plan(scenarioOf(variant({ cacheStates: ['cold', 'warm'] })), { refs: ['main', 'head'] });
    expect(p.primings.map((x) => `${x.cold} → ${x.warm}`)).toEqual(['s/a@cold#main → s/a@warm#main', 's/a@cold#head → s/a@warm#head']);
  });

  it.each([
    ['warm-ups asked on top of the full build', { warmup: 2 }, {}, 'warm-ups were asked on top of the full build'],
    ['a cold twin with one build', { runs: 1 }, {}, 'the cold twin has one build, which must stay in its own workdir'],
    ['a service', {}, { service: { run: 'sccache --start-server' } }, 'a service belongs to its own variant'],
  ])('does not prime with %s', (_, opts, extra, why) => {
    const p = plan(scenarioOf(variant({ cacheStates: ['cold', 'warm'], ...extra })), opts);
    expect(p.primings).toEqual([]);
    const [cold, warm] = p.variants;
    expect(whyNotPrimed(cold!, warm!)).toBe(why);
    expect(warm!.warmup).toBeGreaterThanOrEqual(1);
  });

  it('does not prime across variants or build definitions', () => {
    const p = plan(scenarioOf(variant({ cacheStates: ['cold'] }), variant({ name: 'b', baseline: false, cacheStates: ['warm'] })));
    expect(p.primings).toEqual([]);
    const [cold, warm] = p.variants;
    expect(whyNotPrimed(cold!, warm!)).toBe('not the same variant at the same ref');
    expect(whyNotPrimed(cold!, { ...cold!, cache: 'warm', variant: { ...cold!.variant, build: 'make all' } })).toBe('their build definitions differ');
    expect(whyNotPrimed(cold!, { ...cold!, cache: 'warm', warmup: 1 })).toBeUndefined();
  });
});
