// Verdict wording comes from one place, the statistics stage (src/stats/format.ts): the report, the terminal
// and compare say "1.32× faster [1.27–1.38], p < 0.001" the same way.
import type { Comparison } from '../results/schema.ts';
import { formatComparison, formatFactor, verdictWord } from '../stats/index.ts';

/** The full verdict a reader signs: "1.32× faster [1.27–1.38], p < 0.001". */
export function describeComparison(c: Comparison): string {
  return formatComparison(c, { metric: c.metric });
}

/** Words for a plain ratio of two single measurements (artifact bytes have no spread, so no CI). */
export function describePlainRatio(metric: string, ratio: number): string {
  if (!Number.isFinite(ratio)) return '';
  return ratio <= 1 ? `${formatFactor(1 / ratio)}× ${verdictWord('faster', metric)}` : `${formatFactor(ratio)}× ${verdictWord('slower', metric)}`;
}
