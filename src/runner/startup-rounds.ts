// Start-up measured like builds: each launch is a sample. After the builds, every variant with a smoke test
// and an artifact is launched in rounds, each round a seeded shuffle of the variants (plan/order.ts), each
// variant `runs` times. In its turn a variant is launched twice: first with empty extraction caches (the
// state a user's first launch after installing meets), then warm, keeping what that first launch left.
// A launch that never becomes ready marks its variant "built, does not start" with the lines that explain it
// and the log path: a smoke test exists to catch exactly the artifact that builds but does not start. Its
// builds stay measured (status ok): build time, size and their comparisons are kept; start-up has no figures.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { orderRounds } from '../plan/order.ts';
import { slugOf, type PlannedVariant } from '../plan/plan.ts';
import { decidedLaunches } from './launch-stop.ts';
import { earliestDifferenceStop, lookLevels, type LookLevels } from '../stats/index.ts';
import { LAUNCH_STATES, type Comparison, type Launch, type StartupInfo, type VariantResult } from '../results/schema.ts';
import { DOES_NOT_START } from '../results/variant-status.ts';
import { median } from '../stats/descriptive.ts';
import type { RunEvent } from './events.ts';
import { launchOnce } from './smoke.ts';
import { runUntimed } from './untimed.ts';

export interface StartupRoundsOptions {
  entries: { planned: PlannedVariant; result: VariantResult }[];
  seed: number;
  outDir: string;
  signal?: AbortSignal;
  emit: (event: RunEvent) => void;
  /** Called after every launch pair, so an interruption loses nothing measured. */
  save: () => void;
  /**
   * Stop a variant's launches once its start-up comparisons are decided (launch-stop.ts), looking after each
   * round from `minRounds` on; `comparisons` reads the results' comparisons as `save` last recomputed them.
   * When an interim look can stop a faster/slower comparison, `useFinalAlpha` is told the α left for the start-up
   * comparisons at the last one, before the first launch (α split as --runs auto splits it: false alarms ≤ α
   * over all the looks; interimLevels).
   */
  decide?: { comparisons: () => readonly Comparison[]; alpha: number; minRounds: number; useFinalAlpha: (alpha: number) => void };
}

/** Launches every measured variant with a smoke test; fills `result.startup`, or marks the variant as one that does not start. */
export async function measureStartupRounds(opts: StartupRoundsOptions): Promise<void> {
  const entries = opts.entries.filter(({ planned, result }) => isLaunchable(planned, result));
  const byId = new Map(entries.map((e) => [e.planned.id, e]));
  for (const { result } of entries) result.startup = { firstMs: null, warmMs: null, readyOk: true, launches: [] };
  await installAll({ ...opts, entries });
  // A different seed from the build rounds': the launch order should not repeat the build order.
  const rounds = orderRounds({ ids: entries.map((e) => ({ id: e.planned.id, count: e.planned.runs })), rounds: Math.max(0, ...entries.map((e) => e.planned.runs)), seed: opts.seed + 2 });
  const decided = new Set<string>();
  const { decide } = opts;
  const levels = decide && interimLevels({ alpha: decide.alpha, minRuns: decide.minRounds, maxRuns: rounds.length });
  if (decide && levels && levels.interimP > 0) decide.useFinalAlpha(levels.finalAlpha);
  for (const [r, ids] of rounds.entries()) {
    for (const [position, id] of ids.entries()) {
      if (opts.signal?.aborted) return;
      const { planned, result } = byId.get(id)!;
      if (result.status !== 'ok' || result.startup?.readyOk === false || decided.has(id)) continue;
      opts.emit({ kind: 'smoke', id, round: r + 1 });
      await launchPair({ ...opts, planned, result, round: r + 1, position });
      opts.save();
    }
    if (decide && levels && r + 1 >= decide.minRounds && r + 1 < rounds.length) {
      for (const id of decidedLaunches({ comparisons: decide.comparisons(), ids: entries.map((e) => e.planned.id), last: false, alpha: decide.alpha, interimP: levels.interimP })) decided.add(id);
    }
  }
}

/**
 * The levels of the launch rounds' looks: --runs auto's split (lookLevels) where some interim look can stop a
 * faster/slower comparison; where none can (the exact rank-sum p of n against n, at best 2 / C(2n, n), stays
 * above the interim threshold until the last round: 5 or 6 rounds at α = 0.05), the interim looks can only stop
 * on "no difference", which raises no alarm, so they spend nothing and the last look keeps the whole α
 * (interimP 0: no faster/slower stop before it). A paired analysis can do no better: at best 2 / 2ⁿ.
 */
function interimLevels(opts: { alpha: number; minRuns: number; maxRuns: number }): LookLevels {
  const levels = lookLevels(opts);
  return earliestDifferenceStop(opts) < opts.maxRuns ? levels : { interimP: 0, finalAlpha: opts.alpha };
}

/**
 * Each variant's untimed `smoke.install` (e.g. unpacking the package a launch runs from), once, after its last
 * build: what a user does before the first launch is not part of the launch's time. A failure fails the variant.
 */
async function installAll(opts: StartupRoundsOptions): Promise<void> {
  for (const { planned, result } of opts.entries) {
    const install = planned.variant.smoke?.install;
    if (!install || opts.signal?.aborted) continue;
    const outcome = await runUntimed({ planned, commands: [install], label: 'install', outDir: opts.outDir, signal: opts.signal });
    if (outcome === 'interrupted' || !outcome) continue;
    Object.assign(result.startup!, { readyOk: false, error: outcome.reason });
    markDoesNotStart(result, `${DOES_NOT_START}: ${outcome.reason}`, outcome.tail);
    opts.emit({ kind: 'does-not-start', id: planned.id, reason: result.reason!, block: outcome.tail });
  }
}

/**
 * The artifact built but did not start: the variant stays `ok` with its builds (their figures and comparisons
 * are kept), its reason says why it does not start, and the launches it made are dropped (a start-up figure of
 * an app that fails to start is no figure).
 */
function markDoesNotStart(result: VariantResult, reason: string, tail: string[]): void {
  result.reason = reason;
  result.logTail = tail.slice(-40);
  Object.assign(result.startup!, { firstMs: null, warmMs: null, launches: [] });
  delete result.startup!.extractBytes;
}

function isLaunchable(planned: PlannedVariant, result: VariantResult): boolean {
  return result.status === 'ok' && planned.variant.smoke !== undefined && result.samples.length > 0 && result.artifact?.kind !== 'missing';
}

/** One round's turn of one variant: a first launch from empty caches, then a warm one. */
async function launchPair(opts: StartupRoundsOptions & { planned: PlannedVariant; result: VariantResult; round: number; position: number }): Promise<void> {
  const { planned, result, round } = opts;
  const stateDir = path.join(planned.cacheDir, `launch-${round}`);
  rmSync(stateDir, { recursive: true, force: true });
  try {
    for (const state of LAUNCH_STATES) {
      const logRel = path.join('logs', slugOf(planned.id), `startup-${round}-${state}.log`);
      const outcome = await launchOnce({ planned, stateDir, logFile: path.join(opts.outDir, logRel), signal: opts.signal });
      if (!outcome.ok) {
        if (outcome.error === 'interrupted') return;
        const startup = result.startup!;
        Object.assign(startup, { readyOk: false, error: `${state} launch ${round}: ${outcome.error}`, log: logRel });
        markDoesNotStart(result, `${DOES_NOT_START}: the ${state} launch of round ${round} ${outcome.error} (log: ${logRel})`, outcome.block);
        opts.emit({ kind: 'does-not-start', id: planned.id, reason: result.reason!, block: outcome.block });
        return;
      }
      result.startup!.launches!.push({ round, position: opts.position, state, ms: round1(outcome.ms), extractBytes: outcome.extractBytes });
      Object.assign(result.startup!, summarizeLaunches(result.startup!.launches!));
    }
  } finally {
    rmSync(stateDir, { recursive: true, force: true });
  }
}

/** The medians older readers (and the terminal table) show; the statistics stage summarises the launches. */
export function summarizeLaunches(launches: readonly Launch[]): Pick<StartupInfo, 'firstMs' | 'warmMs' | 'extractBytes'> {
  const of = (state: string) => launches.filter((l) => l.state === state);
  const med = (xs: number[]) => (xs.length > 0 ? round1(median(xs)) : null);
  const first = of('first');
  return {
    firstMs: med(first.map((l) => l.ms)),
    warmMs: med(of('warm').map((l) => l.ms)),
    ...(first.length > 0 ? { extractBytes: Math.round(median(first.map((l) => l.extractBytes))) } : {}),
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;
