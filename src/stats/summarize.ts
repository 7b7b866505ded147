// The Summary of one metric of one variant (schema: src/results/schema.ts, SummarySchema).
import type { Outlier, Summary } from '../results/schema.ts';
import { checkValues } from './check-values.ts';
import { mean, medianAbsoluteDeviation, medianOfSorted, sortAscending, standardDeviation } from './descriptive.ts';
import { medianIntervalOfSorted } from './median-ci.ts';
import { findModes, withRounds } from './modes.ts';
import { findOutliers } from './outliers.ts';

export interface SummarizeOptions {
  /** Round of each value, so an outlier can be traced to the build that produced it. */
  rounds?: number[];
}

/** Descriptive statistics, the order-statistic 95% interval of the median and two modes when there are (stats/modes.ts). Throws a RangeError on no values or a non-finite one. */
export function summarize(values: number[], opts: SummarizeOptions = {}): Summary {
  if (values.length === 0) throw new RangeError('summarize needs at least one value');
  checkValues(values, { what: 'summarize' });
  const sorted = sortAscending(values);
  const m = mean(values);
  const sd = standardDeviation(values);
  const ci = medianIntervalOfSorted(sorted, 0.95);
  const found = findModes(values);
  const modes = found && opts.rounds ? withRounds(found, values, opts.rounds) : found;
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
    outliers: modes ? outliersWithinModes(values, modes[0].max, opts.rounds) : findOutliers(values, opts.rounds),
    ...(modes ? { modes } : {}),
  };
}

/** With two modes, a sample is an outlier only within its own group: the other group is not a stray build. */
function outliersWithinModes(values: readonly number[], lowMax: number, rounds: readonly number[] | undefined): Outlier[] {
  const roundOf = (i: number) => (rounds ? rounds[i]! : i);
  const groups = [values.flatMap((v, i) => (v <= lowMax ? [i] : [])), values.flatMap((v, i) => (v > lowMax ? [i] : []))];
  return groups
    .flatMap((idx) => findOutliers(idx.map((i) => values[i]!), idx.map(roundOf)))
    .sort((a, b) => a.round - b.round);
}
