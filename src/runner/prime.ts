// The runner's side of priming (plan/prime.ts): the cold twin's first build runs in its warm twin's workdir
// and cache dir, so the warm twin's first measured build finds what a full build left, without a warm-up of
// its own. Where the priming build did not happen or did not succeed (the cold twin failed its set-up or that
// build, the run was interrupted), the warm twin makes the full build itself first, as before: a warm-up.
import type { PlannedVariant } from '../plan/plan.ts';
import type { RunSample, VariantResult } from '../results/schema.ts';
import type { Entry, RunContext } from './run-results.ts';

/** Builds recorded for a variant so far, whatever became of them. */
const builds = (r: VariantResult) => r.samples.length + r.warmups.length + (r.failures?.length ?? 0) + (r.contaminated?.length ?? 0);

/**
 * Where this build of `entry` runs: for a cold twin's first build whose warm twin is set up and not built yet,
 * the warm twin's workdir and cache dir (`warm` is that twin); otherwise its own. Never throws.
 */
export function buildTarget(run: RunContext, entry: Entry): { planned: PlannedVariant; warm?: Entry } {
  const priming = run.plan.primings.find((p) => p.cold === entry.planned.id);
  const warm = priming && run.byId.get(priming.warm);
  if (!warm || builds(entry.result) > 0 || warm.result.status !== 'ok' || builds(warm.result) > 0) return { planned: entry.planned };
  return { planned: { ...entry.planned, workdir: warm.planned.workdir, cacheDir: warm.planned.cacheDir }, warm };
}

/**
 * After a priming build: the sample names the variant whose workdir it ran in (`primes`), and when it
 * succeeded (it is among the cold twin's samples or warm-ups) the warm twin records what primed it (`primedFrom`).
 */
export function recordPriming(opts: { cold: Entry; warm: Entry; sample: RunSample }): void {
  const { cold, warm, sample } = opts;
  sample.primes = warm.planned.id;
  if (cold.result.samples.includes(sample) || cold.result.warmups.includes(sample)) warm.result.primedFrom = { variant: cold.planned.id, round: sample.round };
}

/**
 * True when `entry` is a warm twin the plan primes but whose priming build did not succeed and which has not
 * built yet: its first build must then be the full one, kept as a warm-up, before its measured builds.
 */
export function needsOwnFullBuild(run: RunContext, entry: Entry): boolean {
  const primed = run.plan.primings.some((p) => p.warm === entry.planned.id);
  return primed && !entry.result.primedFrom && builds(entry.result) === 0;
}

/** The first build of a workdir (a full build, whatever the state): nothing built in it and nothing primed it. */
export function isFirstBuildOf(entry: Entry): boolean {
  return entry.result.warmups.length === 0 && entry.result.samples.length === 0 && !entry.result.primedFrom;
}
