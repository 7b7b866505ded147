// The verdict rule by simulation (issue 5): 10 builds per variant, log-normal times, 10,000 seeded trials
// per case. Only faster/slower is counted, and those depend on the p-value and the ratio's point estimate,
// not on the bootstrap interval — so the interval is drawn with few resamples to keep the test fast.
import { describe, expect, it } from 'vitest';
import { compareSamples, createRng, randomLogNormal, type Rng } from '../../src/stats/index.ts';

const TRIALS = 10_000;
const RUNS = 10;

function verdictRates(opts: { cv: number; shift: number; seed: number }): Record<string, number> {
  const rng = createRng(opts.seed);
  const draw = (r: Rng, median: number) => Array.from({ length: RUNS }, () => randomLogNormal({ rng: r, median, cv: opts.cv }));
  const counts: Record<string, number> = { faster: 0, slower: 0, 'no difference': 0, inconclusive: 0 };
  for (let t = 0; t < TRIALS; t++) {
    const baseline = draw(rng, 1000);
    const variant = draw(rng, 1000 * opts.shift);
    counts[compareSamples({ baseline, variant }).verdict]!++;
  }
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v / TRIALS]));
}

const percent = (r: Record<string, number>) => Object.entries(r).map(([k, v]) => `${k} ${(v * 100).toFixed(2)}%`).join(', ');

describe('verdicts on simulated builds (10 runs each)', () => {
  it.each([
    { cv: 0.02, seed: 1 },
    { cv: 0.03, seed: 2 },
  ])('A/A at $cv CV: faster or slower in ≤ 5% of trials', ({ cv, seed }) => {
    const rates = verdictRates({ cv, shift: 1, seed });
    console.log(`A/A cv=${cv}: ${percent(rates)}`);
    expect(rates.faster! + rates.slower!).toBeLessThanOrEqual(0.05);
  });

  it.each([
    { label: '5% slower', cv: 0.02, shift: 1.05, expected: 'slower', atLeast: 0.95, seed: 3 },
    { label: '5% slower', cv: 0.03, shift: 1.05, expected: 'slower', atLeast: 0.9, seed: 4 },
    { label: '5% faster', cv: 0.03, shift: 1 / 1.05, expected: 'faster', atLeast: 0.9, seed: 5 },
  ])('a true $label at $cv CV: $expected in ≥ $atLeast of trials', ({ cv, shift, expected, atLeast, seed }) => {
    const rates = verdictRates({ cv, shift, seed });
    console.log(`shift ×${shift.toFixed(3)} cv=${cv}: ${percent(rates)}`);
    expect(rates[expected]).toBeGreaterThanOrEqual(atLeast);
  });
});
