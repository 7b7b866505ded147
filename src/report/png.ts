// charts/<scenario>-<chart>.png: the page's charts drawn on the server from the same definitions
// (charts.ts), with chart.js on @napi-rs/canvas (prebuilt in its npm package; no cairo to compile).
// A bare machine has no fonts, so DejaVu Sans is registered from an npm package; the canvas is
// transparent by default, so a plugin paints it white; the PNG is encoded before the chart is destroyed.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration, type Plugin } from 'chart.js';
import { BarWithErrorBar, BarWithErrorBarsController, LineWithErrorBarsController, PointWithErrorBar } from 'chartjs-chart-error-bars';
import { fontPath, pointLabelsPath } from './assets.ts';
import { buildCharts, type ChartSpec } from './charts.ts';
import type { ReportModel } from './model.ts';
import type { Reporter } from './reporter.ts';
import { writeFileAtomic } from '../common/write-atomic.ts';

const FONT_FAMILY = 'buildbench-sans';

const whiteBackground: Plugin = {
  id: 'buildbenchWhiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

let ready: Promise<void> | undefined;

function setUp(): Promise<void> {
  ready ??= (async () => {
    // The label plugin is a plain script shared with the page; it sets globalThis.buildbenchPointLabels.
    await import(pathToFileURL(pointLabelsPath).href);
    const pointLabels = (globalThis as { buildbenchPointLabels?: Plugin }).buildbenchPointLabels;
    if (!GlobalFonts.registerFromPath(fontPath(), FONT_FAMILY)) throw new Error(`cannot load the chart font ${fontPath()}`);
    Chart.register(...registerables, BarWithErrorBarsController, BarWithErrorBar, LineWithErrorBarsController, PointWithErrorBar);
    if (pointLabels) Chart.register(pointLabels);
    Chart.defaults.font.family = FONT_FAMILY;
  })();
  return ready;
}

/** One chart as PNG bytes. */
export async function renderChartPng(spec: ChartSpec): Promise<Buffer> {
  await setUp();
  const canvas = createCanvas(spec.width, spec.height);
  // chart.js keeps references into the config it is given; a copy leaves the model untouched.
  const config = structuredClone(spec.config) as unknown as ChartConfiguration;
  config.options = { ...config.options, responsive: false, animation: false, devicePixelRatio: 1 };
  config.plugins = [whiteBackground];
  const chart = new Chart(canvas as unknown as HTMLCanvasElement, config);
  try {
    return await canvas.encode('png');
  } finally {
    chart.destroy();
  }
}

export const pngReporter: Reporter = {
  name: 'png',
  async render(model: ReportModel, outDir: string) {
    const written: string[] = [];
    for (const scenario of model.scenarios) {
      for (const spec of buildCharts(scenario)) {
        const path = join(outDir, 'charts', `${scenario.slug}-${spec.id}.png`);
        written.push(await writeFileAtomic(path, await renderChartPng(spec)));
      }
    }
    return written;
  },
};
