// A variant against its own budget (`budget:` in the scenario file): an absolute limit, checked on every run
// whatever the baseline. A sampled metric is judged by its median (the typical build, which one slow build
// does not move), a one-value metric (a size) by its value; a variant that was not measured is not judged.
import type { VariantResult } from '../results/schema.ts';
import { findMetric } from '../results/metrics.ts';
import { formatValue } from '../results/units.ts';
import { median } from '../stats/descriptive.ts';
import { metricValues } from '../stats/metrics.ts';

/** One limit of one variant, judged: `value` in the metric's unit (the median for a sampled metric). */
export interface BudgetCheck {
  variant: string;
  metric: string;
  limit: number;
  value: number;
  over: boolean;
  /** "build time 92.1 s (median of 10) > budget 90 s". */
  text: string;
}

/**
 * Every limit of every variant of `variants` that has a budget in `budgets` (variant id → metric → limit) and
 * a figure for it. Order: variants as given, limits in registry order. Never throws.
 */
export function checkBudgets(variants: readonly VariantResult[], budgets: ReadonlyMap<string, Partial<Record<string, number>>>): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  for (const v of variants) {
    const budget = budgets.get(v.id);
    if (!budget || v.status !== 'ok') continue;
    for (const [metric, limit] of Object.entries(budget)) {
      const m = findMetric(metric);
      if (!m || limit === undefined) continue;
      const values = m.kind === 'sampled' ? metricValues(v, metric).values : [m.read(v)].filter((x): x is number => x !== undefined);
      if (values.length === 0) continue;
      const value = m.kind === 'sampled' ? median(values) : values[0]!;
      const over = value > limit;
      const figure = `${m.label} ${formatValue(m.unit, value)}${m.kind === 'sampled' ? ` (median of ${values.length})` : ''}`;
      checks.push({ variant: v.id, metric, limit, value, over, text: `${figure} ${over ? '>' : '≤'} budget ${formatValue(m.unit, limit)}` });
    }
  }
  return checks;
}
