// Which numbers of a sample are metrics, how to read them, and the per-variant summaries.
import type { RunSample, Summary, VariantResult } from '../results/schema.ts';
import { summarize } from './summarize.ts';

/** Metrics read from every sample; cpuMs is userMs + sysMs. */
export const METRICS = ['wallMs', 'userMs', 'sysMs', 'cpuMs', 'maxRssKb', 'treeRssKb'] as const;
export type MetricName = (typeof METRICS)[number];

function readMetric(sample: RunSample, metric: string): number | undefined {
  const value = metric === 'cpuMs' ? sample.userMs + sample.sysMs : (sample as unknown as Record<string, unknown>)[metric];
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  // No process runs in 0 KB: an RSS of 0 means it was not measured (no GNU time, no /proc sampling).
  if (metric.endsWith('RssKb') && value <= 0) return undefined;
  return value;
}

/** A sample counts when its build succeeded: exit code 0 and no time-out. */
export function isSuccessful(sample: RunSample): boolean {
  return sample.exitCode === 0 && sample.timedOut !== true;
}

/** The values of one metric over a variant's successful samples, with the round each came from. */
export function metricValues(variant: Pick<VariantResult, 'samples'>, metric: string): { values: number[]; rounds: number[] } {
  const values: number[] = [];
  const rounds: number[] = [];
  for (const sample of variant.samples) {
    if (!isSuccessful(sample)) continue;
    const value = readMetric(sample, metric);
    if (value === undefined) continue;
    values.push(value);
    rounds.push(sample.round);
  }
  return { values, rounds };
}

/** Summary of every metric that has data, keyed by metric name (the `stats` field of a VariantResult). */
export function summarizeVariant(variant: VariantResult, opts: { seed?: number } = {}): Record<string, Summary> {
  const stats: Record<string, Summary> = {};
  for (const metric of METRICS) {
    const { values, rounds } = metricValues(variant, metric);
    if (values.length > 0) stats[metric] = summarize(values, { rounds, seed: opts.seed });
  }
  return stats;
}
