// The rounds of one stage: its warm-up rounds, then its measured rounds, each a shuffled list of variant ids
// (plan/order.ts), one build at a time. Every sample is recorded in its variant's result and saved at once; a
// variant that cannot go on is failed and the others go on; an interruption stops after the current build.
import path from 'node:path';
import type { PlannedVariant } from '../plan/plan.ts';
import type { ArtifactInfo, RunSample, VariantResult } from '../results/schema.ts';
import { measureArtifact } from './artifact.ts';
import { shouldStop } from './finalize.ts';
import type { RunHooks } from './hooks.ts';
import { isInterrupted, markInterruptedBuild } from './interruption.ts';
import type { Entry, RunContext } from './run-results.ts';
import { runSample, type SampleRequest } from './sample.ts';
import { keepUnreplaced, remeasureBusy, setAsideIfBusy } from './remeasure.ts';
import { describeEnd, fail, measuredBuilds, recordFailedBuild, roundName } from './variant-outcome.ts';
import { folderProblem } from './confine.ts';
import { buildEnv, placeholderValues } from './build-env.ts';
import { outputElsewhere } from './env-policy.ts';
import { buildTarget, isFirstBuildOf, needsOwnFullBuild, recordPriming } from './prime.ts';
import { dropBuilds, settleLedger, startBuild, turnOf, type BuildLedger } from './build-ledger.ts';
import { addSpent, timed } from './spent.ts';

/** One round of a stage: `round` < 0 for warm-ups (-1, -2 …), else 1, 2 … over the run; `inStage` 0 for warm-ups. */
export interface ScheduledRound {
  ids: string[];
  round: number;
  inStage: number;
}

/**
 * Runs one stage's rounds in order. Returns why adaptive runs (`--runs auto`) stopped the stage early, or
 * undefined when it ran to its last round or was interrupted. Errors: none escape; a variant whose sample
 * cannot be measured is failed with the reason.
 */
export async function runRounds(run: RunContext, stage: { schedule: ScheduledRound[]; members: Entry[]; ledger: BuildLedger; overheadMs: number }): Promise<string | undefined> {
  const memberIds = new Set(stage.members.map((m) => m.planned.id));
  for (const { ids, round, inStage } of stage.schedule) {
    if (inStage > 0 && run.opts.adaptive) {
      const reason = adaptiveStop(run, memberIds, inStage);
      if (reason !== undefined) {
        dropBuilds(stage.ledger, memberIds);
        return reason;
      }
    }
    await timed(run.results, round < 0 ? 'warmups' : 'rounds', () => runRound(run, stage, { ids, round }));
    if (isInterrupted(run.opts.signal)) break;
  }
  return undefined;
}

/** One round's builds in its order, then those set aside as busy built again (remeasure.ts). */
async function runRound(run: RunContext, stage: { ledger: BuildLedger; overheadMs: number }, at: { ids: string[]; round: number }): Promise<void> {
  const { ids, round } = at;
  // Builds measured while the machine was busy, set aside to be built again once the round is through.
  const busy: Entry[] = [];
  for (const [position, id] of ids.entries()) {
    if (isInterrupted(run.opts.signal)) break;
    const entry = run.byId.get(id)!;
    if (entry.result.status !== 'ok') continue;
    if (needsOwnFullBuild(run, entry)) {
      // Its priming build did not happen: the full build first, as a warm-up in a workdir made fresh (one build
      // more than the plan counted).
      const full = await buildOnce(run, { entry, round: -1, position, ledger: stage.ledger, extra: true, overheadMs: stage.overheadMs, as: { ...entry.planned, cache: 'cold' } });
      if (full === 'aborted') break;
      if (entry.result.status !== 'ok') continue;
    }
    const outcome = await buildOnce(run, { entry, round, position, ledger: stage.ledger, overheadMs: stage.overheadMs });
    if (outcome === 'aborted') break;
    if (round > 0 && outcome && setAsideIfBusy({ entry, policy: run.remeasure, sample: outcome })) {
      busy.push(entry);
      run.emit({ kind: 'busy', id, round, foreignCpuPct: outcome.interference?.foreignCpuPct ?? 0 });
    }
  }
  if (busy.length > 0 && run.remeasure && !isInterrupted(run.opts.signal)) {
    let position = ids.length;
    await remeasureBusy({
      busy,
      policy: run.remeasure,
      build: async (entry) => {
        const outcome = await buildOnce(run, { entry, round, position: position++, ledger: stage.ledger, extra: true, overheadMs: stage.overheadMs });
        return outcome === 'aborted' ? undefined : outcome;
      },
    });
    run.save();
  }
  if (busy.length > 0) {
    keepUnreplaced(busy, round);
    run.save();
  }
}

/** Each stage decides on its own variants: the producers before it are finished. */
function adaptiveStop(run: RunContext, memberIds: Set<string>, inStage: number): string | undefined {
  const { results, opts } = run;
  const view = { ...results, variants: results.variants.filter((v) => memberIds.has(v.id)) };
  const decision = shouldStop({ results: view, round: inStage, adaptive: opts.adaptive!, stats: opts.stats });
  return decision.stop ? decision.reason : undefined;
}

/**
 * One build of one variant in its turn, with its progress events: its sample when it succeeded and was
 * recorded, undefined when it failed, 'aborted' when the interruption killed it.
 */
async function buildOnce(run: RunContext, turn: { entry: Entry; round: number; position: number; ledger: BuildLedger; extra?: boolean; overheadMs: number; as?: PlannedVariant }): Promise<'aborted' | RunSample | undefined> {
  const { entry, round, position, ledger, overheadMs } = turn;
  const { result } = entry;
  const { plan, opts, emit } = run;
  // A cold twin's first build may run in its warm twin's workdir, to prime it (prime.ts).
  const target = turn.as ? { planned: turn.as } : buildTarget(run, entry);
  const { planned } = target;
  // Counted when it starts; a variant that can no longer build (it failed, or one it needs) leaves the count.
  const canBuild = (id: string) => run.byId.get(id)?.result.status === 'ok';
  settleLedger(ledger, canBuild);
  emit({ kind: 'sample-start', id: planned.id, round, ...startBuild(ledger, { id: entry.planned.id, warmup: round < 0, extra: turn.extra }) });
  const isFirstBuild = isFirstBuildOf(entry);
  let outcome: RunSample | 'aborted' | 'not started';
  try {
    outcome = await measureOne({ planned, result, round, position, outDir: plan.outDir, isFirstBuild, overheadMs, signal: opts.signal, hooks: opts.hooks });
    if (target.warm && typeof outcome === 'object') recordPriming({ cold: entry, warm: target.warm, sample: outcome });
  } catch (err) {
    // A refused path (a build that turned a clean folder into a link outside), an unreadable artifact …:
    // this variant cannot go on, the others can.
    fail(result, `could not measure round ${round}: ${(err as Error).message}`, []);
    run.save();
    return undefined;
  }
  if (outcome === 'aborted') {
    markInterruptedBuild(result, round);
    return 'aborted';
  }
  if (outcome === 'not started') {
    run.save();
    return undefined;
  }
  // The build process itself, as the harness waited for it (its overhead is taken off the sample's wallMs).
  if (round > 0) addSpent(run.results, 'roundBuilds', outcome.wallMs + overheadMs);
  settleLedger(ledger, canBuild);
  emit({ kind: 'sample-end', id: planned.id, round, ...turnOf(ledger), sample: outcome, status: result.status });
  run.save();
  return result.samples.includes(outcome) ? outcome : undefined;
}

/** One sample of one variant, recorded into its result: the build, then its artifact. */
async function measureOne(opts: SampleRequest & { result: VariantResult; hooks?: RunHooks }): Promise<RunSample | 'aborted' | 'not started'> {
  const { planned, result, round, hooks } = opts;
  // A build that removed or replaced its own workdir: no later build of the variant can start, so it fails now
  // with what was found, not with a spawn error per round.
  const gone = folderProblem(planned.workdir);
  if (gone) {
    fail(result, `${roundName(round)} could not start: ${gone}`, result.logTail ?? []);
    return 'not started';
  }
  const { sample, run } = await runSample(opts);
  if (run.aborted) return 'aborted';
  await hooks?.afterSample?.({ planned, sample, run, firstBuild: opts.isFirstBuild });
  if (run.spawnError || run.exitCode !== 0) {
    recordFailedBuild({ result, sample, run, why: describeEnd(run, { timeoutS: planned.variant.timeoutS, logFile: path.join(opts.outDir, sample.log) }) });
    // A command that cannot start will not start next round either: the variant fails with why, now.
    if (run.spawnError) fail(result, `${roundName(round)} could not start: ${run.spawnError}`, run.tail);
    return sample;
  }
  (round < 0 ? result.warmups : result.samples).push(sample);
  if (!planned.variant.artifact) return sample;
  // Every build's artifact is hashed (untimed): builds that write different artifacts are seen. Only the last
  // one is inspected by the probes.
  const artifact = await measureArtifact({ workdir: planned.workdir, rel: planned.variant.artifact });
  if (artifact.kind === 'missing') {
    const gone = folderProblem(planned.workdir);
    fail(result, gone ? `the build exited 0 but ${gone}: no artifact at ${planned.variant.artifact}` : `the build exited 0 but wrote no artifact at ${planned.variant.artifact}${outputHint(planned)}`, run.tail);
    return sample;
  }
  sample.artifact = { sha256: artifact.sha256, bytes: artifact.bytes };
  lastArtifact.set(result, artifact);
  if (round > 0 && measuredBuilds(result) === planned.runs) await recordArtifact({ planned, result, hooks, measured: artifact });
  return sample;
}

/** The artifact of each variant's last good build, as measured then: kept when a later build is interrupted. */
const lastArtifact = new WeakMap<VariantResult, ArtifactInfo>();

/**
 * Variants that stopped early (adaptive runs, an interruption) have their last artifact recorded here, at the
 * end of their stage, so a consumer in the next stage reads a measured artifact. A variant whose artifact
 * cannot be read is failed with the reason.
 */
export async function recordLastArtifacts(opts: { members: Entry[]; hooks?: RunHooks }): Promise<void> {
  for (const { planned, result } of opts.members) {
    if (result.status !== 'ok' || result.artifact || result.samples.length === 0) continue;
    try {
      await recordArtifact({ planned, result, hooks: opts.hooks });
    } catch (err) {
      fail(result, `could not measure the artifact: ${(err as Error).message}`, []);
    }
  }
}

/**
 * Bytes, hash and probes of the artifact the variant's last build left in its workdir (`measured`: as measured
 * after that build). When it is gone because a later build was interrupted after its clean, the artifact of
 * the last good build is kept as it was measured, without the probes.
 */
async function recordArtifact(opts: { planned: PlannedVariant; result: VariantResult; hooks?: RunHooks; measured?: ArtifactInfo }): Promise<void> {
  const { planned, result, hooks } = opts;
  if (!planned.variant.artifact) return;
  result.artifact = opts.measured ?? (await measureArtifact({ workdir: planned.workdir, rel: planned.variant.artifact }));
  if (result.artifact.kind === 'missing' && lastArtifact.has(result)) result.artifact = lastArtifact.get(result)!;
  else if (result.artifact.kind === 'missing') fail(result, `the last build left no artifact at ${planned.variant.artifact}`, []);
  else await hooks?.afterArtifact?.({ planned, artifact: result.artifact });
}

/** " (CARGO_TARGET_DIR=/x sends cargo's output outside the workdir)" when the build's environment does; else "". */
function outputHint(planned: PlannedVariant): string {
  const why = outputElsewhere(buildEnv(planned, placeholderValues(planned)), planned.workdir);
  return why ? ` (${why})` : '';
}
