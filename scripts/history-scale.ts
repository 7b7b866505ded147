// A history of N runs of the default plan's shape (11 variants, 58 builds, 80 launches), for measuring the
// dashboard and the change points at scale: `npx tsx scripts/history-scale.ts DIR [N]` writes DIR/<runId>.json.
// Seeded: the sidecar's onefile build steps up 8% at run 0.6·N, tauri-link's mold down 5% at 0.9·N, pex's cold build
// creeps 0.5% a run over the last 20 runs, every build is log-normal (cv 2%) with an outlier build (×1.5) in one run of 25.
import { makeRecord, writeRecord } from '../src/history/index.ts';
import { finalizeResults } from '../src/runner/finalize.ts';
import { createRng, randomNormal } from '../src/stats/random.ts';
import { defaultPlanResults } from '../test/history/fixtures.ts';

const [dir, rawN] = process.argv.slice(2);
if (!dir) {
  process.stderr.write('usage: npx tsx scripts/history-scale.ts DIR [N]\n');
  process.exit(2);
}
const n = Number(rawN ?? 1000);
const rng = createRng(42);
const start = Date.UTC(2024, 0, 1, 10);
for (let i = 0; i < n; i++) {
  const results = defaultPlanResults(1 + (i % 9));
  const at = new Date(start + i * 6 * 3_600_000).toISOString();
  results.runId = `${at.slice(0, 19).replace(/:/g, '-')}-r${i}`;
  results.startedAt = at;
  results.finishedAt = at;
  results.environment.git = { commit: i.toString(16).padStart(8, '0').padEnd(40, 'a'), branch: 'main', dirty: false };
  for (const v of results.variants) {
    const step = v.id === 'sidecar/pyinstaller-onefile@cold' && i >= 0.6 * n ? 1.08 : 1;
    const creep = v.id === 'sidecar/pex@cold' && i >= n - 20 ? 1 + 0.005 * (i - (n - 20)) : 1;
    const drop = v.id === 'tauri-link/mold@incremental' && i >= 0.9 * n ? 0.95 : 1;
    v.samples.forEach((s, j) => {
      const outlier = i % 25 === 7 && j === 0 ? 1.5 : 1;
      s.wallMs = s.wallMs * step * creep * drop * outlier * Math.exp(0.02 * randomNormal(rng));
    });
  }
  // The verdicts judged from these samples, as a run would: the fixture's own comparisons are of its samples.
  writeRecord(dir, makeRecord(finalizeResults(results), { runner: 'ci' }));
}
process.stdout.write(`${dir}: ${n} records\n`);
