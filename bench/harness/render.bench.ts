// Micro-benchmark of the report stage (npm run bench:harness): a results file with 50 variants × 20
// samples renders HTML + PNG + Markdown within a 1 s budget, and the HTML of a default-size run
// (14 variants × 5 samples) stays under 1 MB. tinybench times whole renders, warm-up excluded (the first
// render also reads templates, chart.js and the font). Exits 1 when a budget is exceeded.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bench } from 'tinybench';
import { renderReports } from '../../src/report/index.ts';
import { makeResults, manyVariants } from '../../test/report/fixtures.ts';

const BUDGET_MS = 1000;
const HTML_BUDGET_BYTES = 1024 * 1024;

const large = makeResults({ samples: 20, variants: manyVariants(50) });
const defaultSize = makeResults({ samples: 5, variants: manyVariants(14) });
const outDir = await mkdtemp(join(tmpdir(), 'buildbench-render-bench-'));

const bench = new Bench({ name: 'report rendering', iterations: 10, time: 0, warmupIterations: 2, warmupTime: 0 });
bench.add('50 variants × 20 samples → HTML + PNG + Markdown', async () => {
  await renderReports({ results: [large], outDir, formats: ['html', 'png', 'markdown'] });
});
await bench.run();

const task = bench.tasks[0]!;
const result = task.result;
if (result.state !== 'completed') throw new Error(`benchmark did not complete: ${result.state}`);
const { p50, min, max } = result.latency;
const largeHtml = (await stat(join(outDir, 'report.html'))).size;
await renderReports({ results: [defaultSize], outDir, formats: ['html'] });
const defaultHtml = (await stat(join(outDir, 'report.html'))).size;
await rm(outDir, { recursive: true, force: true });

const ms = (n: number) => `${n.toFixed(0)} ms`;
const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
console.log(`${task.name}: median ${ms(p50)} (min ${ms(min)}, max ${ms(max)}, ${result.latency.samplesCount} renders) — budget ${ms(BUDGET_MS)}`);
console.log(`report.html: ${kib(defaultHtml)} for 14 variants × 5 samples (budget ${kib(HTML_BUDGET_BYTES)}), ${kib(largeHtml)} for 50 × 20`);
if (p50 > BUDGET_MS || defaultHtml > HTML_BUDGET_BYTES) {
  console.error('over budget');
  process.exitCode = 1;
}
