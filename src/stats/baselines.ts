// Within one run: every scenario's baseline variant against each other variant of the same scenario, cache
// state and git ref.
import type { Comparison, Drift, VariantResult } from '../results/schema.ts';
import { compareSamples } from './compare-samples.ts';
import { DRIFT_METRICS, compareByRule, driftFor, groupVariants } from './group-drift.ts';
import { findMetric, METRICS } from '../results/metrics.ts';
import { compareExact } from './compare-exact.ts';
import { metricValues } from './metrics.ts';

export interface BaselineOptions {
  /** Sampled differences within ±noisePct % are "no difference" (percent; default 2). */
  noisePct?: number;
  /** Significance level of the sampled comparisons (default 0.05). */
  alpha?: number;
  /** The run's drift records (estimateGroupDrift): where given, the pairing rule chooses each build-time and start-up comparison's analysis. */
  drift?: readonly Drift[];
  /**
   * compareWithBaselines: α of the metrics whose samples were looked at for an early stop, in place of `alpha`
   * (the last look's share, lookLevels().finalAlpha: start-up when the launch rounds stop once decided).
   */
  metricAlpha?: Readonly<Record<string, number>>;
}

/**
 * One metric of `variant` against `baseline`, by the registry's kind: a sampled metric by compareSamples
 * (Hodges–Lehmann ratio, Moses interval, exact Mann-Whitney p) — or by round pairs when `drift` holds the
 * group's record and its rule says so (compareByRule) — a one-value metric by compareExact. Null
 * when either side has no data or a value ≤ 0 (no ratio of logs), or the registry does not know `metric`.
 */
export function compareVariants(opts: BaselineOptions & { baseline: VariantResult; variant: VariantResult; metric: string }): Comparison | null {
  const ids = { scenario: opts.variant.scenario, metric: opts.metric, baseline: opts.baseline.id, variant: opts.variant.id };
  const m = findMetric(opts.metric);
  if (m?.kind === 'single') {
    const [base, vari] = [m.read(opts.baseline), m.read(opts.variant)];
    const numbers = base === undefined || vari === undefined ? null : compareExact({ baseline: base, variant: vari });
    return numbers && { ...ids, ...numbers };
  }
  const base = metricValues(opts.baseline, opts.metric).values;
  const vari = metricValues(opts.variant, opts.metric).values;
  if (base.length === 0 || vari.length === 0 || base.some((x) => x <= 0) || vari.some((x) => x <= 0)) return null;
  const drift = opts.drift && DRIFT_METRICS.includes(opts.metric) ? driftFor(opts.drift, opts.variant, opts.metric) : undefined;
  if (drift) return { ...ids, ...compareByRule({ ...opts, drift }) };
  return { ...ids, ...compareSamples({ baseline: base, variant: vari, noisePct: opts.noisePct, alpha: opts.alpha }) };
}

/** Every metric the registry compares, in registry order (build time first; each compared when both sides have data). */
export function metricsToCompare(): string[] {
  return METRICS.filter((m) => m.compared).map((m) => m.name);
}

/**
 * Every ok variant against the ok baseline of its scenario, cache state and git ref, on every compared
 * metric; a group without an ok baseline compares nothing. Order: group, then variant, then metric.
 */
export function compareWithBaselines(variants: VariantResult[], opts: BaselineOptions = {}): Comparison[] {
  const comparisons: Comparison[] = [];
  for (const group of groupVariants(variants)) {
    const baseline = group.find((v) => v.baseline && v.status === 'ok');
    if (!baseline) continue;
    for (const variant of group) {
      if (variant === baseline || variant.status !== 'ok') continue;
      for (const metric of metricsToCompare()) {
        const c = compareVariants({ ...opts, alpha: opts.metricAlpha?.[metric] ?? opts.alpha, baseline, variant, metric });
        if (c) comparisons.push(c);
      }
    }
  }
  return comparisons;
}

/**
 * `run --ref A --ref B …`: the same variant built at each later ref against the first ref, which is the
 * baseline of a commit-to-commit comparison (the question is "did this change make the build slower?").
 * `refs` is in the order given on the command line.
 */
export function compareAcrossRefs(variants: VariantResult[], opts: BaselineOptions & { refs: readonly string[] }): Comparison[] {
  const [first, ...later] = opts.refs;
  if (first === undefined) return [];
  const key = (v: VariantResult) => JSON.stringify([v.scenario, v.variant, v.cache]);
  const atFirst = new Map(variants.filter((v) => v.ref === first && v.status === 'ok').map((v) => [key(v), v]));
  const comparisons: Comparison[] = [];
  for (const variant of variants) {
    if (variant.status !== 'ok' || variant.ref === undefined || !later.includes(variant.ref)) continue;
    const baseline = atFirst.get(key(variant));
    if (!baseline) continue;
    for (const metric of metricsToCompare()) {
      const c = compareVariants({ ...opts, drift: undefined, baseline, variant, metric }); // refs are not one group's rounds: never paired
      if (c) comparisons.push(c);
    }
  }
  return comparisons;
}
