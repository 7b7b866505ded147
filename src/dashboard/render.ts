// The dashboard's files: index.html (the scenarios, with links) and one page per scenario, each self-contained
// like report.html — chart.js and the page script inlined, the data as JSON in a <script type="application/json">,
// a Content-Security-Policy that lets only those exact scripts run and forbids every request. Every string from
// the history goes through esc(); the JSON goes through toScriptJson.
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomicSync } from '../common/write-atomic.ts';
import { formatPct } from '../history/index.ts';
import { chartJsPath, cspHash, toInlineScript } from '../report/assets.ts';
import { toScriptJson } from '../report/html.ts';
import type { DashboardModel, ScenarioPage } from './model.ts';

const pageScriptPath = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets', 'dashboard.js');

/** Text made safe for HTML content and quoted attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const CSS = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0 auto;padding:0 12px;max-width:1200px;color:#222}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}.note{color:#555;font-size:.9rem}
.chart{position:relative;height:340px;width:100%}table{border-collapse:collapse;font-size:.85rem;display:block;overflow-x:auto;max-width:100%}
td,th{border-bottom:1px solid #ddd;padding:3px 6px;text-align:left;overflow-wrap:anywhere}
@media (max-width:600px){.chart{height:460px}}`;

function page(opts: { title: string; body: string; scripts: string[] }): string {
  const csp = ["default-src 'none'", `script-src ${opts.scripts.map(cspHash).join(' ') || "'none'"}`, "style-src 'unsafe-inline'", 'img-src data:', "base-uri 'none'", "form-action 'none'"].join('; ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.title)}</title><style>${CSS}</style></head>
<body>
${opts.body}
${opts.scripts.map((s) => `<script>${s}</script>`).join('\n')}
</body></html>
`;
}

function analysisNote(model: DashboardModel): string {
  const left = model.unanalysedRuns > 0 ? ` ${model.unanalysedRuns} older run${model.unanalysedRuns === 1 ? ' was' : 's were'} left out of it (they are still drawn); --last-runs changes N.` : '';
  return `<p class="note">Change points: E-divisive means (Matteson &amp; James 2014) over every build of each run, as <code>buildbench history DIR</code> finds them, sought in the last ${model.lastRuns} runs of each runner.${esc(left)} Band: lowest to highest value of each run; line: its median.</p>`;
}

function indexBody(model: DashboardModel): string {
  const rows = model.scenarios.map((s) => {
    const changes = s.charts.reduce((n, c) => n + c.changes.length, 0);
    return `<tr><td><a href="${esc(s.file)}">${esc(s.name)}</a></td><td>${s.runs}</td><td>${esc(s.charts.map((c) => c.title).join(', '))}</td><td>${changes}</td></tr>`;
  });
  const runners = [...new Set(model.columns.map((c) => c.runner))];
  const span = model.columns.length > 0 ? `${model.columns.length} runs, ${esc(model.columns[0]!.startedAt)} to ${esc(model.columns.at(-1)!.startedAt)}, runners: ${esc(runners.join(', '))}` : 'no runs';
  return `<h1>buildbench history</h1><p>${span}</p>
<table><thead><tr><th>scenario</th><th>runs</th><th>charts</th><th>change points</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>${analysisNote(model)}`;
}

/** The body and chart data of one scenario's page: only the runs that measured the scenario become x positions. */
function scenarioView(model: DashboardModel, sc: ScenarioPage, index: number) {
  const used = [...new Set(sc.charts.flatMap((c) => c.lines.flatMap((l) => l.points.flatMap((p, i) => (p ? [i] : [])))))].sort((a, b) => a - b);
  const at = new Map(used.map((col, i) => [col, i]));
  const charts = sc.charts.map((c, i) => ({
    canvasId: `chart-${index}-${i}`,
    unit: c.unit,
    labels: used.map((col) => model.columns[col]!.label),
    lines: c.lines.map((l) => ({ name: l.name, points: used.map((col) => l.points[col] ?? null) })),
    changes: c.changes.map((ch) => ({ line: c.lines.findIndex((l) => l.name === ch.line), after: at.get(ch.afterColumn) ?? -1 })),
  }));
  const sections = sc.charts.map((c, i) => {
    const list = c.changes.map((ch) => `<tr><td>${esc(ch.line)}</td><td>${esc(ch.beforeCommit)} → ${esc(ch.afterCommit)}</td><td>${formatPct(ch.ratio)} [${formatPct(ch.ciLow)}, ${formatPct(ch.ciHigh)}] ${esc(ch.direction)}</td><td>${ch.p.toFixed(3)}</td><td>${ch.inEffect ? 'in effect' : 'no longer in effect'}</td></tr>`);
    const table = list.length === 0 ? '<p class="note">no change points</p>' : `<table><thead><tr><th>line</th><th>commits</th><th>step [95% interval]</th><th>p</th><th>now</th></tr></thead><tbody>${list.join('')}</tbody></table>`;
    const lines = c.lines.map((l) => {
      const measured = l.points.filter((p) => p !== null);
      const newest = measured.at(-1);
      return `<tr><td>${esc(l.name)}</td><td>${measured.length}</td><td>${newest ? `${newest[0].toFixed(1)} ${esc(c.unit)}` : '—'}</td></tr>`;
    });
    const legend = `<table><thead><tr><th>line</th><th>runs</th><th>newest run's median</th></tr></thead><tbody>${lines.join('')}</tbody></table>`;
    return `<h2>${esc(c.title)} (${esc(c.unit)})</h2><div class="chart"><canvas id="${charts[i]!.canvasId}" role="img" aria-label="${esc(c.title)} over runs"></canvas></div>\n${legend}\n<h3>Change points</h3>${table}`;
  });
  const body = `<p><a href="index.html">all scenarios</a></p><h1>${esc(sc.name)}</h1><p>${sc.runs} runs; one line per variant and runner.</p>${analysisNote(model)}\n${sections.join('\n')}\n<script type="application/json" id="data">${toScriptJson({ charts })}</script>`;
  return body;
}

/** Writes index.html and one page per scenario of `model` into `outDir` (created); returns the files written. Rejects when chart.js cannot be read; throws the file system's error. */
export async function writeDashboard(model: DashboardModel, outDir: string): Promise<string[]> {
  const scripts = await Promise.all([chartJsPath(), pageScriptPath].map(async (p) => toInlineScript(await readFile(p, 'utf8'))));
  mkdirSync(outDir, { recursive: true });
  const files: string[] = [];
  const write = (name: string, html: string) => {
    const file = path.join(outDir, name);
    writeFileAtomicSync(file, html);
    files.push(file);
  };
  write('index.html', page({ title: 'buildbench history', body: indexBody(model), scripts: [] }));
  model.scenarios.forEach((sc, i) => write(sc.file, page({ title: `${sc.name} — buildbench history`, body: scenarioView(model, sc, i), scripts })));
  return files;
}
