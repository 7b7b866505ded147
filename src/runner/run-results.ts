// The results file of a run: opened before anything runs (every variant present, `ok` until something says
// otherwise), saved after every sample so an interruption or a crash loses nothing already measured, and
// closed at the end with the finish time and the load average after.
import os from 'node:os';
import path from 'node:path';
import type { Plan, PlannedVariant } from '../plan/plan.ts';
import { variantFingerprint } from '../plan/fingerprint.ts';
import { RESULTS_FILE, writeResultsAtomic } from '../results/io.ts';
import { SCHEMA_VERSION, type ResultsFile, type ToolInfo, type VariantResult } from '../results/schema.ts';
import { fingerprintEnvironment } from './environment.ts';
import { finalizeResults } from './finalize.ts';
import type { RunEvent } from './events.ts';
import type { RunOptions } from './run.ts';
import type { RemeasurePolicy } from './remeasure.ts';

/** A planned variant and the result the run fills in for it. */
export type Entry = { planned: PlannedVariant; result: VariantResult };

/** What every phase of a run reads and writes. */
export interface RunContext {
  opts: RunOptions;
  plan: Plan;
  emit: (event: RunEvent) => void;
  results: ResultsFile;
  /** Every entry by variant id, in plan order; `result` is the object inside `results.variants`. */
  byId: Map<string, Entry>;
  /** The tools each variant requires, as found where it calls them (`path: null` when missing). */
  toolsOf: (planned: PlannedVariant) => (ToolInfo & { hint?: string })[];
  /** Writes results.json atomically with its statistics recomputed; cheap enough to call after every sample. */
  save: () => void;
  /** How builds measured while the machine was busy are treated (remeasure.ts); set once the run has calibrated. */
  remeasure?: RemeasurePolicy;
}

/**
 * Checks every tool, fingerprints the environment and writes the first results.json (`<outDir>/results.json`),
 * with every planned variant `ok` and no sample. Errors: a results.json that cannot be written throws.
 */
export async function openRun(opts: RunOptions): Promise<RunContext> {
  const { plan } = opts;
  const file = path.join(plan.outDir, RESULTS_FILE);
  const tools = await checkTools(opts, plan.variants);
  const results: ResultsFile = {
    schemaVersion: SCHEMA_VERSION,
    runId: plan.runId,
    tool: opts.tool,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    interrupted: false,
    config: runConfig(opts),
    environment: await fingerprintEnvironment({ cwd: opts.cwd, tools: tools.all }),
    scenarios: uniqueScenarios(plan),
    variants: plan.variants.map((p) => emptyResult(p)),
    comparisons: [],
  };
  const byId = new Map(plan.variants.map((p, i) => [p.id, { planned: p, result: results.variants[i]! }]));
  const save = () => writeResultsAtomic(file, finalizeResults(results, opts.stats));
  save();
  return { opts, plan, emit: opts.onEvent ?? (() => {}), results, byId, toolsOf: tools.of, save };
}

/** Stamps the finish time and the load average after (1, 5, 15 min, 2 decimals), writes and returns the final file. */
export function closeRun(run: RunContext, stopReason: string | undefined): ResultsFile {
  const { results } = run;
  if (stopReason) results.config.stopReason = stopReason;
  results.finishedAt = new Date().toISOString();
  results.environment.loadAvgAfter = os.loadavg().map((x) => Math.round(x * 100) / 100);
  const final = finalizeResults(results, run.opts.stats);
  writeResultsAtomic(path.join(run.plan.outDir, RESULTS_FILE), final);
  return final;
}

/** The run's settings as recorded: the most runs and warm-ups of any variant, the seed and the order. */
function runConfig(opts: RunOptions): ResultsFile['config'] {
  const { plan } = opts;
  return {
    runs: Math.max(0, ...plan.variants.map((v) => v.runs)),
    warmup: Math.max(0, ...plan.variants.map((v) => v.warmup)),
    seed: plan.seed,
    order: plan.rounds,
    ...(plan.refs.length > 0 ? { refs: plan.refs } : {}),
    ...(plan.leftOut.length > 0 ? { leftOut: plan.leftOut } : {}),
    ...opts.stats,
  };
}

/** Every variant's required tools, checked where that variant calls them, and the distinct answers. */
async function checkTools(opts: RunOptions, variants: PlannedVariant[]) {
  const checked = await Promise.all(variants.map(async (v) => [v.id, await Promise.all([...new Set(v.variant.requires)].map((n) => opts.checkTool(n, v)))] as const));
  const byVariant = new Map(checked);
  // GNU time measures every build's CPU and peak RSS: record which one did.
  const time = await opts.checkTool('time');
  const distinct = new Map<string, ToolInfo>();
  for (const t of [...checked.flatMap(([, ts]) => ts), time]) distinct.set(`${t.name}\0${t.path}`, { name: t.name, version: t.version, path: t.path });
  const all = [...distinct.values()].sort((a, b) => a.name.localeCompare(b.name));
  return { of: (v: PlannedVariant) => byVariant.get(v.id) ?? [], all };
}

function emptyResult(p: PlannedVariant): VariantResult {
  return {
    id: p.id,
    scenario: p.scenario.name,
    variant: p.variant.name,
    cache: p.cache,
    baseline: p.variant.baseline,
    ...(p.variant.description ? { description: p.variant.description } : {}),
    ...(p.ref ? { ref: p.ref } : {}),
    fingerprint: variantFingerprint(p),
    status: 'ok',
    reason: null,
    samples: [],
    warmups: [],
    artifact: null,
    startup: null,
    network: p.variant.network,
    ...(p.needs.length > 0 ? { needs: Object.fromEntries(p.needs.map((n) => [n.name, n.producer])) } : {}),
    stats: {},
    failures: [],
  };
}

function uniqueScenarios(plan: Plan): ResultsFile['scenarios'] {
  const seen = new Map<string, ResultsFile['scenarios'][number]>();
  for (const { scenario: s } of plan.variants) {
    seen.set(s.name, { name: s.name, file: s.file, sha256: s.sha256, ...(s.description ? { description: s.description } : {}) });
  }
  return [...seen.values()];
}
