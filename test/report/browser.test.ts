// Opens report.html in Debian's chromium from file:// with every other request blocked, and fails on any
// request, console error, page error or dialog, or on a chart that drew nothing. Hostile strings from
// the results must appear as text.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReports } from '../../src/report/index.ts';
import { makeResults, manyVariants } from './fixtures.ts';
import { ALL_ATTACKS, ANSI_ATTACK, CONTROL_ATTACK, HTML_ATTACK, SCRIPT_ATTACK } from './hostile.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

interface PageLog {
  requests: string[];
  errors: string[];
  dialogs: string[];
}

let browser: Browser;
let outDir: string;

beforeAll(async () => {
  outDir = tempDir('buildbench-browser-');
  const results = makeResults({
    hostname: `host${SCRIPT_ATTACK}`,
    description: `scenario ${HTML_ATTACK}`,
    variants: [
      { name: 'onefile', baseline: true, description: `desc ${SCRIPT_ATTACK}`, phases: { Analysis: 4000, EXE: 9000 }, debugBytes: 2_000_000 },
      { name: `evil${HTML_ATTACK}`, description: ALL_ATTACKS },
      ...manyVariants(4, ['cold']).map((v) => ({ ...v, baseline: false, name: `${v.name}-x` })),
      { name: 'broken', status: 'failed', reason: `exit 2 ${SCRIPT_ATTACK}`, logTail: [`log ${HTML_ATTACK}`, `log ${ANSI_ATTACK}`, `log ${CONTROL_ATTACK}`] },
      { name: 'no-mold', status: 'unavailable', reason: 'mold not found on PATH' },
    ],
  });
  const history = [makeResults({ runId: 'older-run', startedAt: '2026-11-01T10:00:00.000Z', variants: [{ name: 'onefile', baseline: true }, { name: `evil${HTML_ATTACK}` }] })];
  await renderReports({ results: [results], history, outDir, formats: ['html'] });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

afterAll(async () => {
  await browser?.close();
  await rm(outDir, { recursive: true, force: true });
});

async function openPage(fileUrl: string, viewport = { width: 1280, height: 720 }): Promise<{ log: PageLog; page: import('playwright-core').Page }> {
  const context = await browser.newContext({ javaScriptEnabled: true, viewport });
  const page = await context.newPage();
  const log: PageLog = { requests: [], errors: [], dialogs: [] };
  // Every request but the report itself is cut off, and recorded: the page must make none.
  await page.route('**/*', (route) => (route.request().url() === fileUrl ? route.continue() : route.abort()));
  page.on('request', (request) => {
    if (request.url() !== fileUrl) log.requests.push(request.url());
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') log.errors.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => log.errors.push(`page error: ${error.message}`));
  page.on('dialog', async (dialog) => {
    log.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.goto(fileUrl, { waitUntil: 'load' });
  return { log, page };
}

/** Per canvas: its size and how many pixels are neither transparent nor white. */
const inkPerCanvas = () =>
  [...document.querySelectorAll('canvas')].map((canvas) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240)) ink += 1;
    return { id: canvas.id, width: canvas.width, height: canvas.height, ink };
  });

describe('report.html in chromium, offline', () => {
  it('would notice a request, a console error and a dialog (the watch itself works)', async () => {
    const probe = join(outDir, 'probe.html');
    await writeFile(probe, '<!doctype html><img src="http://127.0.0.1:9/x.png"><script>console.error("boom"); alert(1)</script>');
    const { log, page } = await openPage(pathToFileURL(probe).href);
    await page.context().close();
    expect(log.requests).toEqual(['http://127.0.0.1:9/x.png']);
    expect(log.errors).toContain('console error: boom');
    expect(log.dialogs).toEqual(['1']);
  });

  it('makes no request, logs no error and draws every chart', async () => {
    const { log, page } = await openPage(pathToFileURL(join(outDir, 'report.html')).href);
    const charts = JSON.parse(await readFile(join(outDir, 'report.html'), 'utf8').then((html) => html.match(/id="data">(.*?)<\/script>/s)![1]!)) as { charts: unknown[] };
    const canvases = await page.evaluate(inkPerCanvas);
    await page.context().close();
    expect(log).toEqual({ requests: [], errors: [], dialogs: [] });
    expect(canvases.length).toBe(charts.charts.length);
    expect(canvases.map((c) => c.id)).toEqual(expect.arrayContaining(['chart-0-build-time', 'chart-0-time-vs-size', 'chart-0-rounds', 'chart-0-phases', 'chart-0-trend']));
    for (const c of canvases) {
      expect(c.width, c.id).toBeGreaterThan(100);
      expect(c.ink, `${c.id} is blank`).toBeGreaterThan(500);
    }
  });

  it('shows hostile names, descriptions and log lines as text, and runs none of them', async () => {
    const { log, page } = await openPage(pathToFileURL(join(outDir, 'report.html')).href);
    const text = await page.evaluate(() => document.body.textContent ?? '');
    const images = await page.evaluate(() => document.images.length);
    const scripts = await page.evaluate(() => document.scripts.length);
    await page.context().close();
    expect(log.dialogs).toEqual([]);
    expect(log.errors).toEqual([]);
    expect(images).toBe(0);
    // data block + chart.js + error bars + point labels + page script: an injected <script> would add one
    expect(scripts).toBe(5);
    expect(text).toContain(`evil${HTML_ATTACK}`);
    expect(text).toContain(`exit 2 ${SCRIPT_ATTACK}`);
    expect(text).toContain(`desc ${SCRIPT_ATTACK}`);
    expect(text).toContain(`scenario ${HTML_ATTACK}`);
    expect(text).toContain(`log ${HTML_ATTACK}`);
    // escape sequences are dropped, other controls shown as Control Pictures (U+2400 block)
    expect(text).toContain('log red');
    expect(text).toContain('log bell\u2407 and nul\u2400');
    expect(text).not.toContain('\u001b');
    expect(text).toContain('mold not found on PATH');
    expect(text).toContain(`Run 20261120-100000-abcd on host${SCRIPT_ATTACK}`);
  });
});

/** A default run's shape: sidecar in two cache states (one tool missing in both, one artifact that does not run) and tauri-link. */
function defaultRun() {
  const missing = `scie-mirror not found (${'set BUILDBENCH_SCIE_MIRROR to a staged mirror of science, the scie-jump and python-build-standalone; '.repeat(2)})`;
  const sidecar = makeResults({
    description: 'Freeze the FastHTML sidecar into one artifact. '.repeat(8),
    variants: [
      ...(['cold', 'warm'] as const).flatMap((cache) => [
        { name: 'pyinstaller-onefile', cache, baseline: true, wallMs: cache === 'cold' ? 53_000 : 800 },
        { name: 'pex', cache, wallMs: cache === 'cold' ? 8_000 : 4_400 },
        { name: 'pex-scie', cache, status: 'unavailable' as const, reason: missing },
      ]),
      { name: 'shiv', cache: 'cold', wallMs: 11_800 },
      { name: 'pyinstaller-onedir', cache: 'warm', wallMs: 4_300, status: 'failed' as const, reason: "built, does not run: the first launch of round 1 exited with 1 before it was ready: FileNotFoundError: Shared library with base name 'llama' not found (log: logs/sidecar+pyinstaller-onedir@warm/startup-1-first.log)" },
    ],
  });
  const tauri = makeResults({ scenario: 'tauri-link', variants: ['default-lld', 'mold', 'gnu-ld'].map((name, i) => ({ name, cache: 'incremental' as const, baseline: i === 0, wallMs: [2_200, 2_700, 9_300][i] })) });
  sidecar.scenarios.push(...tauri.scenarios);
  sidecar.variants.push(...tauri.variants);
  sidecar.comparisons.push(...tauri.comparisons);
  sidecar.config.leftOut = [{ why: 'not in a plain run', ids: ['sidecar/pyinstaller-onefile-excludes@cold', 'sidecar/pyinstaller-onefile-excludes@warm', 'sidecar/pyinstaller-onedir@cold'] }];
  return sidecar;
}

describe('the default run report at 1400 px and 390 px', () => {
  let file: string;
  beforeAll(async () => {
    await renderReports({ results: [defaultRun()], outDir: join(outDir, 'default'), formats: ['html'] });
    file = pathToFileURL(join(outDir, 'default', 'report.html')).href;
  });

  it.each([
    { width: 1400, height: 900 },
    { width: 390, height: 844 },
  ])('$width px: no console error, the first decision table on the first screen, no sideways scrolling of the page', async (viewport) => {
    const { log, page } = await openPage(file, viewport);
    const layout = await page.evaluate(() => {
      const tables = [...document.querySelectorAll('table.decision')];
      const prose = [...document.querySelectorAll('#verdict p.sentence')];
      return {
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        tables: tables.length,
        firstTableTop: tables[0]!.getBoundingClientRect().top,
        /** Words of prose between the page top and the first decision table. */
        sentencesAbove: prose.filter((p) => p.getBoundingClientRect().top < tables[0]!.getBoundingClientRect().top).length,
        headers: [...tables[0]!.querySelectorAll('th')].map((th) => th.textContent),
      };
    });
    if (process.env.BUILDBENCH_SCREENSHOTS) await page.screenshot({ path: join(process.env.BUILDBENCH_SCREENSHOTS, `report-${viewport.width}.png`) });
    await page.context().close();
    expect(log).toEqual({ requests: [], errors: [], dialogs: [] });
    expect(layout.tables).toBe(3); // sidecar cold, sidecar warm, tauri-link incremental
    expect(layout.headers).toEqual(['Variant', 'Build time', 'Artifact size', 'Start-up, first launch', 'Start-up, warm launch']);
    expect(layout.sentencesAbove).toBe(0);
    expect(layout.firstTableTop).toBeLessThan(viewport.height * 0.6);
    expect(layout.scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(layout.clientWidth);
  });
});
