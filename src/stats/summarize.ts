// The Summary of one metric of one variant (schema: src/results/schema.ts, SummarySchema).
import type { Summary } from '../results/schema.ts';
import { checkValues } from './check-values.ts';
import { mean, medianAbsoluteDeviation, medianOfSorted, sortAscending, standardDeviation } from './descriptive.ts';
import { medianIntervalOfSorted } from './median-ci.ts';
import { findOutliers } from './outliers.ts';

export interface SummarizeOptions {
  /** Round of each value, so an outlier can be traced to the build that produced it. */
  rounds?: number[];
}

/** Descriptive statistics and the order-statistic 95% interval of the median. Throws a RangeError on no values or a non-finite one. */
export function summarize(values: number[], opts: SummarizeOptions = {}): Summary {
  if (values.length === 0) throw new RangeError('summarize needs at least one value');
  checkValues(values, { what: 'summarize' });
  const sorted = sortAscending(values);
  const m = mean(values);
  const sd = standardDeviation(values);
  const ci = medianIntervalOfSorted(sorted, 0.95);
  return {
    n: values.length,
    mean: m,
    median: medianOfSorted(sorted),
    sd,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    mad: medianAbsoluteDeviation(values),
    cv: m === 0 ? 0 : sd / m, // all-zero samples (e.g. an empty metric) have no spread to speak of
    ciLow: ci.low,
    ciHigh: ci.high,
    ciConfidence: ci.confidence,
    outliers: findOutliers(values, opts.rounds),
  };
}
