// How a variant stands against the baseline of its cache state, in words, for the detailed tables: the
// comparison the statistics stage recorded, or a plain ratio where only one measurement exists.
import type { ScenarioModel, VariantModel } from './model.ts';
import { findMetric } from '../results/metrics.ts';
import { describeComparison, describePlainRatio } from './wording.ts';

/** How a variant stands against the baseline of its cache state (and run) on one metric, in words. */
export function compareWithBaseline(o: {
  scenario: ScenarioModel;
  v: VariantModel;
  metric: string;
  value: (v: VariantModel) => number | undefined;
}): string {
  if (o.v.baseline) return 'the baseline';
  const recorded = o.scenario.comparisons.find((c) => c.variant === o.v.key && c.metric === o.metric);
  if (recorded) return `${describeComparison(recorded)} vs ${recorded.baseline}`;
  const base = o.scenario.variants.find((b) => b.baseline && b.cache === o.v.cache && b.source === o.v.source);
  if (!base) return 'no baseline in this cache state';
  // A metric without a summary was measured once (artifact bytes, a single launch): a plain ratio says
  // all there is, and says that it has no interval.
  const [mine, theirs] = [o.value(o.v), o.value(base)];
  if (o.v.stats[o.metric] === undefined && mine !== undefined && theirs) {
    const note = findMetric(o.metric)?.kind === 'single' ? '' : ' (one measurement each, no CI)';
    return `${describePlainRatio(o.metric, mine / theirs)} than ${base.key}${note}`;
  }
  return 'no comparison with the baseline recorded';
}
