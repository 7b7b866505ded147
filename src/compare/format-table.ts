// Comparisons as a plain-text table for the terminal: no colours, so it survives logs and CI summaries.
import type { Comparison } from '../results/schema.ts';
import { formatFactor, formatP, verdictWord } from '../stats/format.ts';

function verdictCell(c: Comparison): string {
  const word = verdictWord(c.verdict, c.metric);
  return c.runsNeeded === undefined ? word : `${word} (~${c.runsNeeded} runs)`;
}

/** The cells of a comparison table, shared by the terminal table and summary.md. */
export function comparisonCells(comparisons: Comparison[]): { header: string[]; rows: string[][] } {
  const showMetric = new Set(comparisons.map((c) => c.metric)).size > 1;
  const header = ['variant', 'baseline', ...(showMetric ? ['metric'] : []), 'ratio [95% CI]', 'p', 'verdict'];
  const rows = comparisons.map((c) => [
    c.variant,
    c.baseline === c.variant ? '(same id)' : c.baseline,
    ...(showMetric ? [c.metric] : []),
    `${formatFactor(c.ratio)}× [${formatFactor(c.ciLow)}–${formatFactor(c.ciHigh)}]`,
    formatP(c.pValue).replace(/^p = |^p /, ''), // "< 0.001" or "0.21"
    verdictCell(c),
  ]);
  return { header, rows };
}

/**
 * variant | baseline | [metric] | ratio [CI] | p | verdict. The metric column appears only when more than one
 * metric is listed; the ratio is always median(variant) / median(baseline), so < 1 is faster or smaller.
 */
export function formatComparisonTable(comparisons: Comparison[]): string {
  if (comparisons.length === 0) return 'no comparisons';
  const { header, rows } = comparisonCells(comparisons);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
