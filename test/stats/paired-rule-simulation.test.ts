// The pairing rule by seeded simulation, through the real statistics stage (bench/harness/drift-simulation.ts):
// A/A false alarms of the whole procedure — drift test, choice, then the chosen analysis — stay ≤ 5% with no
// drift, with drift as large as the noise and twice it, and with missing pairs; and where drift is large, the
// rule finds a true change more often than the independent analysis. 200 trials a cell keep it to seconds;
// `npm run bench:noise-stats` runs 2,000 a cell and the power tables of the README.
import { describe, expect, it } from 'vitest';
import { simulateDriftCell } from '../../bench/harness/drift-simulation.ts';

const TRIALS = 200;
/** 5% plus two standard errors of a 5% rate over TRIALS: a cell fails only when its rate is clearly above 5% (the bench's 2,000 trials give the figures). */
const FALSE_ALARM_LIMIT = 0.05 + 2 * Math.sqrt((0.05 * 0.95) / TRIALS);

describe('the pairing rule (n = 10 rounds, 2% noise)', () => {
  it.each([
    { drift: 0, missing: 0, seed: 11 },
    { drift: 1, missing: 0, seed: 12 },
    { drift: 2, missing: 0, seed: 13 },
    { drift: 2, missing: 0.3, seed: 14 },
  ])('A/A at drift $drift × noise, $missing of rounds missing a build: false alarms not above 5%', ({ drift, missing, seed }) => {
    const r = simulateDriftCell({ n: 10, cv: 0.02, drift, ratio: 1, missing, trials: TRIALS, seed });
    console.log(`A/A drift ${drift} missing ${missing}: rule ${(r.rule.decided * 100).toFixed(1)}% (paired ${(r.rule.paired * 100).toFixed(0)}%), independent ${(r.independent.decided * 100).toFixed(1)}%`);
    expect(r.rule.decided).toBeLessThanOrEqual(FALSE_ALARM_LIMIT);
  });

  it('a true 3% change under drift twice the noise: the rule pairs and finds it far more often than the independent analysis', () => {
    const r = simulateDriftCell({ n: 12, cv: 0.02, drift: 2, ratio: 1.03, trials: TRIALS, seed: 21 });
    console.log(`×1.03 drift 2 n=12: rule ${(r.rule.slower * 100).toFixed(1)}% (paired ${(r.rule.paired * 100).toFixed(0)}%), independent ${(r.independent.slower * 100).toFixed(1)}%`);
    expect(r.rule.paired).toBeGreaterThan(0.9);
    expect(r.rule.slower).toBeGreaterThan(r.independent.slower + 0.2);
  });
});
