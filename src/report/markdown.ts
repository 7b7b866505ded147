// summary.md: the verdict table for a pull request or $GITHUB_STEP_SUMMARY, per scenario, with links to
// the PNG charts. Strings were cleaned of escape sequences and controls when the model was built; here
// they are escaped for GitHub-flavoured Markdown, where a name could otherwise open a table cell, a code
// span, a link or an HTML tag.
import { join } from 'node:path';
import { buildCharts } from './charts.ts';
import { comparisonCells, comparisonLegend } from '../compare/format-table.ts';
import type { AgainstModel, ReportModel, ScenarioModel } from './model.ts';
import { cleanLine } from './text.ts';
import type { Reporter } from './reporter.ts';
import { variantRows } from './tables.ts';
import { buildVerdicts } from './verdict.ts';
import { writeFileAtomic } from './write-file.ts';

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

function scenarioSection(sc: ScenarioModel): string[] {
  const lines = [`## ${md(sc.name)}`, ''];
  if (sc.description) lines.push(md(sc.description), '');
  for (const paragraph of sc.recommendations) lines.push(md(paragraph), '');
  const rows = variantRows(sc).map((r) => [
    r.baseline ? `${r.key} (baseline)` : r.key,
    r.cache,
    r.wall,
    r.status === 'ok' && r.baseline ? 'baseline' : r.versus,
    r.artifact,
    `${r.startupFirst} / ${r.startupWarm}`,
  ]);
  lines.push(...table(['Variant', 'Cache', 'Median build [95% CI]', 'vs baseline', 'Artifact', 'Start-up first / warm'], rows), '');
  for (const verdict of buildVerdicts(sc)) {
    for (const h of verdict.highlights) lines.push(`- **${md(h.label)} (${md(verdict.cache)}):** ${md(h.key)}, ${md(h.value)} — ${md(h.versus)}`);
    if (verdict.pareto.length > 0) lines.push(`- **Pareto-optimal (${md(verdict.cache)}):** ${verdict.pareto.map((p) => md(p.key)).join(', ')}`);
    for (const m of verdict.missing) lines.push(`- **No numbers:** ${md(m.key)} is ${md(m.status)} — ${md(m.reason)}`);
  }
  const charts = buildCharts(sc).map((c) => `[${c.id}](charts/${sc.slug}-${c.id}.png)`);
  if (charts.length > 0) lines.push('', `Charts: ${charts.join(' · ')}`);
  return [...lines, ''];
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
  return lines;
}

export function renderMarkdown(model: ReportModel): string {
  const runs = model.sources.flatMap((s) => [
    `- ${md(s.runId)} on ${md(s.hostname)}, ${md(s.startedAt)}${s.interrupted ? ' — **interrupted**' : ''}`,
    ...s.leftOut.map((l) => `  - not measured (${md(l.why)}): ${md(l.ids)}`),
  ]);
  const body = model.scenarios.length > 0 ? model.scenarios.flatMap(scenarioSection) : ['The results hold no scenario.', ''];
  const against = (model.against ?? []).flatMap(againstSection);
  return [`# ${md(model.title)}`, '', ...runs, '', ...body, ...against, 'Full report with every number: `report.html`.', ''].join('\n');
}

export const markdownReporter: Reporter = {
  name: 'markdown',
  async render(model, outDir) {
    return [await writeFileAtomic(join(outDir, 'summary.md'), renderMarkdown(model))];
  },
};
