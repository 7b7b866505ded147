// Run a Plan: check the tools, calibrate the harness, then stage by stage the untimed set-up, the warm-up
// rounds and the measured rounds in their shuffled order, one build at a time; start-up launches after every
// build. Results are written after every sample, so an interruption or a crash loses nothing already
// measured; a failing variant is recorded and the others go on.
import type { Plan, PlannedVariant } from '../plan/plan.ts';
import { cannotRun, unavailableReason, type FoundTool } from '../plan/availability.ts';
import type { ResultsFile } from '../results/schema.ts';
import { calibrateOverhead } from './calibrate.ts';
import { shouldStop, type AdaptiveOptions, type StatsSettings } from './finalize.ts';
import type { RunEvent } from './events.ts';
import type { RunHooks } from './hooks.ts';
import { isInterrupted, recordInterruption } from './interruption.ts';
import { closeRun, openRun, type RunContext } from './run-results.ts';
import { runStages } from './run-stages.ts';
import { measureStartupRounds } from './startup-rounds.ts';
import { minRunsForDifference } from '../stats/index.ts';
import { readCpuView } from '../common/cpu-view.ts';
import { MAX_TRIES, remeasurePolicy } from './remeasure.ts';
import { startWatchdog } from './watchdog.ts';
import { timed } from './spent.ts';

export interface RunOptions {
  plan: Plan;
  tool: { name: string; version: string };
  /** A tool a variant requires (found or not, and why the variant is unavailable); `planned` absent for the run's own (time). */
  checkTool: (name: string, planned?: PlannedVariant) => Promise<FoundTool>;
  hooks?: RunHooks;
  adaptive?: AdaptiveOptions;
  stats?: StatsSettings;
  /** % of one core other processes may use during a build before it is re-measured; 0 or absent: off (the CLI's default is DEFAULT_INTERFERENCE_THRESHOLD_PCT). */
  interferenceThresholdPct?: number;
  onEvent?: (event: RunEvent) => void;
  /** Aborted to stop the run: the current build is killed, nothing new starts, the results say `interrupted`. */
  signal?: AbortSignal;
  cwd: string;
}

/**
 * Runs the plan and returns the final results file, also written to `<plan.outDir>/results.json`. A failed,
 * unavailable or interrupted variant is recorded in its result, never thrown; what throws is the harness's
 * own trouble (results.json cannot be written). A watchdog kills the builds if this process dies.
 */
export async function runPlan(opts: RunOptions): Promise<ResultsFile> {
  const stopWatchdog = startWatchdog();
  try {
    return await runPlanGuarded(opts);
  } finally {
    stopWatchdog();
  }
}

async function runPlanGuarded(opts: RunOptions): Promise<ResultsFile> {
  const run = await openRun(opts);
  markUnavailable(run);
  const overheadMs = await timed(run.results, 'checks', async () => {
    const ms = await calibrate(run);
    watchInterference(run);
    return ms;
  });
  const stopReason = (await runStages(run, overheadMs)) ?? undecidedAtLastRound(run);
  await timed(run.results, 'startup', () => measureStartup(run));
  recordInterruption(run);
  return closeRun(run, stopReason);
}

/**
 * Availability first: a variant declared unavailable or missing a tool, and a consumer of one of those, is
 * recorded so with the reason before anything runs (plan/availability.ts), said once, and builds nothing.
 */
function markUnavailable(run: RunContext): void {
  const out = cannotRun(run.plan.variants, (planned) => unavailableReason(planned, run.toolsOf(planned)));
  for (const [id, { status, reason }] of out) {
    Object.assign(run.byId.get(id)!.result, { status, reason });
    run.emit({ kind: 'unavailable', id, reason });
  }
}

/** The harness's own cost of starting a build, recorded in the config; returns it in ms. */
async function calibrate(run: RunContext): Promise<number> {
  const { overheadMs, overheadSpreadMs } = await calibrateOverhead(run.plan.outDir);
  Object.assign(run.results.config, { overheadMs, overheadSpreadMs });
  run.emit({ kind: 'calibrated', overheadMs });
  return overheadMs;
}

/**
 * How busy builds are treated, recorded in the config: the threshold (0 = off), and whether /proc/stat is the
 * machine's own (said once when not: then nothing is re-measured).
 */
function watchInterference(run: RunContext): void {
  const view = readCpuView();
  const asked = run.opts.interferenceThresholdPct ?? 0;
  const config = { thresholdPct: asked > 0 ? asked : null, maxTries: MAX_TRIES, machineOwn: view.machineOwn, ...(view.why ? { why: view.why } : {}) };
  run.results.config.interference = config;
  // The budget is a share of the measured builds that will run (availability is decided by now).
  const plannedBuilds = run.plan.rounds.flat().filter((id) => run.byId.get(id)?.result.status === 'ok').length;
  run.remeasure = remeasurePolicy({ config, cpus: view.statCpus, plannedBuilds });
  if (view.why && config.thresholdPct !== null) run.emit({ kind: 'machine-view', why: view.why });
}

/** A run that went to its last round says so too: what was still undecided after --max-runs. */
function undecidedAtLastRound(run: RunContext): string | undefined {
  const { opts, results, plan } = run;
  if (!opts.adaptive || isInterrupted(opts.signal)) return undefined;
  return shouldStop({ results, round: plan.rounds.length + 1, adaptive: opts.adaptive, stats: opts.stats }).reason || undefined;
}

/** Start-up after every build, in rounds of its own: a launch's timing should not share the machine with a build. */
async function measureStartup(run: RunContext): Promise<void> {
  const { plan, opts } = run;
  const alpha = opts.stats?.alpha ?? 0.05;
  const useFinalAlpha = (startupAlpha: number) => {
    run.results.config.startupAlpha = startupAlpha;
    run.save();
  };
  const decide = { comparisons: () => run.results.comparisons, alpha, minRounds: minRunsForDifference(alpha), useFinalAlpha };
  await measureStartupRounds({ entries: [...run.byId.values()], seed: plan.seed, outDir: plan.outDir, signal: opts.signal, emit: run.emit, save: run.save, decide });
  run.save();
}
