// How a variant's builds ended, in words and in its result: a failure, an interruption (never reported as a
// failure or a skip: Ctrl-C, SIGTERM or a gone parent is no property of the build), or a failed build.
//
// The failure policy, the same in every output: a build that fails is kept in `failures` (exit code, signal,
// log), out of the statistics, and the variant goes on being measured, so a build that fails now and then
// still gets its numbers and its comparison, with "k of n builds failed" beside them. Only a variant whose
// first two builds both failed (or whose only build failed) is `failed` outright: nothing it could measure.
import { describeEnding } from '../results/failed-builds.ts';
import type { RunSample, VariantResult } from '../results/schema.ts';
import type { GroupRunResult } from './process-group.ts';
import { logHeadline } from './error-block.ts';

/**
 * Why a build or set-up did not end with exit code 0, in the words every output uses (results/failed-builds.ts),
 * and, for an exit code, what its log says why ("exit code 1: error[E0425]: cannot find value `y`"), so a
 * failure names the project's own reason where every output shows it, not only in the log.
 */
export function describeEnd(run: GroupRunResult, opts: { timeoutS?: number; logFile: string }): string {
  const ending = describeEnding(run, opts.timeoutS);
  const headline = run.exitCode !== null && run.exitCode !== 0 && !run.spawnError ? logHeadline(opts.logFile) : undefined;
  return headline ? `${ending}: ${headline}` : ending;
}

/** Marks a variant `failed` with `reason`, keeping the last 40 lines of `tail` as its log tail. */
export function fail(result: VariantResult, reason: string, tail: string[]): void {
  result.status = 'failed';
  result.reason = reason;
  result.logTail = tail.slice(-40);
}

/** `where`: "during its set-up", "during its build in round 2", "before it was measured". */
export function markInterrupted(result: VariantResult, where: string): void {
  result.status = 'interrupted';
  result.reason = `interrupted ${where}`;
}

/** Failed builds in a row, with no build succeeding before them, that make a variant `failed`. */
const FAILURES_BEFORE_GIVING_UP = 2;

/** Builds of the measured rounds so far, failed or not. */
export function measuredBuilds(result: VariantResult): number {
  return result.samples.length + (result.failures ?? []).filter((s) => s.round > 0).length;
}

/** Why the last failed build of a variant failed, in the words of its `reason` if the variant fails. */
const lastFailure = new WeakMap<VariantResult, string>();

/**
 * Keeps a failed build in the variant's `failures` (out of the statistics) with its log tail; a variant whose
 * first builds all failed (two of them) is failed outright with the last one's reason.
 */
export function recordFailedBuild(opts: { result: VariantResult; sample: RunSample; run: GroupRunResult; why: string }): void {
  const { result, sample, run, why } = opts;
  (result.failures ??= []).push(sample);
  result.logTail = run.tail.slice(-40);
  lastFailure.set(result, `build failed: ${why} (log: ${sample.log})`);
  const succeeded = result.samples.length + result.warmups.length;
  if (succeeded === 0 && result.failures.length >= FAILURES_BEFORE_GIVING_UP) failIfNothingSucceeded(result);
}

/** A variant with failed builds and not one that succeeded has nothing to show: failed. */
export function failIfNothingSucceeded(result: VariantResult): void {
  const reason = lastFailure.get(result);
  if (result.status !== 'ok' || !reason || result.samples.length + result.warmups.length > 0) return;
  fail(result, reason, result.logTail ?? []);
}

/** A round's name in messages: `warm-up 2` for round -2, `round 3` for round 3. */
export const roundName = (round: number) => (round < 0 ? `warm-up ${-round}` : `round ${round}`);
