// Which one among the winners: Holm's adjustment, and the pairs of variants decided faster than the baseline.
import { describe, expect, it } from 'vitest';
import { compareWinners, compareWithBaselines, holmAdjust } from '../../src/stats/index.ts';
import { around, variant } from './fixtures.ts';

describe('holmAdjust', () => {
  it.each([
    { ps: [0.01, 0.04, 0.03], adjusted: [0.03, 0.06, 0.06] },
    { ps: [0.5], adjusted: [0.5] },
    { ps: [0.001, 0.9], adjusted: [0.002, 0.9] },
    { ps: [0.4, 0.3], adjusted: [0.6, 0.6] },
  ])('$ps → $adjusted', ({ ps, adjusted }) => {
    holmAdjust(ps).forEach((p, i) => expect(p).toBeCloseTo(adjusted[i]!, 12));
  });
});

const winnersOf = (ms: Record<string, number[]>) => {
  const vs = [variant({ variant: 'base', baseline: true, wallMs: around(2000, 10, 1) }), ...Object.entries(ms).map(([name, wallMs]) => variant({ variant: name, wallMs }))];
  const comparisons = compareWithBaselines(vs);
  return compareWinners({ variants: vs, comparisons }).filter((c) => c.metric === 'wallMs');
};

describe('compareWinners', () => {
  it('two winners, one 1.14× faster than the other: decided, the faster one as variant', () => {
    const [c] = winnersOf({ shiv: around(1140, 10, 1), pex: around(1000, 10, 1) });
    expect(c).toMatchObject({ variant: 'app/pex@cold', baseline: 'app/shiv@cold', verdict: 'faster' });
    expect(1 / c!.ratio).toBeCloseTo(1.14, 2);
    expect((c as { holmP: number }).holmP).toBe((c as unknown as { pValue: number }).pValue);
  });

  it('two winners within 0.3%: no difference between them', () => {
    const [c] = winnersOf({ shiv: around(1003, 10, 0.5), pex: around(1000, 10, 0.5) });
    expect(c).toMatchObject({ verdict: 'no difference' });
  });

  it('three winners: three pairs, each with a Holm-adjusted p no smaller than its own', () => {
    const cs = winnersOf({ a: around(1000, 10, 1), b: around(1200, 10, 1), c: around(1440, 10, 1) });
    expect(cs).toHaveLength(3);
    for (const c of cs) expect((c as { holmP: number }).holmP).toBeGreaterThanOrEqual((c as unknown as { pValue: number }).pValue);
    expect(cs.every((c) => c.verdict === 'faster')).toBe(true);
  });

  it('a single winner: nothing to compare', () => {
    expect(winnersOf({ a: around(1000, 10, 1), b: around(2500, 10, 1) })).toEqual([]);
  });
});
