import { describe, expect, it } from 'vitest';
import { compareSamples, compareWithBaselines, decideStop, lookLevels, type StopOptions } from '../../src/stats/index.ts';
import { around, variant } from './fixtures.ts';

const levels = lookLevels({ alpha: 0.05, minRuns: 5, maxRuns: 10 });
const rules = { minRuns: 5, maxRuns: 10, targetCiPct: 0.5, alpha: levels.finalAlpha, interimP: levels.interimP };
/** decideStop on the comparisons the results file would store for these variants. */
const stop = (variants: StopOptions['variants'], over: Partial<StopOptions> = {}) =>
  decideStop({ ...rules, variants, comparisons: compareWithBaselines(variants, { noisePct: 2, alpha: rules.alpha }), ...over });

// Interleaved 1000/1050 ms samples that are significant at the last look's 4.5% but not at the interim 0.1%.
const marginalBase = [1000, 1030, 980, 1045, 1010, 990, 1020, 1060];
const marginalVariant = [1060, 1040, 1080, 1050, 1095, 1035, 1070, 1025];

describe('decideStop', () => {
  it('keeps going until the minimum number of runs', () => {
    const vs = [variant({ variant: 'a', baseline: true, wallMs: around(1000, 3) }), variant({ variant: 'b', wallMs: around(2000, 4) })];
    expect(stop(vs)).toEqual({ stop: false, reason: '3 of at least 5 runs done' });
  });

  it('stops as soon as every comparison is decided', () => {
    const vs = [
      variant({ variant: 'a', baseline: true, wallMs: around(1000, 8) }),
      variant({ variant: 'b', wallMs: around(1300, 8) }),
      variant({ variant: 'c', wallMs: around(700, 8) }),
    ];
    expect(stop(vs)).toEqual({ stop: true, reason: 'every comparison with its baseline was decided after 8 runs (1 faster, 1 slower)' });
    // 6 against 6 can at best reach p = 2/924 = 0.0022, above the interim 0.001 of 5..10 runs.
    expect(stop(vs.map((v) => ({ ...v, samples: v.samples.slice(0, 6) })))).toEqual({ stop: false, reason: '6 runs done: 2 of 2 comparisons still undecided' });
  });

  it('waits only for the metrics a user decides on: an undecided CPU or an exact size never keeps a run going', () => {
    const vs = [variant({ variant: 'a', baseline: true, wallMs: around(1000, 8) }), variant({ variant: 'b', wallMs: around(1300, 8) })];
    const decided = compareWithBaselines(vs);
    const wall = decided.find((c) => c.metric === 'wallMs')!;
    const cpu = { ...wall, metric: 'cpuMs', verdict: 'inconclusive' as const };
    const size = { scenario: 'app', metric: 'bytes', baseline: wall.baseline, variant: wall.variant, method: 'exact' as const, baselineValue: 10, variantValue: 20, ratio: 2, samePct: 0.5, verdict: 'slower' as const };
    expect(stop(vs, { comparisons: [wall, cpu, size] })).toEqual({ stop: true, reason: 'every comparison with its baseline was decided after 8 runs (1 slower)' });
    expect(stop(vs, { comparisons: [{ ...wall, verdict: 'inconclusive' }, cpu, size] })).toEqual({ stop: false, reason: '8 runs done: 1 of 1 comparison still undecided' });
  });

  it('before the last run, a difference must clear the interim p (0.1·α over the 5 interim looks), not just α', () => {
    const c = compareSamples({ baseline: marginalBase, variant: marginalVariant });
    expect(c.verdict).toBe('slower');
    expect(c.pValue).toBeGreaterThan(rules.interimP);
    const vs = [variant({ variant: 'a', baseline: true, wallMs: marginalBase }), variant({ variant: 'b', wallMs: marginalVariant })];
    expect(stop(vs)).toEqual({ stop: false, reason: '8 runs done: 1 of 1 comparison still undecided' });
    expect(stop(vs, { maxRuns: 8 })).toEqual({ stop: true, reason: 'every comparison with its baseline was decided after 8 runs (1 slower)' });
  });

  it('stops at the maximum and says what was still open', () => {
    const vs = [variant({ variant: 'a', baseline: true, wallMs: around(1000, 10, 5) }), variant({ variant: 'b', wallMs: around(1010, 10, 5) })];
    expect(stop(vs)).toEqual({ stop: true, reason: 'reached the maximum of 10 runs: 1 of 1 comparison still undecided' });
  });

  it('never ends a run whose comparisons are inconclusive on narrow medians alone', () => {
    // Medians known to within the 5% target, but 1000 against 1018 ms is neither shown past ±2% nor within it.
    const vs = [variant({ variant: 'a', baseline: true, wallMs: around(1000, 6, 2) }), variant({ variant: 'b', wallMs: around(1018, 6, 2) })];
    expect(stop(vs, { targetCiPct: 5 })).toEqual({ stop: false, reason: '6 runs done: 1 of 1 comparison still undecided' });
  });

  it('with nothing to compare, stops when every median is known to the target precision', () => {
    const vs = [variant({ variant: 'a', wallMs: around(1000, 9, 0.2) }), variant({ variant: 'b', wallMs: around(1500, 9, 0.2) })];
    expect(stop(vs)).toEqual({ stop: true, reason: "nothing to compare, and every median's 95% interval was within ±0.5% after 9 runs (widest ±0.2%)" });
    expect(stop(vs, { targetCiPct: 0.05 })).toMatchObject({ stop: false });
  });

  it('counts only successful samples of measurable variants', () => {
    const failed = variant({ variant: 'x', status: 'failed', reason: 'exit 1', wallMs: [1] });
    const vs = [variant({ variant: 'a', baseline: true, wallMs: around(1000, 8) }), variant({ variant: 'b', wallMs: around(1300, 8) }), failed];
    expect(stop(vs).stop).toBe(true);
    expect(stop([failed])).toEqual({ stop: true, reason: 'no variant is left to measure' });
  });
});
