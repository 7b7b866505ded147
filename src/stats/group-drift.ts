// Drift per group of a run (scenario × cache state × ref) and metric, and the comparison the pairing rule
// chooses for it: the glue between drift.ts and the baselines.
import { findMetric, METRICS } from '../results/metrics.ts';
import type { Drift, SampledComparison, VariantResult } from '../results/schema.ts';
import { comparePaired, type RoundPair } from './compare-paired.ts';
import { compareSamples, type SampleComparison } from './compare-samples.ts';
import { MIN_PAIRS, estimateDrift, isTrending } from './drift.ts';
import { metricValues } from './metrics.ts';
import { changeRound } from './modes.ts';

/** The metrics whose drift is estimated and whose comparisons may be paired: sampled ones a user decides on (build time, start-up, pipeline). */
export const DRIFT_METRICS: readonly string[] = METRICS.filter((m) => m.kind === 'sampled' && m.compared && m.decides).map((m) => m.name);

/** Key of a variant's group: its scenario, cache state and ref. */
export const groupKey = (v: { scenario: string; cache: string; ref?: string }) => JSON.stringify([v.scenario, v.cache, v.ref ?? null]);

/** The ok variants of `variants` by group, in first-seen order. */
export function groupVariants(variants: readonly VariantResult[]): VariantResult[][] {
  const groups = new Map<string, VariantResult[]>();
  for (const v of variants) groups.set(groupKey(v), [...(groups.get(groupKey(v)) ?? []), v]);
  return [...groups.values()];
}

/** The drift of every group of ok variants and every DRIFT_METRICS metric that has one (two variants and three shared rounds at least). */
export function estimateGroupDrift(variants: readonly VariantResult[]): Drift[] {
  const out: Drift[] = [];
  for (const group of groupVariants(variants.filter((v) => v.status === 'ok'))) {
    for (const metric of DRIFT_METRICS) {
      const series = group.map((v) => ({ id: v.id, ...metricValues(v, metric) })).filter((s) => s.values.every((x) => x > 0));
      const estimate = estimateDrift(series);
      if (!estimate) continue;
      const { scenario, cache, ref } = group[0]!;
      out.push({ scenario, cache, ...(ref === undefined ? {} : { ref }), metric, ...estimate });
    }
  }
  return out;
}

/** The drift record of `v`'s group for `metric`, if any. */
export function driftFor(drift: readonly Drift[] | undefined, v: VariantResult, metric: string): Drift | undefined {
  return drift?.find((d) => d.metric === metric && groupKey(d) === groupKey(v));
}

/** The rounds in which both built, each with its two values (a round measured twice keeps its first). */
export function roundPairs(baseline: VariantResult, variant: VariantResult, metric: string): RoundPair[] {
  const first = (v: VariantResult) => {
    const { values, rounds } = metricValues(v, metric);
    const byRound = new Map<number, number>();
    rounds.forEach((r, i) => byRound.has(r) || byRound.set(r, values[i]!));
    return byRound;
  };
  const b = first(baseline);
  const v = first(variant);
  return [...b].filter(([r]) => v.has(r)).map(([round, value]) => ({ round, baseline: value, variant: v.get(round)! }));
}

/**
 * One sampled metric of `variant` against `baseline` by the analysis the rule chose: paired when the group's
 * drift says so and they share ≥ MIN_PAIRS rounds, else independent. A trending drift replaces the runs
 * estimate of an undecided comparison by the trend's p.
 */
export function compareByRule(opts: {
  baseline: VariantResult;
  variant: VariantResult;
  metric: string;
  drift?: Drift;
  noisePct?: number;
  alpha?: number;
}): SampleComparison {
  const { baseline, variant, metric, drift } = opts;
  const stats = { noisePct: opts.noisePct, alpha: opts.alpha };
  const pairs = findMetric(metric)?.kind === 'sampled' ? roundPairs(baseline, variant, metric) : [];
  let c: SampleComparison;
  if (drift?.paired && pairs.length >= MIN_PAIRS) c = comparePaired({ pairs, ...stats });
  else {
    c = compareSamples({ baseline: metricValues(baseline, metric).values, variant: metricValues(variant, metric).values, ...stats });
    if (drift) Object.assign(c, { analysis: 'independent', pairs: pairs.length } satisfies Partial<SampledComparison>);
  }
  if (drift && isTrending(drift) && c.verdict === 'inconclusive') {
    delete c.runsNeeded;
    c.trendP = drift.trendP;
  }
  // One of the two changed during the run (its builds fell in two periods): more of the same runs would not decide.
  const changedAt =
    c.verdict === 'inconclusive' && c.trendP === undefined
      ? [variant, baseline].map((v) => metricValues(v, metric)).map((m) => changeRound(m.values, m.rounds)).find((r) => r !== undefined)
      : undefined;
  if (changedAt !== undefined) {
    delete c.runsNeeded;
    c.changedAt = changedAt;
  }
  return c;
}
