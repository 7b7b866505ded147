// Refreshes bench/timings.json, the reference timings `run --dry-run` estimates from on a machine with no
// earlier runs in reports/: `npm run timings -- reports/<run>/results.json …`. Each variant measured in the
// given files replaces its entry (the later file wins); the others are kept. An entry is used only while its
// fingerprint (plan/fingerprint.ts) matches the variant as scenarios/ defines it now.
//
// `npm run timings -- --refingerprint` re-marks the kept entries with the current fingerprints: for a change
// that does not alter what a build costs (a scenario rewritten as a preset, a comment in a lock file); it is
// the maintainer's statement that the old timings still hold. Entries whose id no scenario has are dropped.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { writeFileAtomicSync } from '../src/common/write-atomic.ts';
import { timingsOf, type TimingsFile, type VariantTiming } from '../src/plan/estimate.ts';
import { fingerprintsOf } from '../src/plan/fingerprint.ts';
import { readResultsFile } from '../src/results/io.ts';
import { selectScenarios } from '../src/scenario/discover.ts';

const FILE = new URL('../bench/timings.json', import.meta.url);
const args = process.argv.slice(2);
const refingerprint = args.includes('--refingerprint');
const files = args.filter((a) => a !== '--refingerprint');
if (files.length === 0 && !refingerprint) {
  console.error('usage: npm run timings -- reports/<run>/results.json … | --refingerprint');
  process.exit(2);
}

let current: Partial<TimingsFile> = {};
try {
  current = JSON.parse(readFileSync(FILE, 'utf8')) as TimingsFile;
} catch {
  // First write.
}
let variants = new Map<string, VariantTiming>(Object.entries(current.variants ?? {}));
if (refingerprint) variants = withCurrentFingerprints(variants);
for (const file of files) {
  const { value, problems } = readResultsFile(file);
  if (!value) {
    console.error(`${file}: ${problems.map((p) => p.message).join('; ')}`);
    process.exit(2);
  }
  const round = (t: VariantTiming): VariantTiming =>
    Object.fromEntries(Object.entries(t).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v) : v])) as unknown as VariantTiming;
  // A variant with warm-ups only (an interrupted run) is no reference: its measured entry stays.
  const measured = [...timingsOf(value)].filter(([, t]) => !t.fromWarmups);
  for (const [id, timing] of measured) variants.set(id, round(timing));
  console.log(`${file}: ${measured.length} variants (${value.environment.cores} cores, ${value.environment.cpuModel})`);
}
const out: TimingsFile = {
  about:
    'Reference timings for `buildbench run --dry-run` on a machine with no earlier runs in reports/: median build, ' +
    'median warm-up build and set-up time per variant id, in ms, from real runs on a 2-core Debian 12 machine ' +
    '(written by `npm run timings -- reports/<run>/results.json`); an entry counts only while its fingerprint ' +
    'matches the variant as scenarios/ defines it.',
  variants: Object.fromEntries([...variants].sort(([a], [b]) => a.localeCompare(b))),
};
// Atomically: `run --dry-run` of another process may read it this instant.
writeFileAtomicSync(fileURLToPath(FILE), `${JSON.stringify(out, null, 2)}\n`);
console.log(`wrote bench/timings.json: ${variants.size} variants`);

function withCurrentFingerprints(timings: Map<string, VariantTiming>): Map<string, VariantTiming> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const { scenarios } = selectScenarios({ args: [], all: true, cwd: root });
  const now = fingerprintsOf(scenarios);
  const kept = new Map<string, VariantTiming>();
  for (const [id, timing] of timings) {
    const fingerprint = now.get(id);
    if (fingerprint === undefined) console.log(`dropped ${id}: no scenario in scenarios/ defines it`);
    else kept.set(id, { ...timing, fingerprint });
  }
  return kept;
}
