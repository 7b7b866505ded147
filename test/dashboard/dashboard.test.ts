// `buildbench dashboard DIR --out SITE` through the real command line, on a seeded history with a step, a creep,
// two runners, reports kept for some runs and a hostile variant name; then the site in Debian's chromium from
// file:// at 1400 and 390 px, with every request but the site's own files cut off.
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard, reportLinks, writeDashboard } from '../../src/dashboard/index.ts';
import { writeResultsAtomic } from '../../src/results/io.ts';
import { makeRecord, readHistory, writeRecord, type HistoryRecord } from '../../src/history/index.ts';
import { renderReports } from '../../src/report/index.ts';
import { summarizeVariant } from '../../src/stats/metrics.ts';
import { buildbench, explain } from '../e2e/helpers.ts';
import { HTML_ATTACK } from '../report/hostile.ts';
import { defaultPlanResults, seriesHistory } from '../history/fixtures.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const EVIL = `evil${HTML_ATTACK}"'&`;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** The `lib` variant renamed to a hostile name (names hold none of / @ #, everything else is allowed). */
const withEvil = (r: HistoryRecord): HistoryRecord => ({ ...r, variants: r.variants.map((v) => (v.id === 'app/lib@cold' ? { ...v, id: `app/${EVIL}@cold` } : v)) });

let dir: string;
let site: string;
let browser: Browser;

/** Where the ci runs' reports were kept: even runs in the history folder (relative), run 13 on a web host, the others nowhere. */
const reportOf = (i: number, runId: string) => (i === 13 ? 'https://example.com/runs/13/report.html' : i % 2 === 0 ? `reports/${runId}/report.html` : undefined);

beforeAll(async () => {
  dir = tempDir('bb-dashboard-');
  const hist = path.join(dir, 'hist');
  seriesHistory({ runs: 24, level: (i) => (i < 14 ? 1000 : 1100) }).forEach((r, i) => {
    const reportUrl = reportOf(i, r.runId);
    writeRecord(hist, withEvil({ ...r, ...(reportUrl ? { reportUrl } : {}) }));
    if (reportUrl && !reportUrl.startsWith('https:')) {
      mkdirSync(path.join(hist, 'reports', r.runId), { recursive: true });
      writeFileSync(path.join(hist, reportUrl), `<!doctype html><title>report ${r.runId}</title>`);
    }
  });
  // a creep of 0.5% a run on the arm runner, whose runs interleave with ci's
  for (const r of seriesHistory({ runs: 20, level: (i) => 2000 * (1 + 0.005 * i), runner: 'arm', seed: 7, start: new Date(Date.UTC(2026, 10, 1, 12)) })) writeRecord(hist, { ...r, runId: `${r.runId}-arm` });
  site = path.join(dir, 'site');
  const made = await buildbench(['dashboard', 'hist', '--out', 'site'], dir);
  expect(made.code, explain(made)).toBe(0);
  expect(made.stdout).toBe('site/index.html: 44 runs, 1 scenario page\n');
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
}, 30_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const dataOf = (html: string) => JSON.parse(html.match(/<script type="application\/json" id="data">(.*?)<\/script>/s)![1]!) as {
  runs: { labels: string[]; reports: (string | null)[] };
  charts: {
    canvasId: string;
    lines: { name: string; points: ([number, number, number] | null)[] }[];
    changes: { line: number; after: number }[];
    creeps: { line: number; from: number; to: number; values: [number, number] }[];
  }[];
};

describe('buildbench dashboard', () => {
  it('writes an index, a page per scenario and the shared scripts: a chart per deciding metric, a line per variant and runner, the change point and the creep marked and listed', () => {
    expect(readdirSync(site).sort()).toEqual(['assets', 'index.html', 'scenario-1-app.html']);
    expect(readdirSync(path.join(site, 'assets')).sort()).toEqual(['chart.umd.min.js', 'dashboard.js']);
    const index = readFileSync(path.join(site, 'index.html'), 'utf8');
    expect(index).toContain('<a href="scenario-1-app.html">app</a>');
    const html = readFileSync(path.join(site, 'scenario-1-app.html'), 'utf8');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-src 'none'">`);
    expect(html).toContain('<script src="assets/chart.umd.min.js"></script>\n<script src="assets/dashboard.js"></script>');
    expect(html).not.toMatch(/<script>/);
    const data = dataOf(html);
    expect(data.charts.map((c) => c.canvasId)).toEqual(['chart-0-0', 'chart-0-1']); // build time, artifact size
    const wall = data.charts[0]!;
    expect(data.runs.labels).toHaveLength(44);
    expect(wall.lines.map((l) => l.name)).toEqual(['app@cold [ci]', `${EVIL}@cold [ci]`, 'app@cold [arm]', 'lib@cold [arm]']);
    const app = wall.lines[0]!.points.filter((p) => p !== null);
    expect(app).toHaveLength(24);
    for (const [med, lo, hi] of app as [number, number, number][]) expect(lo <= med && med <= hi).toBe(true);
    // the step found by `history DIR` (c0130000 → c0140000), marked on the `app [ci]` line at its first run after
    const ci = wall.changes.filter((c) => c.line === 0);
    expect(ci).toHaveLength(1);
    expect(data.runs.labels[ci[0]!.after]).toBe('c0140000');
    expect(html).toContain('<td><a href="https://example.com/runs/13/report.html">c0130000</a> → <a href="../hist/reports/2026-11-15T10-00-00-000-r14/report.html">c0140000</a></td><td>+11.4% [+10.4%, +12.4%] slower</td>');
    expect(html).toContain('sought in every run of each runner');
    // the arm runner's creep: drawn from its first run to its last on the `app [arm]` line, and listed
    expect(wall.creeps).toHaveLength(1);
    const creep = wall.creeps[0]!;
    expect([creep.line, data.runs.labels[creep.from], data.runs.labels[creep.to]]).toEqual([2, 'c0000000', 'c0190000']);
    expect(creep.values[1]! / creep.values[0]!).toBeGreaterThan(1.05);
    expect(html).toMatch(/<h3>Creeps<\/h3><table>.*<td>app@cold \[arm\]<\/td><td>20 runs, c0000000 … c0190000<\/td><td>[\d.]+ s → [\d.]+ s<\/td><td>\+\d+\.\d% \[\+\d+\.\d%, \+\d+\.\d%\] slower<\/td>/);
    // reports: 12 even ci runs in the history folder, run 13 on a host, the rest none
    expect(data.runs.reports.filter((r) => r !== null)).toHaveLength(13);
    expect(html).toContain('13 of 44 runs kept a report');
    // the hostile name is text: escaped in the HTML, \u003c in the JSON, never raw
    expect(html).not.toContain(HTML_ATTACK);
    expect(html).toContain('evil&#60;img src=x onerror=alert(1)&#62;&#34;&#39;&#38;@cold [ci]');
    expect(html).toContain('evil\\u003cimg');
  });

  it('puts each runner’s newest run on top with the decision tables report.html shows for that run, word for word', async () => {
    const results = defaultPlanResults(3);
    // Figures to 0.1 ms, as a record keeps them: otherwise a median 0.05 ms from a display boundary (454.49 ms
    // kept as 454.5) can show its last digit differently (454 ms in report.html, 455 ms on the dashboard).
    const tenth = (x: number) => Math.round(x * 10) / 10;
    for (const v of results.variants) {
      for (const s of v.samples) Object.assign(s, { wallMs: tenth(s.wallMs), userMs: tenth(s.userMs), sysMs: tenth(s.sysMs) });
      for (const l of v.startup?.launches ?? []) l.ms = tenth(l.ms);
      v.stats = summarizeVariant(v); // as the runner stores them
    }
    // Wording a record must keep for the tables to read the same: a paired interval short of its level, two
    // winners compared with each other, drift with a trend.
    const [pex, scie] = ['sidecar/pex@cold', 'sidecar/pex-scie@cold'];
    results.comparisons = results.comparisons.map((c) =>
      c.metric === 'wallMs' && (c.variant === pex || c.variant === scie) && c.method === 'hodges-lehmann'
        ? { ...c, ratio: c.variant === pex ? 0.8 : 0.85, ciLow: 0.75, ciHigh: 0.9, pValue: 0.008, verdict: 'faster' as const, analysis: 'paired' as const, pairs: 5, ciConfidence: 0.9375 }
        : c,
    );
    results.winnerComparisons = [{ scenario: 'sidecar', metric: 'wallMs', baseline: pex, variant: scie, method: 'hodges-lehmann', ratio: 1.06, ciLow: 1.03, ciHigh: 1.09, level: 0.95, ciConfidence: 0.95, noisePct: 2, medianRatio: 1.06, pValue: 0.004, holmP: 0.008, verdict: 'slower' }];
    const rounds = [1, 2, 3, 4, 5];
    results.drift = [{ scenario: 'sidecar', cache: 'cold', metric: 'wallMs', variants: results.variants.filter((v) => v.id.startsWith('sidecar/') && v.cache === 'cold').map((v) => v.id), rounds: 5, roundEffects: rounds.map((round) => ({ round, effect: 0.02 * (round - 3) })), driftSd: 0.0316, noiseSd: 0.012, driftP: 0.01, trendTau: 1, trendP: 0.0167, paired: true, rule: 'drift beyond noise: paired' }];
    const out = path.join(dir, 'decisions');
    await renderReports({ results: [results], outDir: path.join(out, 'run'), formats: ['html'] });
    writeRecord(path.join(out, 'hist'), makeRecord(results, { runner: 'ci' }));
    const model = buildDashboard(readHistory(path.join(out, 'hist')).records, {});
    await writeDashboard(model, path.join(out, 'site'));
    const tables = (html: string) => [...html.matchAll(/<h4>[^<]*<\/h4>\s*<table class="decision">[\s\S]*?<\/table>[\s\S]*?(?=<h4>|<ol class="footnotes">|<\/article>|<p class="note">)/g)].map((m) => m[0].trim());
    const report = tables(readFileSync(path.join(out, 'run', 'report.html'), 'utf8'));
    const pages = model.scenarios.map((sc) => tables(readFileSync(path.join(out, 'site', sc.file), 'utf8')));
    expect(report.length).toBeGreaterThan(2);
    expect(report[0]).toContain('more than one variant is faster than the baseline; pex-scie is 1.06× slower than pex (Holm p &#x3D; 0.008)');
    expect(report[0]).toContain('<li>Drift: rounds moved together by');
    expect(report[0]).toContain('93% range of the round ratios, paired by round, 5 pairs');
    expect(pages.flat()).toEqual(report);
    expect(readFileSync(path.join(out, 'site', model.scenarios[0]!.file), 'utf8')).toContain('<h3>ci: c0ffee00, 2026-12-03T10:00:00.000Z · no report kept</h3>');
  });

  it('links a run folder’s own report.html, a record’s report URL, and nothing for a hand-edited javascript: URL or a run without one', () => {
    const h = path.join(dir, 'links', 'hist');
    writeResultsAtomic(path.join(h, 'run-a', 'results.json'), defaultPlanResults(4));
    writeFileSync(path.join(h, 'run-a', 'report.html'), '<!doctype html><title>a</title>');
    writeResultsAtomic(path.join(h, 'run-b', 'results.json'), defaultPlanResults(5)); // no report.html beside it
    const [c, d] = [defaultPlanResults(6), defaultPlanResults(7)].map((r) => makeRecord(r));
    writeRecord(h, { ...c!, reportUrl: 'https://ci.example.com/r/6' });
    writeRecord(h, { ...d!, reportUrl: 'javascript:alert(1)' });
    const { records, files } = readHistory(h);
    const links = reportLinks({ records, files, historyDir: h, outDir: path.join(dir, 'links', 'site') });
    expect(Object.fromEntries(links)).toEqual({ [records[0]!.runId]: '../hist/run-a/report.html', [c!.runId]: 'https://ci.example.com/r/6' });
  });

  it('seeks change points in the last --last-runs runs of each runner only, and says how many runs it left out', () => {
    const { records } = readHistory(path.join(dir, 'hist'));
    const model = buildDashboard(records, { lastRuns: 10 });
    // ci: 24 runs, 14 left out, and the step (at its 15th run) is no longer in the window; arm: 20 runs, 10 left out
    expect(model.unanalysedRuns).toBe(24);
    expect(model.scenarios[0]!.charts.flatMap((c) => c.changes).filter((c) => c.line === 'app@cold [ci]')).toEqual([]);
    expect(model.scenarios[0]!.charts[0]!.lines[0]!.points.filter((p) => p !== null)).toHaveLength(24);
  });

  it('opens in chromium at 1400 and 390 px: no request outside the site, no console error, every chart drawn, no horizontal overflow at 390; a click on a run with a report opens it', async () => {
    const siteUrl = pathToFileURL(site).href;
    const reportsUrl = pathToFileURL(path.join(dir, 'hist', 'reports')).href;
    for (const width of [1400, 390]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const url = pathToFileURL(path.join(site, 'scenario-1-app.html')).href;
      const problems: string[] = [];
      await page.route('**/*', (route) => (route.request().url().startsWith(`${siteUrl}/`) || route.request().url().startsWith(reportsUrl) ? route.continue() : route.abort()));
      page.on('request', (r) => void (!r.url().startsWith(`${siteUrl}/`) && !r.url().startsWith(reportsUrl) && problems.push(`request ${r.url()}`)));
      page.on('console', (m) => void (['error', 'warning'].includes(m.type()) && problems.push(`console ${m.text()}`)));
      page.on('pageerror', (e) => problems.push(`page error ${e.message}`));
      page.on('dialog', (d) => void (problems.push(`dialog ${d.message()}`), d.dismiss()));
      await page.goto(url, { waitUntil: 'load' });
      const seen = await page.evaluate(() => ({
        canvases: [...document.querySelectorAll('canvas')].map((c) => {
          const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
          let ink = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) ink += 1;
          return { width: c.width, ink };
        }),
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        images: document.images.length,
      }));
      expect(seen.canvases).toHaveLength(2);
      for (const c of seen.canvases) expect(c.ink, `${width} px: a chart drew nothing`).toBeGreaterThan(500);
      expect(seen.images).toBe(0);
      if (width === 390) expect(seen.overflow).toBeLessThanOrEqual(0);
      // run c0140000 (ci run 14) kept its report in the history folder: a click on its point opens it
      await page.locator('canvas').first().scrollIntoViewIfNeeded();
      const at = await page.evaluate(() => {
        const canvas = document.querySelector('canvas')!;
        type ChartLike = { data: { labels: string[] }; getDatasetMeta(i: number): { data: { x: number; y: number }[] } };
        const chart = (window as unknown as { Chart: { getChart(c: HTMLCanvasElement): ChartLike } }).Chart.getChart(canvas);
        const point = chart.getDatasetMeta(2).data[chart.data.labels.indexOf('c0140000')]!;
        const box = canvas.getBoundingClientRect(); // viewport coordinates, as the mouse takes them
        return { x: box.left + point.x, y: box.top + point.y };
      });
      await Promise.all([page.waitForURL(/report\.html$/), page.mouse.click(at.x, at.y)]);
      expect(page.url()).toBe(pathToFileURL(path.join(dir, 'hist', 'reports', '2026-11-15T10-00-00-000-r14', 'report.html')).href);
      await context.close();
      expect(problems, `${width} px`).toEqual([]);
    }
    expect(statSync(path.join(site, 'scenario-1-app.html')).size).toBeLessThan(200_000);
  }, 30_000);
});
