// Does a "95% interval of the median" cover the true median as often as it says? Checked by simulation, as
// tachometer does for its intervals: seeded log-normal samples (right-skewed like build times) whose true
// median is known. The order-statistic interval is exact for any continuous distribution: its coverage is
// its stated confidence (≥ 95%), e.g. 98.4% at n = 7, 95.9% at n = 20.
import { describe, expect, it } from 'vitest';
import { createRng, randomLogNormal, summarize } from '../../src/stats/index.ts';

const TRIALS = 10_000;
const TRUE_MEDIAN = 1000;

function coverage(opts: { n: number; cv: number; seed: number }): { rate: number; confidence: number } {
  const rng = createRng(opts.seed);
  let covered = 0;
  let confidence = 0;
  for (let t = 0; t < TRIALS; t++) {
    const values = Array.from({ length: opts.n }, () => randomLogNormal({ rng, median: TRUE_MEDIAN, cv: opts.cv }));
    const s = summarize(values);
    confidence = s.ciConfidence!;
    if (s.ciLow <= TRUE_MEDIAN && TRUE_MEDIAN <= s.ciHigh) covered++;
  }
  return { rate: covered / TRIALS, confidence };
}

describe('95% order-statistic interval of the median', () => {
  it.each([
    { n: 7, cv: 0.05, seed: 7 },
    { n: 10, cv: 0.05, seed: 10 },
    { n: 20, cv: 0.3, seed: 20 },
  ])('covers the true median as often as its stated confidence, within 1% (n = $n, CV $cv)', ({ n, cv, seed }) => {
    const { rate, confidence } = coverage({ n, cv, seed });
    console.log(`median interval coverage n=${n} cv=${cv}: ${(rate * 100).toFixed(2)}% (stated ${(confidence * 100).toFixed(2)}%)`);
    expect(confidence).toBeGreaterThanOrEqual(0.95);
    expect(Math.abs(rate - confidence)).toBeLessThan(0.01);
  });
});
