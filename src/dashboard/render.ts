// The dashboard's files: index.html (the scenarios, with links), one page per scenario, and the scripts every
// page shares — chart.js and the page script, written once into assets/ instead of inlined in each page (a
// site of several scenarios carried chart.js's 205 KB once per page). The data stays in each page as JSON in a
// <script type="application/json">; a Content-Security-Policy lets scripts load from the site itself only
// ('self': in Chromium a page opened from a file may load scripts from files, which a script's hash cannot
// allow: a hash matches a loaded script only through its integrity attribute, which needs CORS, which file:
// URLs do not have) and forbids every request, inline script and frame. No network, from a file or any host.
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomicSync } from '../common/write-atomic.ts';
import { readDecisionCss } from '../report/index.ts';
import { chartJsPath } from '../report/assets.ts';
import type { DashboardModel } from './model.ts';
import { analysisNote, esc, scenarioBody } from './scenario-page.ts';

export { esc } from './scenario-page.ts';

const pageScriptPath = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets', 'dashboard.js');
/** The shared scripts as the pages name them, in load order. */
const SCRIPTS = ['assets/chart.umd.min.js', 'assets/dashboard.js'] as const;

const CSS = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0 auto;padding:0 12px;max-width:1200px;color:#222}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}h3{font-size:1rem}.note{color:#555;font-size:.9rem}
.chart{position:relative;height:340px;width:100%}table{border-collapse:collapse;font-size:.85rem;display:block;overflow-x:auto;max-width:100%}
td,th{border-bottom:1px solid #ddd;padding:3px 6px;text-align:left;overflow-wrap:break-word}.key{font-family:ui-monospace,"DejaVu Sans Mono",monospace}
.latest{border:1px solid #ddd;border-radius:4px;padding:0 12px 8px;margin-top:1rem}.latest h4{margin-bottom:.3rem}
@media (max-width:600px){.chart{height:460px}}`;

function page(opts: { title: string; body: string; css: string; scripts: boolean }): string {
  const csp = ["default-src 'none'", `script-src ${opts.scripts ? "'self'" : "'none'"}`, "style-src 'unsafe-inline'", 'img-src data:', "base-uri 'none'", "form-action 'none'", "frame-src 'none'"].join('; ');
  const scripts = opts.scripts ? SCRIPTS.map((s) => `<script src="${s}"></script>`).join('\n') : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.title)}</title><style>${opts.css}</style></head>
<body>
${opts.body}
${scripts}
</body></html>
`;
}

function indexBody(model: DashboardModel): string {
  const rows = model.scenarios.map((s) => {
    const changes = s.charts.reduce((n, c) => n + c.changes.length, 0);
    const creeps = s.charts.reduce((n, c) => n + c.creeps.length, 0);
    return `<tr><td><a href="${esc(s.file)}">${esc(s.name)}</a></td><td>${s.runs}</td><td>${esc(s.charts.map((c) => c.title).join(', '))}</td><td>${changes}</td><td>${creeps}</td></tr>`;
  });
  const runners = [...new Set(model.columns.map((c) => c.runner))];
  const span = model.columns.length > 0 ? `${model.columns.length} runs, ${esc(model.columns[0]!.startedAt)} to ${esc(model.columns.at(-1)!.startedAt)}, runners: ${esc(runners.join(', '))}` : 'no runs';
  return `<h1>buildbench history</h1><p>${span}</p>
<table><thead><tr><th>scenario</th><th>runs</th><th>charts</th><th>change points</th><th>creeps</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>${analysisNote(model)}`;
}

/**
 * Writes index.html, one page per scenario of `model` and assets/ (chart.js's UMD build and the page script)
 * into `outDir` (created); returns the files written, index.html first. Rejects when chart.js or a template
 * cannot be read, or with the file system's error.
 */
export async function writeDashboard(model: DashboardModel, outDir: string): Promise<string[]> {
  const css = `${CSS}\n${await readDecisionCss()}`;
  const bodies = await Promise.all(model.scenarios.map((sc, i) => scenarioBody(model, sc, i)));
  mkdirSync(path.join(outDir, 'assets'), { recursive: true });
  const files: string[] = [];
  const write = (name: string, html: string) => {
    const file = path.join(outDir, name);
    writeFileAtomicSync(file, html);
    files.push(file);
  };
  write('index.html', page({ title: 'buildbench history', body: indexBody(model), css, scripts: false }));
  model.scenarios.forEach((sc, i) => write(sc.file, page({ title: `${sc.name} — buildbench history`, body: bodies[i]!, css, scripts: true })));
  for (const [from, to] of [[chartJsPath(), SCRIPTS[0]], [pageScriptPath, SCRIPTS[1]]] as const) {
    // Without its source-map comment: a browser with dev tools open would ask for a file the site does not have.
    write(to, (await readFile(from, 'utf8')).replace(/^\/\/# sourceMappingURL=.*$/gm, ''));
  }
  return files;
}
