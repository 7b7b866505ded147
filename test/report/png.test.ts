// charts/*.png: decoded again with @napi-rs/canvas and checked for their size and for ink — a chart
// whose text or bars failed to draw is mostly white.
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createCanvas, GlobalFonts, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { buildCharts } from '../../src/report/charts.ts';
import { buildReportModel } from '../../src/report/model.ts';
import { pngReporter, renderChartPng } from '../../src/report/png.ts';
import { makeOutDir, makeResults, manyVariants } from './fixtures.ts';

/** Share of pixels that are neither white nor transparent, and whether any pixel is transparent. */
async function inspect(path: string) {
  const image = await loadImage(path);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  let ink = 0;
  let transparent = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3]! < 255) transparent += 1;
    else if (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240) ink += 1;
  }
  return { width: image.width, height: image.height, inkShare: ink / (data.length / 4), transparent };
}

describe('PNG charts', () => {
  it('writes one decodable, white-backed, non-blank PNG per chart', async () => {
    const outDir = await makeOutDir();
    const history = [makeResults({ runId: 'older', variants: manyVariants(6) })];
    const model = buildReportModel({ results: [makeResults({ variants: manyVariants(6) })], history });
    const specs = buildCharts(model.scenarios[0]!);
    const files = await pngReporter.render(model, outDir);
    expect(files.map((f) => basename(f))).toEqual(specs.map((s) => `sidecar-${s.id}.png`));
    expect(specs.map((s) => s.id)).toEqual(['build-time', 'artifact-size', 'time-vs-size', 'startup', 'rounds', 'phases', 'trend']);
    for (const [i, file] of files.entries()) {
      const png = await inspect(file);
      expect({ width: png.width, height: png.height }, file).toEqual({ width: specs[i]!.width, height: specs[i]!.height });
      expect(png.transparent, `${file} has transparent pixels: no white background`).toBe(0);
      expect(png.inkShare, `${file} is blank`).toBeGreaterThan(0.01);
      expect(png.inkShare, `${file} is mostly ink`).toBeLessThan(0.6);
    }
  });

  it('draws text with the font it bundles (a chart of nothing but its title still has ink)', async () => {
    const config = {
      type: 'bar',
      data: { datasets: [] },
      options: { plugins: { title: { display: true, text: 'Only a title' }, legend: { display: false } }, scales: { x: { display: false }, y: { display: false } } },
    };
    const outDir = await makeOutDir();
    const file = join(outDir, 'title.png');
    await writeFile(file, await renderChartPng({ id: 'title', title: 'Only a title', width: 400, height: 100, config }));
    const png = await inspect(file);
    expect(png.inkShare).toBeGreaterThan(0.002);
    expect(png.inkShare).toBeLessThan(0.1);
    expect(GlobalFonts.families.map((f) => f.family)).toContain('buildbench-sans');
  });
});
