// The values of a metric as the registry (src/results/metrics.ts) reads them, and the per-variant summaries.
import { findMetric, METRICS, type MetricSource, type MetricValues } from '../results/metrics.ts';
import type { Summary, VariantResult } from '../results/schema.ts';
import { summarize } from './summarize.ts';

export { isSuccessful } from '../results/metrics.ts';

/**
 * The values of a sampled metric (registry kind `sampled`) with the round each came from: a build metric
 * over the variant's successful samples, a start-up metric over the launches of its state. A metric the
 * registry does not hold, or one with a single value per variant, has no samples: empty arrays.
 */
export function metricValues(variant: MetricSource, metric: string): MetricValues {
  const m = findMetric(metric);
  return m?.kind === 'sampled' ? m.read(variant) : { values: [], rounds: [] };
}

/** Summary of every sampled metric that has data, keyed by metric name in registry order (the `stats` field of a VariantResult). */
export function summarizeVariant(variant: VariantResult): Record<string, Summary> {
  const stats: Record<string, Summary> = {};
  for (const m of METRICS) {
    if (m.kind !== 'sampled') continue;
    const { values, rounds } = m.read(variant);
    if (values.length > 0) stats[m.name] = summarize(values, { rounds });
  }
  return stats;
}
