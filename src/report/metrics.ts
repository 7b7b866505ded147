// The value the report shows for a metric of a variant: the statistics stage's median when it summarised
// samples, else the single value recorded (artifact bytes are one deterministic number; a file from before
// launches were kept has one start-up figure). Which metrics exist, and their units, is the registry's
// (src/results/metrics.ts).
import { findMetric } from '../results/metrics.ts';
import type { ScenarioModel, VariantModel } from './model.ts';

/** The shown value of metric `name` of `v`, in the metric's unit; undefined when it has none or the registry does not know `name`. */
export function shownValue(v: VariantModel, name: string): number | undefined {
  const median = v.stats[name]?.median;
  if (median !== undefined) return median;
  const m = findMetric(name);
  if (!m) return undefined;
  return m.kind === 'single' ? m.read(v) : m.recorded?.(v);
}

/** A reader of one metric's shown value, for the tables and charts that take a function. */
export const valueOf = (name: string) => (v: VariantModel) => shownValue(v, name);

/** Cache states in the order they first appear in the scenario. */
export function cacheStates(scenario: ScenarioModel): string[] {
  return [...new Set(scenario.variants.map((v) => v.cache))];
}
