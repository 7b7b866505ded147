import { describe, expect, it } from 'vitest';
import { findOutliers, modifiedZScores, summarize } from '../../src/stats/index.ts';

describe('summarize', () => {
  // Hand-computed: sd with n − 1; MAD unscaled; cv = sd / mean.
  it.each([
    { values: [4, 1, 3, 2], n: 4, mean: 2.5, median: 2.5, sd: Math.sqrt(5 / 3), min: 1, max: 4, mad: 1 },
    { values: [10, 12, 11, 13, 100], n: 5, mean: 29.2, median: 12, sd: Math.sqrt(1567.7), min: 10, max: 100, mad: 1 },
    { values: [7], n: 1, mean: 7, median: 7, sd: 0, min: 7, max: 7, mad: 0 },
    { values: [5, 5, 5, 5], n: 4, mean: 5, median: 5, sd: 0, min: 5, max: 5, mad: 0 },
  ])('$values', ({ values, ...expected }) => {
    const s = summarize(values);
    expect(s).toMatchObject({ n: expected.n, median: expected.median, min: expected.min, max: expected.max, mad: expected.mad });
    expect(s.mean).toBeCloseTo(expected.mean, 12);
    expect(s.sd).toBeCloseTo(expected.sd, 12);
    expect(s.cv).toBeCloseTo(expected.sd / expected.mean, 12);
  });

  it('puts the CI of the median around the median, inside the observed range', () => {
    const s = summarize([101, 99, 103, 98, 100, 102, 97, 104, 100, 99]);
    expect(s.ciLow).toBeLessThan(s.median);
    expect(s.ciHigh).toBeGreaterThan(s.median);
    expect(s.ciLow).toBeGreaterThanOrEqual(s.min);
    expect(s.ciHigh).toBeLessThanOrEqual(s.max);
  });

  it('gives the order-statistic interval of the median, which an outlier cannot drag past the rank it allows', () => {
    // The sample. At n = 7 the distribution-free 95% interval is [x(1), x(7)] (confidence 1 − 2/128);
    // the next, [x(2), x(6)] = [969.5, 1004.9], has only 1 − 16/128 = 87.5%.
    const s = summarize([2285.584, 974.083, 969.517, 986.282, 1004.903, 966.604, 988.134]);
    expect(s).toMatchObject({ ciLow: 966.604, ciHigh: 2285.584, ciConfidence: 0.984375 });
    // From 9 values on the interval drops the extremes: the same outlier no longer reaches it.
    const nine = summarize([2285.584, 974.083, 969.517, 986.282, 1004.903, 966.604, 988.134, 979.2, 991.5]);
    expect(nine).toMatchObject({ ciLow: 969.517, ciHigh: 1004.903 });
    expect(nine.ciConfidence).toBeCloseTo(1 - 20 / 512, 12);
  });

  it.each([
    [[1, NaN, 3], 'summarize: value 1 is NaN; every value must be a finite number'],
    [[Infinity], 'summarize: value 0 is Infinity; every value must be a finite number'],
  ])('rejects %j', (values, message) => {
    expect(() => summarize(values)).toThrow(message);
  });

  it('summarises 200,000 values without spreading them into a call', () => {
    const values = Array.from({ length: 200_000 }, (_, i) => 1000 + (i % 997));
    expect(summarize(values)).toMatchObject({ n: 200_000, min: 1000, max: 1996 });
  });

  it('gives one value the degenerate interval [x, x]', () => {
    expect(summarize([7])).toMatchObject({ ciLow: 7, ciHigh: 7, outliers: [] });
  });

  it('does not sort the caller’s array', () => {
    const values = [3, 1, 2];
    summarize(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('rejects an empty sample', () => {
    expect(() => summarize([])).toThrow('summarize needs at least one value');
  });
});

describe('outliers (modified Z-score, Iglewicz & Hoaglin 1993)', () => {
  it('flags a slow build with the round it happened in, and keeps it in the summary', () => {
    const values = [10, 12, 11, 13, 100];
    const s = summarize(values, { rounds: [0, 1, 2, 3, 4] });
    // median 12, MAD 1: M = 0.6745 · (100 − 12) / 1 = 59.356
    expect(s.outliers).toEqual([{ round: 4, value: 100, z: expect.closeTo(59.356, 3) }]);
    expect(s.max).toBe(100);
    expect(s.n).toBe(5);
  });

  it.each([
    { name: 'nothing beyond 3.5', values: [10, 11, 12, 13, 14], rounds: [0, 1, 2, 3, 4], expected: [] },
    // median 12, MAD 2: 20 → 0.6745·8/2 = 2.698 (kept), 25 → 4.384 (flagged)
    { name: 'just past the threshold', values: [10, 12, 14, 25, 11, 13, 10], rounds: [3, 4, 5, 6, 7, 8, 9], expected: [{ round: 6, value: 25 }] },
    { name: 'nothing in three samples, however uneven', values: [68.5, 68.8, 70.7], rounds: [1, 2, 3], expected: [] },
    { name: 'a fast outlier too', values: [1, 50, 51, 52, 49, 50], rounds: [0, 1, 2, 3, 4, 5], expected: [{ round: 0, value: 1 }] },
    { name: 'identical values', values: [5, 5, 5, 5], rounds: [0, 1, 2, 3], expected: [] },
    { name: 'warm-up rounds are negative', values: [10, 10.5, 11, 10.2, 30], rounds: [-2, -1, 0, 1, 2], expected: [{ round: 2, value: 30 }] },
  ])('$name', ({ values, rounds, expected }) => {
    expect(findOutliers(values, rounds).map(({ round, value }) => ({ round, value }))).toEqual(expected);
  });

  it('falls back to the mean absolute deviation when the MAD is 0', () => {
    // median 5, MAD 0; mean |x − 5| = 20/6; M(25) = 20 / (1.253314 · 20/6) = 4.787
    expect(modifiedZScores([5, 5, 5, 5, 5, 25])[5]).toBeCloseTo(4.787, 3);
    expect(findOutliers([5, 5, 5, 5, 5, 25])).toEqual([{ round: 5, value: 25, z: expect.closeTo(4.787, 3) }]);
  });

  it('rejects rounds that do not match the values', () => {
    expect(() => findOutliers([1, 2, 3], [0, 1])).toThrow('findOutliers: 3 values but 2 rounds');
  });
});
