// How many builds a run has started and how many are still to come, per variant: what the progress counter
// ([n/total]) and the ETA read. A variant that can no longer build (unavailable, skipped, failed, interrupted)
// leaves the ledger with its builds, so the total is always the builds started plus the builds still to come:
// a completed run ends on n = total, and no count ever includes a build that will not run. A build the plan
// did not count (a busy build re-measured, a full build a failed priming left to do) is one build more.
import type { BuildsLeft } from '../plan/eta.ts';

/** Builds started so far over the whole run, and the builds still to come per variant id. */
export interface BuildLedger {
  done: number;
  left: Map<string, BuildsLeft>;
}

/** What one build's progress events carry: its number, the run's total, and the builds still to come after it. */
export interface BuildTurn {
  done: number;
  total: number;
  left: ReadonlyMap<string, Readonly<BuildsLeft>>;
}

/** A ledger of the builds of `plan`'s warm-up and measured rounds (variant ids) whose variant `canBuild`. */
export function openLedger(plan: { warmupRounds: readonly (readonly string[])[]; rounds: readonly (readonly string[])[] }, canBuild: (id: string) => boolean): BuildLedger {
  const left = new Map<string, BuildsLeft>();
  const add = (id: string, key: keyof BuildsLeft) => {
    if (!canBuild(id)) return;
    const entry = left.get(id) ?? { warmups: 0, runs: 0 };
    entry[key]++;
    left.set(id, entry);
  };
  for (const id of plan.warmupRounds.flat()) add(id, 'warmups');
  for (const id of plan.rounds.flat()) add(id, 'runs');
  return { done: 0, left };
}

/** Takes out the variants that can no longer build, with every build they had still to come. */
export function settleLedger(ledger: BuildLedger, canBuild: (id: string) => boolean): void {
  for (const id of [...ledger.left.keys()]) if (!canBuild(id)) ledger.left.delete(id);
}

/** Takes out `ids`' builds still to come (a stage that stopped early: `--runs auto` decided). */
export function dropBuilds(ledger: BuildLedger, ids: Iterable<string>): void {
  for (const id of ids) ledger.left.delete(id);
}

/**
 * Counts the start of one build of `id` (`warmup` or measured) and returns its turn; an `extra` build is one the
 * plan did not count (a busy build re-measured, a full build a failed priming left to do): one build more.
 */
export function startBuild(ledger: BuildLedger, build: { id: string; warmup: boolean; extra?: boolean }): BuildTurn {
  ledger.done++;
  const left = ledger.left.get(build.id);
  const key = build.warmup ? 'warmups' : 'runs';
  if (left && !build.extra) left[key] = Math.max(0, left[key] - 1);
  return turnOf(ledger);
}

/** The ledger as a build's events carry it: builds started, the total, and a copy of the builds still to come. */
export function turnOf(ledger: BuildLedger): BuildTurn {
  return { done: ledger.done, total: totalOf(ledger), left: new Map([...ledger.left].map(([id, l]) => [id, { ...l }])) };
}

/** Builds started plus builds still to come. */
export function totalOf(ledger: BuildLedger): number {
  let total = ledger.done;
  for (const l of ledger.left.values()) total += l.warmups + l.runs;
  return total;
}
