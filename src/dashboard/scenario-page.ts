// The body of one scenario's page: on top each runner's newest run with its decision tables (report.html's own,
// report/decision-html.ts), then per metric the chart, its lines, its change points and its creeps; the chart
// data as JSON for the page script (assets/dashboard.js). Every string from the history goes through esc().
import { formatPct } from '../history/index.ts';
import { renderDecisionNote, renderDecisionTables } from '../report/index.ts';
import { toScriptJson } from '../report/html.ts';
import { formatMetric } from '../results/metrics.ts';
import type { DashboardModel, MetricChart, RunColumn, ScenarioPage } from './model.ts';

/** Text made safe for HTML content and quoted attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A run's commit (or run id), linked to its report when one was kept. */
function runLink(column: RunColumn | undefined, text: string): string {
  return column?.report ? `<a href="${esc(column.report)}">${esc(text)}</a>` : esc(text);
}

/** The model's note on how change points and creeps were found, and what the band and a click show. */
export function analysisNote(model: DashboardModel): string {
  const runs = model.lastRuns === undefined ? 'every run of each runner' : `the last ${model.lastRuns} runs of each runner`;
  const left = model.unanalysedRuns > 0 ? ` ${model.unanalysedRuns} older run${model.unanalysedRuns === 1 ? ' was' : 's were'} left out of it (they are still drawn); --last-runs changes N.` : '';
  const reports = model.columns.filter((c) => c.report).length;
  const links = `${reports} of ${model.columns.length} runs kept a report: click a point of one to open it (no report kept: the point links nowhere; <code>history add --report-url</code> records where a run's report is).`;
  return `<p class="note">Change points: E-divisive means (Matteson &amp; James 2014) over every build of each run, as <code>buildbench history DIR</code> finds them, sought in ${runs}.${esc(left)} Creeps: Theil–Sen trend over the last 20 runs, drawn dashed. Band: lowest to highest value of each run; line: its median. ${links}</p>`;
}

async function latestSection(model: DashboardModel, sc: ScenarioPage, index: number): Promise<string> {
  const parts = await Promise.all(
    sc.latest.map(async (l, i) => {
      const col = model.columns[l.column]!;
      const report = col.report ? ` · <a href="${esc(col.report)}">report</a>` : ' · no report kept';
      const tables = await renderDecisionTables({ sc: l.scenario, index: index * 100 + i });
      return `<h3>${esc(l.runner)}: ${esc(col.label)}, ${esc(col.startedAt)}${report}</h3>\n${tables}`;
    }),
  );
  return `<section class="latest"><h2>Newest run${sc.latest.length === 1 ? '' : ' per runner'}</h2>\n${parts.join('\n')}\n${await renderDecisionNote()}</section>`;
}

function changeTable(model: DashboardModel, c: MetricChart): string {
  const rows = c.changes.map((ch) => {
    const commits = `${runLink(model.columns[ch.beforeColumn], ch.beforeCommit)} → ${runLink(model.columns[ch.afterColumn], ch.afterCommit)}`;
    return `<tr><td>${esc(ch.line)}</td><td>${commits}</td><td>${formatPct(ch.ratio)} [${formatPct(ch.ciLow)}, ${formatPct(ch.ciHigh)}] ${esc(ch.direction)}</td><td>${ch.p.toFixed(3)}</td><td>${ch.inEffect ? 'in effect' : 'no longer in effect'}</td></tr>`;
  });
  if (rows.length === 0) return '<h3>Change points</h3><p class="note">no change points</p>';
  return `<h3>Change points</h3><table><thead><tr><th>line</th><th>commits</th><th>step [95% interval]</th><th>p</th><th>now</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function creepTable(model: DashboardModel, c: MetricChart): string {
  const rows = c.creeps.map((cr) => {
    const span = `${runLink(model.columns[cr.fromColumn], cr.fromCommit)} … ${runLink(model.columns[cr.toColumn], cr.toCommit)}`;
    const from = formatMetric(c.metric, cr.level);
    const to = formatMetric(c.metric, cr.level * cr.ratio);
    return `<tr><td>${esc(cr.line)}</td><td>${cr.runs} runs, ${span}</td><td>${esc(from)} → ${esc(to)}</td><td>${formatPct(cr.ratio)} [${formatPct(cr.ciLow)}, ${formatPct(cr.ciHigh)}] ${esc(cr.direction)}</td></tr>`;
  });
  if (rows.length === 0) return '<h3>Creeps</h3><p class="note">no creep</p>';
  return `<h3>Creeps</h3><table><thead><tr><th>line</th><th>runs</th><th>fitted trend</th><th>over the span [95% interval]</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function lineTable(c: MetricChart): string {
  const rows = c.lines.map((l) => {
    const measured = l.points.filter((p) => p !== null);
    const newest = measured.at(-1);
    return `<tr><td>${esc(l.name)}</td><td>${measured.length}</td><td>${newest ? esc(formatMetric(c.metric, newest[0])) : '—'}</td></tr>`;
  });
  return `<table><thead><tr><th>line</th><th>runs</th><th>newest run's median</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The body of scenario `sc`'s page (number `index` in the site): only the runs that measured it become x positions. */
export async function scenarioBody(model: DashboardModel, sc: ScenarioPage, index: number): Promise<string> {
  const used = [...new Set(sc.charts.flatMap((c) => c.lines.flatMap((l) => l.points.flatMap((p, i) => (p ? [i] : [])))))].sort((a, b) => a - b);
  const at = new Map(used.map((col, i) => [col, i]));
  const charts = sc.charts.map((c, i) => ({
    canvasId: `chart-${index}-${i}`,
    unit: c.unit,
    lines: c.lines.map((l) => ({ name: l.name, points: used.map((col) => l.points[col] ?? null) })),
    changes: c.changes.map((ch) => ({ line: c.lines.findIndex((l) => l.name === ch.line), after: at.get(ch.afterColumn) ?? -1 })),
    creeps: c.creeps.map((cr) => ({ line: c.lines.findIndex((l) => l.name === cr.line), from: at.get(cr.fromColumn) ?? -1, to: at.get(cr.toColumn) ?? -1, values: [cr.level, cr.level * cr.ratio] })),
  }));
  const runs = { labels: used.map((col) => model.columns[col]!.label), reports: used.map((col) => model.columns[col]!.report ?? null) };
  const sections = sc.charts.map((c, i) => {
    const canvas = `<div class="chart"><canvas id="${charts[i]!.canvasId}" role="img" aria-label="${esc(c.title)} over runs"></canvas></div>`;
    return `<h2>${esc(c.title)} (${esc(c.unit)})</h2>${canvas}\n${lineTable(c)}\n${changeTable(model, c)}\n${creepTable(model, c)}`;
  });
  const head = `<p><a href="index.html">all scenarios</a></p><h1>${esc(sc.name)}</h1><p>${sc.runs} runs; one line per variant and runner.</p>`;
  return `${head}\n${await latestSection(model, sc, index)}\n${analysisNote(model)}\n${sections.join('\n')}\n<script type="application/json" id="data">${toScriptJson({ runs, charts })}</script>`;
}
