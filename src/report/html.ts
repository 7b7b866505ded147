// report.html: one self-contained file — styles, chart.js, its error-bar plugin and the data inlined; a
// Content-Security-Policy that lets only those exact scripts run and forbids every request. All text goes
// through handlebars' {{ }} escaping; {{{ }}} is used only for our own CSS, scripts and the JSON block.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type Handlebars from 'handlebars';
import { cspHash, readInlineScripts, templatesDir } from './assets.ts';
import { buildCharts, type ChartSpec } from './charts.ts';
import type { ReportModel } from './model.ts';
import type { Reporter } from './reporter.ts';
import { artifactRows, failures, phaseRows, sampleTable, trendTable, variantRows } from './tables.ts';
import { buildDecisions, DECISION_COLUMNS } from './decision.ts';
import { loadTemplates, readDecisionCss } from './decision-html.ts';
import { writeFileAtomic } from '../common/write-atomic.ts';
import { comparisonLegend } from '../compare/format-table.ts';
import { buildShippedApps, SHIPPED_COLUMNS } from './shipped-app.ts';

interface Page {
  template: Handlebars.TemplateDelegate;
  css: string;
  scripts: string[];
  csp: string;
}

let page: Promise<Page> | undefined;

/** Templates and scripts are read and compiled once per process. */
function loadPage(): Promise<Page> {
  page ??= (async () => {
    const hbs = await loadTemplates();
    const template = hbs.compile(await readFile(join(templatesDir, 'report.hbs'), 'utf8'), { strict: false });
    const scripts = await readInlineScripts();
    const csp = [
      "default-src 'none'",
      `script-src ${scripts.map(cspHash).join(' ')}`,
      "style-src 'unsafe-inline'",
      "img-src data:",
      "base-uri 'none'",
      "form-action 'none'",
    ].join('; ');
    const css = `${await readFile(join(templatesDir, 'report.css'), 'utf8')}\n${await readDecisionCss()}`;
    return { template, css, scripts, csp };
  })();
  return page;
}

const camel = (id: string) => id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/** JSON that cannot end or alter the <script type="application/json"> element it sits in. */
export function toScriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Everything the template shows, already formatted; plus the chart configurations for the data block. */
export function buildPageView(model: ReportModel) {
  const charts: { canvasId: string; config: ChartSpec['config'] }[] = [];
  const scenarios = model.scenarios.map((sc, index) => {
    const specs = buildCharts(sc).map((spec) => ({ ...spec, canvasId: `chart-${index}-${spec.id}` }));
    charts.push(...specs.map(({ canvasId, config }) => ({ canvasId, config })));
    return {
      index,
      name: sc.name,
      description: sc.description,
      recommendations: sc.recommendations,
      decisions: buildDecisions(sc),
      charts: Object.fromEntries(specs.map((s) => [camel(s.id), { canvasId: s.canvasId, title: s.title, height: s.height }])),
      rows: variantRows(sc),
      methods: comparisonLegend(sc.comparisons),
      artifacts: artifactRows(sc),
      samples: sampleTable(sc),
      phases: phaseRows(sc),
      trend: trendTable(sc),
    };
  });
  const runsLine = model.sources.map((s) => `${s.runId} on ${s.hostname}, ${s.startedAt}`).join(' · ');
  return {
    title: model.title,
    runsLine,
    interrupted: model.sources.filter((s) => s.interrupted).map((s) => s.runId),
    busyBuilds: model.sources.flatMap((s) => (s.busyBuilds ? [`${s.runId}: ${s.busyBuilds}`] : [])),
    scenarios,
    decisionColumns: DECISION_COLUMNS,
    shippedApps: buildShippedApps(model),
    shippedColumns: SHIPPED_COLUMNS,
    sources: model.sources,
    failures: failures(model.scenarios),
    charts,
  };
}

/** report.html for `model`: one self-contained page, charts as JSON in its data block; rejects when a template or script cannot be read. */
export async function renderHtml(model: ReportModel): Promise<string> {
  const { template, css, scripts, csp } = await loadPage();
  const view = buildPageView(model);
  const generator = model.sources[0]?.tool ?? 'buildbench';
  return template({ ...view, generator, css, scripts, csp, dataJson: toScriptJson({ charts: view.charts }) });
}

export const htmlReporter: Reporter = {
  name: 'html',
  async render(model, outDir) {
    return [await writeFileAtomic(join(outDir, 'report.html'), await renderHtml(model))];
  },
};
