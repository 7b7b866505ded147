// The plan's stages, in order: a consumer's set-up and builds start once its producers' have all finished.
// Each stage skips the variants whose producers gave nothing, sets up its workdirs (untimed), keeps its
// services alive around its rounds, and records the last artifact of the variants that stopped early.
import type { PlanStage } from '../plan/stages.ts';
import { isInterrupted } from './interruption.ts';
import { unmetNeed } from './needs.ts';
import { recordLastArtifacts, runRounds, type ScheduledRound } from './run-rounds.ts';
import { openLedger } from './build-ledger.ts';
import type { Entry, RunContext } from './run-results.ts';
import { startService } from './service.ts';
import { setUpStage } from './set-up.ts';
import { failIfNothingSucceeded } from './variant-outcome.ts';
import { timed } from './spent.ts';

/**
 * Runs every stage of the plan; `overheadMs` is the harness's own cost of a build (calibrate.ts), taken off
 * every wall time. Returns the first reason adaptive runs gave for stopping a stage early, if any.
 */
export async function runStages(run: RunContext, overheadMs: number): Promise<string | undefined> {
  const { plan } = run;
  // Only the builds of variants that can build are counted (availability was decided before this).
  const ledger = openLedger(plan, (id) => run.byId.get(id)?.result.status === 'ok');
  const before = { warmupRounds: 0, rounds: 0 };
  let stopReason: string | undefined;
  const seedFailures = new Map<string, string>(); // a seed that failed is not built again in this run
  for (const [s, stage] of plan.stages.entries()) {
    if (isInterrupted(run.opts.signal)) break;
    const members = [...run.byId.values()].filter(({ planned }) => planned.stage === s);
    skipUnmetNeeds(run, members);
    await timed(run.results, 'setup', () => setUpStage({ members, outDir: plan.outDir, seedFailures, signal: run.opts.signal, emit: run.emit, save: run.save }));
    const schedule = scheduleOf(stage, before);
    // Every stage runs its rounds; the first stage stopped early gives the run's reason.
    const stopped = await roundsWithServices(run, { schedule, members, ledger, overheadMs });
    stopReason ??= stopped;
    for (const { result } of members) failIfNothingSucceeded(result);
    await recordLastArtifacts({ members, hooks: run.opts.hooks });
    run.save();
  }
  return stopReason;
}

/** A consumer whose producer failed or measured nothing is skipped, with the reason, before its set-up. */
function skipUnmetNeeds(run: RunContext, members: Entry[]): void {
  for (const { planned, result } of members) {
    const unmet = result.status === 'ok' ? unmetNeed(planned, (id) => run.byId.get(id)?.result) : undefined;
    if (!unmet) continue;
    Object.assign(result, { status: 'skipped', reason: unmet });
    run.emit({ kind: 'unavailable', id: planned.id, reason: unmet });
  }
}

/** The stage's rounds numbered over the whole run (warm-ups -1, -2 …; rounds 1, 2 …); advances `before`. */
function scheduleOf(stage: PlanStage, before: { warmupRounds: number; rounds: number }): ScheduledRound[] {
  const schedule = [
    ...stage.warmupRounds.map((ids, i) => ({ ids, round: -(before.warmupRounds + i + 1), inStage: 0 })),
    ...stage.rounds.map((ids, i) => ({ ids, round: before.rounds + i + 1, inStage: i + 1 })),
  ];
  before.warmupRounds += stage.warmupRounds.length;
  before.rounds += stage.rounds.length;
  return schedule;
}

/** Services the builds reuse run from before the stage's first build to after its last, whatever happens. */
async function roundsWithServices(run: RunContext, stage: Parameters<typeof runRounds>[1]): Promise<string | undefined> {
  const services = stage.members
    .filter(({ planned, result }) => result.status === 'ok' && planned.variant.service)
    .map(({ planned }) => startService(planned, run.plan.outDir));
  try {
    return await runRounds(run, stage);
  } finally {
    for (const service of services) await service.stop();
  }
}
