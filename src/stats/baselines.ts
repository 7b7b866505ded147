// Within one run: every scenario's baseline variant against each other variant of the same scenario, cache
// state and git ref.
import type { Comparison, VariantResult } from '../results/schema.ts';
import { compareSamples } from './compare-samples.ts';
import { METRICS } from '../results/metrics.ts';
import { metricValues } from './metrics.ts';

export interface BaselineOptions {
  noisePct?: number;
  alpha?: number;
  /** Metrics compared besides wallMs. */
  metrics?: string[];
}

/** One metric of `variant` against `baseline`; null when either side has no data or a value ≤ 0 (no ratio of logs). */
export function compareVariants(opts: BaselineOptions & { baseline: VariantResult; variant: VariantResult; metric: string }): Comparison | null {
  const base = metricValues(opts.baseline, opts.metric).values;
  const vari = metricValues(opts.variant, opts.metric).values;
  if (base.length === 0 || vari.length === 0 || base.some((x) => x <= 0) || vari.some((x) => x <= 0)) return null;
  const numbers = compareSamples({ baseline: base, variant: vari, noisePct: opts.noisePct, alpha: opts.alpha });
  return { scenario: opts.variant.scenario, metric: opts.metric, baseline: opts.baseline.id, variant: opts.variant.id, ...numbers };
}

/** The metrics a user decides on in registry order (wallMs, start-up first and warm launch; each compared when both sides have data), then any other requested metric once. */
export function metricsToCompare(extra: readonly string[] = []): string[] {
  return [...new Set([...METRICS.filter((m) => m.decides).map((m) => m.name), ...extra])];
}

export function compareWithBaselines(variants: VariantResult[], opts: BaselineOptions = {}): Comparison[] {
  const groups = new Map<string, VariantResult[]>();
  for (const v of variants) {
    const key = JSON.stringify([v.scenario, v.cache, v.ref ?? null]);
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  const comparisons: Comparison[] = [];
  for (const group of groups.values()) {
    const baseline = group.find((v) => v.baseline && v.status === 'ok');
    if (!baseline) continue;
    for (const variant of group) {
      if (variant === baseline || variant.status !== 'ok') continue;
      for (const metric of metricsToCompare(opts.metrics)) {
        const c = compareVariants({ ...opts, baseline, variant, metric });
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
    for (const metric of metricsToCompare(opts.metrics)) {
      const c = compareVariants({ ...opts, baseline, variant, metric });
      if (c) comparisons.push(c);
    }
  }
  return comparisons;
}
