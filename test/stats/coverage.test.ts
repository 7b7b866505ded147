// Does a "95% CI of the median" cover the true median 95% of the time? Checked by simulation, as
// tachometer does for its intervals: 10,000 seeded trials of log-normal samples (right-skewed like build
// times) whose true median is known, with the resample count summarize() uses.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RESAMPLES, bootstrapMedianCi, createRng, randomLogNormal } from '../../src/stats/index.ts';

const TRIALS = 10_000;
const TRUE_MEDIAN = 1000;

function coverage(opts: { n: number; cv: number; seed: number }): number {
  const data = createRng(opts.seed);
  const boot = createRng(opts.seed + 1);
  let covered = 0;
  for (let t = 0; t < TRIALS; t++) {
    const values = Array.from({ length: opts.n }, () => randomLogNormal({ rng: data, median: TRUE_MEDIAN, cv: opts.cv }));
    const ci = bootstrapMedianCi(values, { rng: boot, resamples: DEFAULT_RESAMPLES });
    if (ci.low <= TRUE_MEDIAN && TRUE_MEDIAN <= ci.high) covered++;
  }
  return covered / TRIALS;
}

describe('95% bootstrap CI of the median', () => {
  it.each([
    { n: 10, cv: 0.05, seed: 10 },
    { n: 20, cv: 0.3, seed: 20 },
  ])('covers the true median in 95% ± 1.5% of 10,000 trials (n = $n, CV $cv)', ({ n, cv, seed }) => {
    const rate = coverage({ n, cv, seed });
    console.log(`coverage n=${n} cv=${cv}: ${(rate * 100).toFixed(2)}%`);
    expect(rate).toBeGreaterThanOrEqual(0.935);
    expect(rate).toBeLessThanOrEqual(0.965);
  });
});
