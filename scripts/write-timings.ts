// Refreshes bench/timings.json, the reference timings `run --dry-run` estimates from on a machine with no
// earlier runs in reports/: `npm run timings -- reports/<run>/results.json …`. Each variant measured in the
// given files replaces its entry (the later file wins); the others are kept.
import { readFileSync, writeFileSync } from 'node:fs';
import { timingsOf, type TimingsFile, type VariantTiming } from '../src/plan/estimate.ts';
import { readResultsFile } from '../src/results/io.ts';

const FILE = new URL('../bench/timings.json', import.meta.url);
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run timings -- reports/<run>/results.json …');
  process.exit(2);
}

let current: Partial<TimingsFile> = {};
try {
  current = JSON.parse(readFileSync(FILE, 'utf8')) as TimingsFile;
} catch {
  // First write.
}
const variants = new Map<string, VariantTiming>(Object.entries(current.variants ?? {}));
for (const file of files) {
  const { value, problems } = readResultsFile(file);
  if (!value) {
    console.error(`${file}: ${problems.map((p) => p.message).join('; ')}`);
    process.exit(2);
  }
  const round = (t: VariantTiming): VariantTiming => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v)])) as unknown as VariantTiming;
  for (const [id, timing] of timingsOf(value)) variants.set(id, round(timing));
  console.log(`${file}: ${timingsOf(value).size} variants (${value.environment.cores} cores, ${value.environment.cpuModel})`);
}
const out: TimingsFile = {
  about:
    'Reference timings for `buildbench run --dry-run` on a machine with no earlier runs in reports/: median build, ' +
    'median warm-up build and set-up time per variant id, in ms, from real runs on a 2-core Debian 12 machine ' +
    '(written by `npm run timings -- reports/<run>/results.json`).',
  variants: Object.fromEntries([...variants].sort(([a], [b]) => a.localeCompare(b))),
};
writeFileSync(FILE, `${JSON.stringify(out, null, 2)}\n`);
console.log(`wrote bench/timings.json: ${variants.size} variants`);
