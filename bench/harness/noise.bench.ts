// Does buildbench see when the machine lied? A CPU-bound synthetic build (mawk counting to N; the changed
// variant counts 5% further: a true 5% change) measured on the real runner, A/A and A/B, quiet and with an
// external CPU hog (a shell busy loop) running through a seeded random half of the rounds. Each cell runs
// `--trials` independent runs of `--runs` rounds and prints: false alarms (A/A runs with a faster/slower verdict),
// power at n = runs (A/B runs that find the 5% slower), the builds `--runs auto` needed to decide (--auto), how
// many samples measured while the hog ran were flagged busy, and the foreign CPU of hog and quiet builds. "before"
// is --interference-threshold off (no re-measure), "after" the default threshold.
// Usage: node --import tsx bench/harness/noise.bench.ts [--trials 6] [--runs 10] [--count 6000000] [--auto] [--seed 1]
// Not a test: it asserts nothing. It takes a few minutes; say the machine's load when you quote it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { buildPlan } from '../../src/plan/plan.ts';
import { runPlan } from '../../src/runner/run.ts';
import { DEFAULT_INTERFERENCE_THRESHOLD_PCT } from '../../src/runner/remeasure.ts';
import type { ResultsFile } from '../../src/results/schema.ts';
import { createRng } from '../../src/stats/random.ts';

const { values } = parseArgs({
  options: {
    trials: { type: 'string', default: '6' },
    runs: { type: 'string', default: '10' },
    count: { type: 'string', default: '6000000' },
    auto: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
  },
});
const runs = Number(values.runs);
const count = Number(values.count);
const dir = mkdtempSync(path.join(os.tmpdir(), 'bb-noise-'));

interface Cell {
  name: string;
  changePct: 0 | 5;
  hog: boolean;
  thresholdPct: number;
  adaptive: boolean;
}

interface Trial {
  verdict: string;
  builds: number;
  hogSamples: number;
  hogCaught: number;
  hogForeign: number[];
  quietForeign: number[];
}

const build = (n: number) => `mawk 'BEGIN{for(i=0;i<${n};i++);}'`;

/** One run of the cell on the real runner; the hog runs in a seeded half of the measured rounds. */
async function trial(cell: Cell, seed: number): Promise<Trial> {
  const yaml = [
    'name: noise',
    'project: .',
    `runs: ${runs}`,
    'warmup: 1',
    'cache: warm',
    'variants:',
    `  - {name: a, baseline: true, build: ${JSON.stringify(build(count))}}`,
    `  - {name: b, build: ${JSON.stringify(build(Math.round(count * (1 + cell.changePct / 100))))}}`,
  ].join('\n');
  const file = path.join(dir, 'noise.yaml');
  writeFileSync(file, `${yaml}\n`);
  const scenario = loadScenarioFile(file).scenario!;
  const out = path.join(dir, `out-${seed}`);
  const maxRuns = cell.adaptive ? 30 : runs;
  const plan = buildPlan({ scenarios: [scenario], runId: `noise-${seed}`, seed, outDir: out, workRoot: path.join(dir, 'work'), runs: maxRuns });
  const rng = createRng(seed * 7919);
  const hogRounds = new Set(Array.from({ length: maxRuns }, (_, i) => i + 1).filter(() => rng() < 0.5));
  let hog: ChildProcess | undefined;
  const hogSeen = new Set<string>(); // `${id}#${round}` of the first build of each round measured beside the hog
  const setHog = (on: boolean) => {
    // A session of its own, as another user's work: see footprint.bench.ts on the scheduler's autogroups.
    if (on && !hog) hog = spawn('sh', ['-c', 'while :; do :; done'], { stdio: 'ignore', detached: true });
    if (!on && hog) {
      hog.kill('SIGKILL');
      hog = undefined;
    }
  };
  let results: ResultsFile;
  try {
    results = await runPlan({
      plan,
      tool: { name: 'buildbench', version: 'bench' },
      checkTool: async (name) => ({ name, version: null, path: `/usr/bin/${name}` }),
      cwd: dir,
      interferenceThresholdPct: cell.thresholdPct,
      ...(cell.adaptive ? { adaptive: { minRuns: 4, maxRuns, targetCiPct: 2 } } : {}),
      onEvent: (e) => {
        if (e.kind !== 'sample-start') return;
        const on = cell.hog && e.round > 0 && hogRounds.has(e.round);
        setHog(on);
        if (on) hogSeen.add(`${e.id}#${e.round}`);
      },
    });
  } finally {
    setHog(false);
  }
  const wall = results.comparisons.find((c) => c.metric === 'wallMs');
  // A build measured beside the hog is caught when it, or the first try of its round, was flagged busy.
  const firstTries = results.variants.flatMap((v) => [...(v.contaminated ?? []), ...v.samples].map((s) => ({ key: `${v.id}#${s.round}`, s })));
  const byKey = new Map<string, (typeof firstTries)[number]['s']>();
  for (const { key, s } of firstTries) if (!byKey.has(key) || s.position < byKey.get(key)!.position) byKey.set(key, s);
  const hogKeys = [...hogSeen].filter((k) => byKey.has(k));
  const quietKeys = [...byKey.keys()].filter((k) => !hogSeen.has(k));
  rmSync(out, { recursive: true, force: true });
  return {
    verdict: wall?.verdict ?? 'none',
    builds: results.variants.reduce((n, v) => n + v.samples.length + (v.contaminated?.length ?? 0), 0),
    hogSamples: hogKeys.length,
    hogCaught: hogKeys.filter((k) => byKey.get(k)!.interference?.busy).length,
    hogForeign: hogKeys.map((k) => byKey.get(k)!.interference?.foreignCpuPct ?? 0),
    quietForeign: quietKeys.map((k) => byKey.get(k)!.interference?.foreignCpuPct ?? 0),
  };
}

const median = (xs: number[]) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const cells: Cell[] = [];
for (const changePct of [0, 5] as const) {
  cells.push({ name: `${changePct ? '5% change' : 'A/A'}, quiet`, changePct, hog: false, thresholdPct: DEFAULT_INTERFERENCE_THRESHOLD_PCT, adaptive: values.auto });
  cells.push({ name: `${changePct ? '5% change' : 'A/A'}, hog, before (no re-measure)`, changePct, hog: true, thresholdPct: 0, adaptive: values.auto });
  cells.push({ name: `${changePct ? '5% change' : 'A/A'}, hog, after (threshold ${DEFAULT_INTERFERENCE_THRESHOLD_PCT}%)`, changePct, hog: true, thresholdPct: DEFAULT_INTERFERENCE_THRESHOLD_PCT, adaptive: values.auto });
}

try {
  console.log(`load average at start: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} on ${os.cpus().length} CPUs; ${values.trials} trials a cell, ${values.auto ? 'runs auto (4–30)' : `${runs} runs`}, count ${count}`);
  for (const cell of cells) {
    const trials: Trial[] = [];
    for (let t = 0; t < Number(values.trials); t++) trials.push(await trial(cell, Number(values.seed) * 1000 + t));
    const decided = trials.filter((t) => t.verdict === 'faster' || t.verdict === 'slower').length;
    const slower = trials.filter((t) => t.verdict === 'slower').length;
    const hogSamples = trials.reduce((n, t) => n + t.hogSamples, 0);
    const caught = trials.reduce((n, t) => n + t.hogCaught, 0);
    const verdicts = cell.changePct === 0 ? `false alarms ${decided}/${trials.length}` : `found 5% slower ${slower}/${trials.length}`;
    const hogText = cell.hog ? `; hog-time builds flagged ${caught}/${hogSamples}` : '';
    const foreign = `; foreign CPU median (% of a core): hog ${median(trials.flatMap((t) => t.hogForeign)).toFixed(0)}, other ${median(trials.flatMap((t) => t.quietForeign)).toFixed(0)}`;
    console.log(`${cell.name}: ${verdicts}; builds per run median ${median(trials.map((t) => t.builds))}${hogText}${foreign}; load ${os.loadavg()[0]!.toFixed(2)}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
