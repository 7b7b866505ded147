// What an interruption leaves in the results. The command line turns SIGINT, SIGTERM or a gone parent into an
// aborted signal (cli/interrupt.ts, which also picks the exit code, 130 or 143); the runner only reads that
// signal: it kills the current build, starts nothing new, and records what it did not get to measure, never as
// a failure (the interruption is no property of the build).
import type { VariantResult } from '../results/schema.ts';
import type { RunContext } from './run-results.ts';
import { markInterrupted, roundName } from './variant-outcome.ts';

/** True once the run was asked to stop (`signal` aborted); a run without a signal is never interrupted. */
export const isInterrupted = (signal: AbortSignal | undefined): boolean => signal?.aborted ?? false;

/**
 * A build killed by the interruption is no measurement: a variant left with none says which round it was in;
 * one with measured builds keeps them (and its last good artifact) and says it was interrupted in a warning.
 */
export function markInterruptedBuild(result: VariantResult, round: number): void {
  if (result.samples.length === 0) return markInterrupted(result, `during its build in ${roundName(round)}`);
  const kept = result.samples.length;
  (result.warnings ??= []).push(`${INTERRUPTED} during its build in ${roundName(round)}; its ${kept} measured build${kept === 1 ? '' : 's'} kept`);
}

const INTERRUPTED = 'interrupted';

/** True for the warning markInterruptedBuild gives a variant that keeps its measured builds. */
export const isInterruptionWarning = (warning: string): boolean => warning.startsWith(`${INTERRUPTED} during`);

/**
 * Sets `results.interrupted` from the run's signal and, when it is set, marks every variant still `ok` with no
 * sample and no failed build "interrupted before it was measured".
 */
export function recordInterruption(run: RunContext): void {
  run.results.interrupted = isInterrupted(run.opts.signal);
  if (!run.results.interrupted) return;
  for (const { result } of run.byId.values()) {
    if (result.status === 'ok' && result.samples.length === 0 && !result.failures?.length) markInterrupted(result, 'before it was measured');
  }
}
