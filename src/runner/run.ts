// Run a Plan: set up every workdir (untimed), then the warm-up rounds and the measured rounds in their
// shuffled order, one build at a time. Results are written after every sample, so an interruption or a
// crash loses nothing already measured; a failing variant is recorded and the others go on.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Plan, PlannedVariant } from '../plan/plan.ts';
import { variantFingerprint } from '../plan/fingerprint.ts';
import { RESULTS_FILE, writeResultsAtomic } from '../results/io.ts';
import { SCHEMA_VERSION, type ResultsFile, type RunSample, type VariantResult, type ToolInfo } from '../results/schema.ts';
import { measureArtifact } from './artifact.ts';
import { calibrateOverhead } from './calibrate.ts';
import { fingerprintEnvironment } from './environment.ts';
import { runSample, type SampleRequest } from './sample.ts';
import { setUpStage } from './set-up.ts';
import { measureStartupRounds } from './startup-rounds.ts';
import { finalizeResults, shouldStop, type AdaptiveOptions } from './finalize.ts';
import type { RunEvent } from './events.ts';
import type { RunHooks } from './hooks.ts';
import { startWatchdog } from './watchdog.ts';
import { startService } from './service.ts';
import { describeEnd, fail, failIfNothingSucceeded, markInterrupted, measuredBuilds, recordFailedBuild, roundName } from './variant-outcome.ts';
import { unmetNeed } from './needs.ts';

export interface RunOptions {
  plan: Plan;
  tool: { name: string; version: string };
  /** A tool a variant requires (found or not, and why the variant is unavailable); `planned` absent for the run's own (time). */
  checkTool: (name: string, planned?: PlannedVariant) => Promise<ToolInfo & { hint?: string }>;
  hooks?: RunHooks;
  adaptive?: AdaptiveOptions;
  stats?: { noisePct?: number; alpha?: number };
  onEvent?: (event: RunEvent) => void;
  signal?: AbortSignal;
  cwd: string;
}

export async function runPlan(opts: RunOptions): Promise<ResultsFile> {
  const stopWatchdog = startWatchdog();
  try {
    return await runPlanGuarded(opts);
  } finally {
    stopWatchdog();
  }
}

async function runPlanGuarded(opts: RunOptions): Promise<ResultsFile> {
  const { plan, signal } = opts;
  const emit = opts.onEvent ?? (() => {});
  const file = path.join(plan.outDir, RESULTS_FILE);
  const tools = await checkTools(opts, plan.variants);
  const results: ResultsFile = {
    schemaVersion: SCHEMA_VERSION,
    runId: plan.runId,
    tool: opts.tool,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    interrupted: false,
    config: {
      runs: Math.max(0, ...plan.variants.map((v) => v.runs)),
      warmup: Math.max(0, ...plan.variants.map((v) => v.warmup)),
      seed: plan.seed,
      order: plan.rounds,
      ...(plan.refs.length > 0 ? { refs: plan.refs } : {}),
      ...(plan.leftOut.length > 0 ? { leftOut: plan.leftOut } : {}),
      ...opts.stats,
    },
    environment: await fingerprintEnvironment({ cwd: opts.cwd, tools: tools.all }),
    scenarios: uniqueScenarios(plan),
    variants: plan.variants.map((p) => emptyResult(p)),
    comparisons: [],
  };
  const byId = new Map(plan.variants.map((p, i) => [p.id, { planned: p, result: results.variants[i]! }]));
  const save = () => writeResultsAtomic(file, finalizeResults(results, opts.stats));
  save();

  // Availability first: a missing tool makes the variant unavailable, with the reason, before anything runs.
  for (const { planned, result } of byId.values()) {
    const missing = tools.of(planned).filter((t) => !t.path);
    if (missing.length > 0) {
      Object.assign(result, { status: 'unavailable', reason: missing.map((t) => `${t.name} not found${t.hint ? ` (${t.hint})` : ''}`).join('; ') });
      emit({ kind: 'unavailable', id: planned.id, reason: result.reason! });
    }
  }
  const { overheadMs, overheadSpreadMs } = await calibrateOverhead(plan.outDir);
  Object.assign(results.config, { overheadMs, overheadSpreadMs });
  emit({ kind: 'calibrated', overheadMs });

  const total = plan.warmupRounds.flat().length + plan.rounds.flat().length;
  const counter = { done: 0, warmupRounds: 0, rounds: 0 };
  let stopReason: string | undefined;
  // Stage by stage: a consumer's set-up and builds start once its producers' have all finished.
  for (const [s, stage] of plan.stages.entries()) {
    if (signal?.aborted) break;
    const members = [...byId.values()].filter(({ planned }) => planned.stage === s);
    for (const { planned, result } of members) {
      const unmet = result.status === 'ok' ? unmetNeed(planned, (id) => byId.get(id)?.result) : undefined;
      if (!unmet) continue;
      Object.assign(result, { status: 'skipped', reason: unmet });
      emit({ kind: 'unavailable', id: planned.id, reason: unmet });
    }
    await setUpStage({ members, outDir: plan.outDir, signal, emit, save });
    const schedule = [
      ...stage.warmupRounds.map((ids, i) => ({ ids, round: -(counter.warmupRounds + i + 1), inStage: 0 })),
      ...stage.rounds.map((ids, i) => ({ ids, round: counter.rounds + i + 1, inStage: i + 1 })),
    ];
    counter.warmupRounds += stage.warmupRounds.length;
    counter.rounds += stage.rounds.length;
    // Services the builds reuse run from before the stage's first build to after its last.
    const services = members.filter(({ planned, result }) => result.status === 'ok' && planned.variant.service).map(({ planned }) => startService(planned, plan.outDir));
    let stopped: string | undefined;
    try {
      stopped = await runSchedule({ opts, schedule, members, byId, results, counter, total, overheadMs, save });
    } finally {
      for (const service of services) await service.stop();
    }
    stopReason ??= stopped;
    for (const { result } of members) failIfNothingSucceeded(result);
    await recordLastArtifacts({ members, hooks: opts.hooks });
    save();
  }
  // A run that went to its last round says so too: what was still undecided after --max-runs.
  if (opts.adaptive && stopReason === undefined && !signal?.aborted) {
    stopReason = shouldStop({ results, round: plan.rounds.length + 1, adaptive: opts.adaptive, stats: opts.stats }).reason || undefined;
  }

  // Start-up after every build, in rounds of its own: a launch's timing should not share the machine with a build.
  await measureStartupRounds({ entries: [...byId.values()], seed: plan.seed, outDir: plan.outDir, signal, emit, save, fail });
  save();

  results.interrupted = signal?.aborted ?? false;
  if (results.interrupted) {
    for (const { result } of byId.values()) {
      if (result.status === 'ok' && result.samples.length === 0 && !result.failures?.length) markInterrupted(result, 'before it was measured');
    }
  }
  if (stopReason) results.config.stopReason = stopReason;
  results.finishedAt = new Date().toISOString();
  results.environment.loadAvgAfter = os.loadavg().map((x) => Math.round(x * 100) / 100);
  const final = finalizeResults(results, opts.stats);
  writeResultsAtomic(file, final);
  return final;
}

type Entry = { planned: PlannedVariant; result: VariantResult };

/** One stage's warm-up and measured rounds, in order; returns why adaptive runs stopped it early, if they did. */
async function runSchedule(ctx: {
  opts: RunOptions;
  schedule: { ids: string[]; round: number; inStage: number }[];
  members: Entry[];
  byId: Map<string, Entry>;
  results: ResultsFile;
  counter: { done: number };
  total: number;
  overheadMs: number;
  save: () => void;
}): Promise<string | undefined> {
  const { opts, byId, results, counter, total, overheadMs, save } = ctx;
  const { plan, signal } = opts;
  const emit = opts.onEvent ?? (() => {});
  const memberIds = new Set(ctx.members.map((m) => m.planned.id));
  for (const { ids, round, inStage } of ctx.schedule) {
    if (inStage > 0 && opts.adaptive) {
      // Each stage decides on its own variants: the producers before it are finished.
      const view = { ...results, variants: results.variants.filter((v) => memberIds.has(v.id)) };
      const decision = shouldStop({ results: view, round: inStage, adaptive: opts.adaptive, stats: opts.stats });
      if (decision.stop) return decision.reason;
    }
    for (const [position, id] of ids.entries()) {
      const { planned, result } = byId.get(id)!;
      const done = ++counter.done;
      if (signal?.aborted) break;
      if (result.status !== 'ok') continue;
      emit({ kind: 'sample-start', id, round, done, total });
      const isFirstBuild = result.warmups.length === 0 && result.samples.length === 0;
      let outcome: Awaited<ReturnType<typeof measureOne>>;
      try {
        outcome = await measureOne({ planned, result, round, position, outDir: plan.outDir, isFirstBuild, overheadMs, signal, hooks: opts.hooks });
      } catch (err) {
        // A refused path (a build that turned a clean folder into a link outside), an unreadable artifact …:
        // this variant cannot go on, the others can.
        fail(result, `could not measure round ${round}: ${(err as Error).message}`, []);
        save();
        continue;
      }
      if (outcome === 'aborted') {
        // An interrupted build is not a measurement; a variant with none says where it was stopped.
        if (result.samples.length === 0) markInterrupted(result, `during its build in ${roundName(round)}`);
        break;
      }
      emit({ kind: 'sample-end', id, round, done, total, sample: outcome, status: result.status });
      save();
    }
    if (signal?.aborted) break;
  }
  return undefined;
}

/**
 * Variants that stopped early (adaptive runs, an interruption) have their last artifact recorded here, at the
 * end of their stage, so a consumer in the next stage reads a measured artifact.
 */
async function recordLastArtifacts(opts: { members: Entry[]; hooks?: RunHooks }): Promise<void> {
  for (const { planned, result } of opts.members) {
    if (result.status !== 'ok' || result.artifact || result.samples.length === 0) continue;
    try {
      await recordArtifact({ planned, result, hooks: opts.hooks });
    } catch (err) {
      fail(result, `could not measure the artifact: ${(err as Error).message}`, []);
    }
  }
}

/** One sample of one variant, recorded into its result: the build, then its artifact. */
async function measureOne(opts: SampleRequest & { result: VariantResult; hooks?: RunHooks }): Promise<RunSample | 'aborted'> {
  const { planned, result, round, hooks } = opts;
  const { sample, run } = await runSample(opts);
  if (run.aborted) return 'aborted';
  await hooks?.afterSample?.({ planned, sample, run });
  if (run.spawnError || run.exitCode !== 0) {
    recordFailedBuild({ result, sample, run, why: describeEnd(run, planned.variant.timeoutS) });
    return sample;
  }
  (round < 0 ? result.warmups : result.samples).push(sample);
  if (planned.variant.artifact && !existsSync(path.join(planned.workdir, planned.variant.artifact))) {
    fail(result, `the build exited 0 but wrote no artifact at ${planned.variant.artifact}`, run.tail);
  } else if (round > 0 && measuredBuilds(result) === planned.runs) {
    // Every build of a variant writes the same artifact: hash and inspect the last one only, not each.
    await recordArtifact({ planned, result, hooks });
  }
  return sample;
}

/** Bytes, hash and insight of the artifact the variant's last build left in its workdir. */
async function recordArtifact(opts: { planned: PlannedVariant; result: VariantResult; hooks?: RunHooks }): Promise<void> {
  const { planned, result, hooks } = opts;
  if (!planned.variant.artifact) return;
  result.artifact = await measureArtifact({ workdir: planned.workdir, rel: planned.variant.artifact });
  if (result.artifact.kind === 'missing') fail(result, `the last build left no artifact at ${planned.variant.artifact}`, []);
  else await hooks?.afterArtifact?.({ planned, artifact: result.artifact });
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
