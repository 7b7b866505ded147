// `buildbench dashboard DIR --out SITE` through the real command line, on a seeded history with a step, two
// runners and a hostile variant name; then the site in Debian's chromium from file:// at 1400 and 390 px, with
// every request but the page itself cut off.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard } from '../../src/dashboard/index.ts';
import { readHistory, writeRecord, type HistoryRecord } from '../../src/history/index.ts';
import { buildbench, explain } from '../e2e/helpers.ts';
import { HTML_ATTACK } from '../report/hostile.ts';
import { seriesHistory } from '../history/fixtures.ts';

const EVIL = `evil${HTML_ATTACK}"'&`;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** The `lib` variant renamed to a hostile name (names hold none of / @ #, everything else is allowed). */
const withEvil = (r: HistoryRecord): HistoryRecord => ({ ...r, variants: r.variants.map((v) => (v.id === 'app/lib@cold' ? { ...v, id: `app/${EVIL}@cold` } : v)) });

let dir: string;
let site: string;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'bb-dashboard-'));
  const hist = path.join(dir, 'hist');
  for (const r of seriesHistory({ runs: 24, level: (i) => (i < 14 ? 1000 : 1100) })) writeRecord(hist, withEvil(r));
  for (const r of seriesHistory({ runs: 8, level: () => 2000, runner: 'arm', seed: 7, start: new Date(Date.UTC(2026, 10, 1, 12)) })) writeRecord(hist, { ...r, runId: `${r.runId}-arm` });
  site = path.join(dir, 'site');
  const made = await buildbench(['dashboard', 'hist', '--out', 'site'], dir);
  expect(made.code, explain(made)).toBe(0);
  expect(made.stdout).toBe('site/index.html: 32 runs, 1 scenario page\n');
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
}, 30_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const dataOf = (html: string) => JSON.parse(html.match(/<script type="application\/json" id="data">(.*?)<\/script>/s)![1]!) as {
  charts: { canvasId: string; labels: string[]; lines: { name: string; points: ([number, number, number] | null)[] }[]; changes: { line: number; after: number }[] }[];
};

describe('buildbench dashboard', () => {
  it('writes an index and a page per scenario: a chart per deciding metric, a line per variant and runner, the change point marked and listed', () => {
    expect(readdirSync(site).sort()).toEqual(['index.html', 'scenario-1-app.html']);
    const index = readFileSync(path.join(site, 'index.html'), 'utf8');
    expect(index).toContain('<a href="scenario-1-app.html">app</a>');
    const html = readFileSync(path.join(site, 'scenario-1-app.html'), 'utf8');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-/);
    const data = dataOf(html);
    expect(data.charts.map((c) => c.canvasId)).toEqual(['chart-0-0', 'chart-0-1']); // build time, artifact size
    const wall = data.charts[0]!;
    expect(wall.labels).toHaveLength(32);
    expect(wall.lines.map((l) => l.name)).toEqual(['app@cold [ci]', `${EVIL}@cold [ci]`, 'app@cold [arm]', 'lib@cold [arm]']);
    const app = wall.lines[0]!.points.filter((p) => p !== null);
    expect(app).toHaveLength(24);
    for (const [med, lo, hi] of app as [number, number, number][]) expect(lo <= med && med <= hi).toBe(true);
    // the step found by `history DIR` (c0130000 → c0140000), marked on the `app [ci]` line at its first run after
    expect(wall.changes).toHaveLength(1);
    expect(wall.labels[wall.changes[0]!.after]).toBe('c0140000');
    expect(html).toContain('<td>c0130000 → c0140000</td><td>+11.4% [+10.4%, +12.4%] slower</td>');
    expect(html).toContain('sought in the last 200 runs of each runner');
    // the hostile name is text: escaped in the HTML, \u003c in the JSON, never raw
    expect(html).not.toContain(HTML_ATTACK);
    expect(html).toContain('evil&#60;img src=x onerror=alert(1)&#62;&#34;&#39;&#38;@cold [ci]');
    expect(html).toContain('evil\\u003cimg');
  });

  it('seeks change points in the last --last-runs runs of each runner only, and says how many runs it left out', () => {
    const { records } = readHistory(path.join(dir, 'hist'));
    const model = buildDashboard(records, { lastRuns: 10 });
    // ci: 24 runs, 14 left out, and the step (at its 15th run) is no longer in the window; arm: 8 runs, all kept
    expect(model.unanalysedRuns).toBe(14);
    expect(model.scenarios[0]!.charts.flatMap((c) => c.changes)).toEqual([]);
    expect(model.scenarios[0]!.charts[0]!.lines[0]!.points.filter((p) => p !== null)).toHaveLength(24);
  });

  it('opens in chromium at 1400 and 390 px: no request, no console error, every chart drawn, no horizontal overflow at 390', async () => {
    for (const width of [1400, 390]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const url = pathToFileURL(path.join(site, 'scenario-1-app.html')).href;
      const problems: string[] = [];
      await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
      page.on('request', (r) => void (r.url() !== url && problems.push(`request ${r.url()}`)));
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
      await context.close();
      expect(problems, `${width} px`).toEqual([]);
      expect(seen.canvases).toHaveLength(2);
      for (const c of seen.canvases) expect(c.ink, `${width} px: a chart drew nothing`).toBeGreaterThan(500);
      expect(seen.images).toBe(0);
      if (width === 390) expect(seen.overflow).toBeLessThanOrEqual(0);
    }
    expect(statSync(path.join(site, 'scenario-1-app.html')).size).toBeLessThan(400_000);
  }, 30_000);
});
