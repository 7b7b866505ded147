// The Summary of one metric of one variant (schema: src/results/schema.ts, SummarySchema).
import type { Summary } from '../results/schema.ts';
import { bootstrapMedianCi } from './bootstrap.ts';
import { mean, median, medianAbsoluteDeviation, standardDeviation } from './descriptive.ts';
import { findOutliers } from './outliers.ts';
import { createRng } from './random.ts';

/** Seed of every bootstrap unless the caller picks one: the same samples always give the same interval. */
export const DEFAULT_SEED = 0x5eed;

export interface SummarizeOptions {
  /** Round of each value, so an outlier can be traced to the build that produced it. */
  rounds?: number[];
  seed?: number;
  /** Bootstrap resamples (DEFAULT_RESAMPLES when not given). */
  resamples?: number;
}

export function summarize(values: number[], opts: SummarizeOptions = {}): Summary {
  if (values.length === 0) throw new RangeError('summarize needs at least one value');
  const m = mean(values);
  const sd = standardDeviation(values);
  const ci = bootstrapMedianCi(values, { rng: createRng(opts.seed ?? DEFAULT_SEED), resamples: opts.resamples });
  return {
    n: values.length,
    mean: m,
    median: median(values),
    sd,
    min: Math.min(...values),
    max: Math.max(...values),
    mad: medianAbsoluteDeviation(values),
    cv: m === 0 ? 0 : sd / m, // all-zero samples (e.g. an empty metric) have no spread to speak of
    ciLow: ci.low,
    ciHigh: ci.high,
    outliers: findOutliers(values, opts.rounds),
  };
}
