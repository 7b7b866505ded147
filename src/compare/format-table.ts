// Comparisons as a plain-text table for the terminal: no colours, so it survives logs and CI summaries.
import { isExact } from '../results/comparison-schema.ts';
import type { Comparison } from '../results/schema.ts';
import { formatTable } from '../common/table.ts';
import { describeMethod, formatFactor, formatP, intervalName, verdictWord } from '../stats/format.ts';

function verdictCell(c: Comparison): string {
  const word = verdictWord(c.verdict, c.metric);
  if (isExact(c)) return `${c.verdict === 'no difference' ? 'same' : word} (exact)`;
  if (c.minRunsToDecide !== undefined && c.verdict === 'inconclusive') return `undecidable (needs ≥ ${c.minRunsToDecide} runs)`;
  if (c.trendP !== undefined) return `${word} (times trend through the run: more runs will not help)`;
  if (c.changedAt !== undefined) return `${word} (builds changed from round ${c.changedAt} on: more runs will not help)`;
  const paired = c.analysis === 'paired' ? ', paired' : '';
  return c.runsNeeded === undefined ? `${word}${paired ? ' (paired)' : ''}` : `${word} (~${c.runsNeeded} runs${paired})`;
}

/** The header and one row of text cells per comparison (ratio as `1.23× [low–high]`, p, verdict), shared by the terminal table and summary.md; cells are not yet cleaned for display. */
export function comparisonCells(comparisons: Comparison[]): { header: string[]; rows: string[][] } {
  const showMetric = new Set(comparisons.map((c) => c.metric)).size > 1;
  // One kind of interval names the column; a mix (e.g. too few runs for a 95% one) names it in each cell.
  const names = new Set(comparisons.map(intervalName));
  const shared = names.size === 1 ? [...names][0]! : undefined;
  const header = ['variant', 'baseline', ...(showMetric ? ['metric'] : []), `ratio [${shared ?? 'interval'}]`, 'p', 'verdict'];
  const rows = comparisons.map((c) => [
    c.variant,
    c.baseline === c.variant ? '(same id)' : c.baseline,
    ...(showMetric ? [c.metric] : []),
    isExact(c) ? `${formatFactor(c.ratio)}× (exact)` : `${formatFactor(c.ratio)}× [${formatFactor(c.ciLow)}–${formatFactor(c.ciHigh)}${shared ? '' : `, ${intervalName(c)}`}]`,
    isExact(c) ? '—' : formatP(c.pValue).replace(/^p = |^p /, ''), // "< 0.001" or "0.21"
    verdictCell(c),
  ]);
  return { header, rows };
}

/** The legend under a comparison table: one sentence per distinct method, naming its estimate, interval and test. */
export function comparisonLegend(comparisons: readonly Comparison[]): string[] {
  const kinds = new Set(comparisons.map((c) => `${c.method}\u0000${!isExact(c) && c.analysis === 'paired' ? 'paired' : 'independent'}`));
  return [...kinds].map((k) => {
    const [method, analysis] = k.split('\u0000') as [Comparison['method'], 'paired' | 'independent'];
    return describeMethod(method, analysis);
  });
}

/**
 * variant | baseline | [metric] | ratio [interval] | p | verdict, then the legend. The metric column appears
 * only when more than one metric is listed; the ratio is variant / baseline, so < 1 is faster or smaller.
 * Lines joined by `\n`, cells cleaned for a terminal (common/table.ts); `no comparisons` when the list is empty.
 */
export function formatComparisonTable(comparisons: Comparison[]): string {
  if (comparisons.length === 0) return 'no comparisons';
  const { header, rows } = comparisonCells(comparisons);
  return [formatTable(header, rows, { rule: '-' }), '', ...comparisonLegend(comparisons)].join('\n');
}
