// summary.md: the decision tables of report.html's first screen, in the same order, for a pull request or
// $GITHUB_STEP_SUMMARY, per scenario, with links to the PNG charts. Strings were cleaned of escape sequences
// and controls when the model was built; here they are escaped for GitHub-flavoured Markdown, where a name could otherwise open a table cell, a code
// span, a link or an HTML tag.
import { join } from 'node:path';
import { buildCharts } from './charts.ts';
import { comparisonCells, comparisonLegend } from '../compare/format-table.ts';
import type { AgainstModel, ReportModel, ScenarioModel } from './model.ts';
import type { BudgetCheck } from '../compare/index.ts';
import { cleanLine } from '../common/clean-text.ts';
import type { Reporter } from './reporter.ts';
import { buildDecisions, DECISION_COLUMNS, type AlsoTable, type DecisionCell } from './decision.ts';
import { writeFileAtomic } from '../common/write-atomic.ts';
import { buildShippedApps, SHIPPED_COLUMNS, type ShippedTable } from './shipped-app.ts';

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Text that GFM shows as itself: HTML as entities, Markdown punctuation backslash-escaped, one line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[&<>]/g, (c) => HTML_ENTITIES[c]!)
    .replace(/[\\`*_[\]~|#!]/g, '\\$&')
    .replace(/\s*\n\s*/g, ' ');
}

const md = escapeMarkdown;

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(md).join(' | ')} |`)];
}

const MARK: Record<string, string> = { good: '▼', bad: '▲', same: '=', undecided: '?', baseline: '' };

/** "2.74 s 1.24× ▲ slower ★" — the decision cell as one Markdown cell, the mark in a symbol and a word. */
function decisionCell(c: DecisionCell): string {
  const mark = c.mark && c.tone !== 'baseline' ? `${MARK[c.tone ?? ''] ?? ''} ${c.mark}`.trim() : c.mark;
  return [c.value, c.ratio, mark, c.winner ? '★ best' : ''].filter(Boolean).join(' ');
}

/**
 * The other compared metrics (CPU, peak RSS, debug info …) in one line under the decision table, so a pull
 * request comment stays short: "Also against the baseline: pex — CPU user+system 12 s (0.20× the baseline,
 * faster); …". In prose the ratio is said to be the baseline's multiple: "12 s 0.20× faster" read as a slip.
 */
function alsoLine(also: AlsoTable): string {
  const figure = (c: AlsoTable['rows'][number]['cells'][number]) => {
    const said = [c.ratio ? `${c.ratio} the baseline` : '', c.mark].filter(Boolean).join(', ');
    return said ? `${c.value} (${said})` : c.value;
  };
  const variants = also.rows
    .filter((r) => !r.baseline)
    .map((r) => `${r.name} — ${r.cells.flatMap((c, i) => (c.ratio || c.mark ? [`${also.columns[i]} ${figure(c)}`] : [])).join(', ')}`);
  return `Also against the baseline: ${variants.join('; ')}.`;
}

function scenarioSection(sc: ScenarioModel): string[] {
  const lines = [`## ${md(sc.name)}`, ''];
  const { tables, footnotes } = buildDecisions(sc);
  for (const t of tables) {
    const rows = t.rows.map((r) => [
      `${r.name}${r.baseline ? ' (baseline)' : ''}${r.footnote ? `${r.flagged ? ` — ${r.status}` : ''} [${r.footnote}]` : ''}`,
      ...r.cells.map(decisionCell),
    ]);
    const also = t.also ? [md(alsoLine(t.also))] : [];
    lines.push(`**${md(t.title)}**`, '', ...table(['Variant', ...DECISION_COLUMNS], rows), '', ...t.sentences.map(md), ...also, ...t.notes.map((n) => `- ${md(n)}`), '');
  }
  for (const f of footnotes) lines.push(`${f.n}. ${md(f.text)}`);
  if (footnotes.length > 0) lines.push('');
  const legend = comparisonLegend(sc.comparisons);
  if (legend.length > 0) lines.push(...legend.map((l) => `_${md(l)}_`), '');
  const charts = buildCharts(sc).map((c) => `[${c.id}](charts/${sc.slug}-${c.id}.png)`);
  if (charts.length > 0) lines.push(`Charts: ${charts.join(' · ')}`, '');
  return lines;
}

/** "Shipped app": per packager, the pipeline to the installable package and how the package behaves. */
function shippedSection(t: ShippedTable): string[] {
  const rows = t.rows.map((r) => [
    `${r.name}${r.baseline ? ' (baseline)' : ''}${r.flagged ? ` — ${r.status}` : ''}`,
    ...r.cells.map(decisionCell),
  ]);
  const notes = t.rows.filter((r) => r.flagged && r.note).map((r) => `- ${md(r.name)}: ${md(r.note!)}`);
  return [
    `## Shipped app: ${md(t.scenario)} (${md(t.cache)} builds)`,
    '',
    ...table(['Packager', ...SHIPPED_COLUMNS], rows),
    '',
    '_Pipeline = sidecar build + app build (medians); its verdict compares whole pipelines. Sizes are exact. Time to ready: first launch of the unpacked package until its window shows and the sidecar answers._',
    '',
    ...t.sentences.map(md),
    ...(notes.length > 0 ? ['', ...notes] : []),
    '',
  ];
}

/** The run against earlier results: the same rows as `buildbench compare`, and the regressions. */
function againstSection(a: AgainstModel): string[] {
  const lines = [`## ${md(cleanLine(a.title))}`, ''];
  if (a.comparisons.length === 0) return [...lines, 'No variant of this run was found in the earlier results.', ''];
  const { header, rows } = comparisonCells(a.comparisons);
  lines.push(...table(header, rows.map((r) => r.map((cell) => cleanLine(cell)))), '', ...comparisonLegend(a.comparisons).map((l) => `_${md(l)}_`), '');
  const regressions = a.regressions.map((id) => md(cleanLine(id)));
  lines.push(
    regressions.length > 0
      ? `**${regressions.length === 1 ? 'Regression' : `${regressions.length} regressions`}** (slower by more than ${a.thresholdPct}%): ${regressions.join(', ')}`
      : `No regression: no variant is slower by more than ${a.thresholdPct}%.`,
    '',
  );
  for (const k of a.acknowledged ?? []) {
    lines.push(`**Acknowledged** (does not fail until ${md(k.until)}): ${md(cleanLine(k.variant))} ${md(k.metric)} ${k.ratio.toFixed(2)}× — ${md(cleanLine(k.why))}`, '');
  }
  for (const note of a.notes ?? []) lines.push(`_${md(cleanLine(note))}_`, '');
  return lines;
}

/** The scenarios' budgets: every limit with its figure, the breaches first. */
function budgetSection(checks: readonly BudgetCheck[]): string[] {
  const over = checks.filter((c) => c.over);
  const rows = [...over, ...checks.filter((c) => !c.over)].map((c) => [cleanLine(c.variant), c.text, c.over ? 'OVER BUDGET' : 'within']);
  return [
    '## Budgets',
    '',
    ...table(['Variant', 'Figure and limit', ''], rows),
    '',
    over.length > 0 ? `**${over.length === 1 ? 'A budget is' : `${over.length} budgets are`} exceeded**: the run fails.` : 'Every variant is within its budget.',
    '',
  ];
}

/** summary.md for `model`: the decision tables per scenario, the comparisons with earlier runs, GFM-escaped; never throws. */
export function renderMarkdown(model: ReportModel): string {
  const runs = model.sources.flatMap((s) => [
    `- ${md(s.runId)} on ${md(s.hostname)}, ${md(s.startedAt)}${s.interrupted ? ' — **interrupted**' : ''}`,
    ...(s.config.stopReason ? [`  - stopped: ${md(s.config.stopReason)}`] : []),
    ...(s.busyBuilds ? [`  - busy machine: ${md(s.busyBuilds)}`] : []),
    ...s.leftOut.map((l) => `  - not measured (${md(l.why)}): ${md(l.ids)}`),
    ...(s.primed ? [`  - ${md(s.primed)}`] : []),
  ]);
  const body = model.scenarios.length > 0 ? model.scenarios.flatMap(scenarioSection) : ['The results hold no scenario.', ''];
  const shipped = buildShippedApps(model).flatMap(shippedSection);
  const against = (model.against ?? []).flatMap(againstSection);
  const budgets = model.budgets ? budgetSection(model.budgets) : [];
  return [`# ${md(model.title)}`, '', ...runs, '', ...body, ...shipped, ...budgets, ...against, 'Full report with every number: `report.html`.', ''].join('\n');
}

export const markdownReporter: Reporter = {
  name: 'markdown',
  async render(model, outDir) {
    return [await writeFileAtomic(join(outDir, 'summary.md'), renderMarkdown(model))];
  },
};
