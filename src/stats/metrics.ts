// Which numbers of a sample are metrics, how to read them, and the per-variant summaries.
import type { RunSample, Summary, VariantResult } from '../results/schema.ts';
import { summarize } from './summarize.ts';

/** Metrics read from every sample; cpuMs is userMs + sysMs. */
export const METRICS = ['wallMs', 'userMs', 'sysMs', 'cpuMs', 'maxRssKb', 'treeRssKb'] as const;
export type MetricName = (typeof METRICS)[number];

/** Metrics read from the start-up launches (StartupInfo.launches), one per launch state. */
export const STARTUP_METRICS = { startupFirstMs: 'first', startupWarmMs: 'warm' } as const;
type StartupMetric = keyof typeof STARTUP_METRICS;
const isStartupMetric = (metric: string): metric is StartupMetric => Object.hasOwn(STARTUP_METRICS, metric);

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

/**
 * The values of one metric over a variant's successful samples, with the round each came from; a start-up
 * metric reads the launches of its state instead (a launch is recorded only when it became ready).
 */
export function metricValues(variant: Pick<VariantResult, 'samples'> & Partial<Pick<VariantResult, 'startup'>>, metric: string): { values: number[]; rounds: number[] } {
  if (isStartupMetric(metric)) {
    const launches = (variant.startup?.launches ?? []).filter((l) => l.state === STARTUP_METRICS[metric]);
    return { values: launches.map((l) => l.ms), rounds: launches.map((l) => l.round) };
  }
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
export function summarizeVariant(variant: VariantResult): Record<string, Summary> {
  const stats: Record<string, Summary> = {};
  for (const metric of [...METRICS, ...Object.keys(STARTUP_METRICS)]) {
    const { values, rounds } = metricValues(variant, metric);
    if (values.length > 0) stats[metric] = summarize(values, { rounds });
  }
  return stats;
}
