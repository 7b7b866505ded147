// A real difference between two real processes: `sleep 0.200` vs `sleep 0.260`, 8 samples each,
// interleaved (the outer loop is the round, the inner the variant) so that machine load hits both alike.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { compareSamples, formatComparison } from '../../src/stats/index.ts';

function timeMs(seconds: string): number {
  const start = process.hrtime.bigint();
  const r = spawnSync('sleep', [seconds]);
  if (r.status !== 0) throw new Error(`sleep ${seconds} exited with ${r.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

describe('real processes', () => {
  it('sleep 0.260 is slower than sleep 0.200', () => {
    const baseline: number[] = [];
    const variant: number[] = [];
    for (let round = 0; round < 8; round++) {
      const [first, second] = round % 2 === 0 ? ['0.200', '0.260'] : ['0.260', '0.200'];
      for (const s of [first, second]) (s === '0.200' ? baseline : variant).push(timeMs(s!));
    }
    const c = compareSamples({ baseline, variant });
    console.log(`sleep 0.260 vs 0.200: ${formatComparison(c)}`);
    expect(c.verdict).toBe('slower');
    // 0.26 / 0.2 = 1.3, less the fixed cost of starting a process; no absolute times asserted.
    expect(c.ratio).toBeGreaterThan(1.1);
    expect(c.ratio).toBeLessThan(1.35);
  });
});
