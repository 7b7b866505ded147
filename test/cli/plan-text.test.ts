import { describe, expect, it } from 'vitest';
import { describeRun } from '../../src/cli/plan-text.ts';
import type { Plan } from '../../src/plan/plan.ts';

const planOf = (runs: number[]) => ({ variants: runs.map((r) => ({ runs: r })) }) as unknown as Plan;

describe('describeRun: the first line of a run', () => {
  it('says the runs every variant builds, a range when scenarios ask for different numbers, and the singular', () => {
    expect(describeRun(planOf([5, 5, 5]), '/out')).toBe('buildbench 3 variants × 5 runs → /out');
    // A scenario with `runs: 5` beside the default 6: not "× 6 runs" for all ten.
    expect(describeRun(planOf([6, 6, 5, 5, 6, 6, 6, 6, 5, 6]), '/out')).toBe('buildbench 10 variants × 5–6 runs → /out');
    expect(describeRun(planOf([1]), '/out')).toBe('buildbench 1 variant × 1 run → /out');
  });
});
