// How a variant's builds ended, in words and in its result: a failure, an interruption (never reported as a
// failure or a skip: Ctrl-C, SIGTERM or a gone parent is no property of the build), or a failed build that
// the variant measures on past.
import type { VariantResult } from '../results/schema.ts';
import type { GroupRunResult } from './process-group.ts';

/** Why a build or set-up did not end with exit code 0, in words. */
export function describeEnd(run: GroupRunResult, timeoutS?: number): string {
  if (run.spawnError) return run.spawnError;
  if (run.timedOut) return `timed out after ${timeoutS} s`;
  return run.exitCode === null ? `killed by ${run.signal ?? 'a signal'}` : `exit code ${run.exitCode}`;
}

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

export const roundName = (round: number) => (round < 0 ? `warm-up ${-round}` : `round ${round}`);
