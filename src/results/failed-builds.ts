// "k of n builds failed": how every output (terminal, results readers, report, summary.md, comparisons) says
// that a variant's numbers come from the builds that succeeded, the failed ones left out (runner/variant-outcome.ts).
import type { RunSample, VariantResult } from './schema.ts';

const SHOWN = 3;

/** How a build or set-up ended, as observed; the fields of a sample (or of a run, which has the same ones). */
export type BuildEnding = Pick<RunSample, 'exitCode' | 'signal' | 'timedOut' | 'spawnError'>;

/**
 * How a build ended, in words taken from what was observed, never inferred: "could not start: <why>" (the
 * spawn error), "timed out after N s" (the only end buildbench itself causes: it killed the build), "ended by
 * SIGSEGV" (a signal buildbench did not send: the build's own, the OOM killer's), "exit code N". `timeoutS`:
 * the limit, when known.
 */
export function describeEnding(s: BuildEnding, timeoutS?: number): string {
  if (s.spawnError) return `could not start: ${s.spawnError}`;
  if (s.timedOut) return `timed out${timeoutS ? ` after ${timeoutS} s` : ''}`;
  if (s.exitCode !== null) return `exit code ${s.exitCode}`;
  return s.signal ? `ended by ${s.signal}` : 'ended with neither an exit code nor a signal';
}

const ending = (s: RunSample) => describeEnding(s);

/** "1 of 6 builds failed (round 4: exit code 3)"; null when none failed. */
export function describeFailedBuilds(v: Pick<VariantResult, 'samples' | 'warmups' | 'failures'>): string | null {
  const failed = v.failures ?? [];
  if (failed.length === 0) return null;
  const total = failed.length + v.samples.length + v.warmups.length;
  const which = failed.slice(0, SHOWN).map((s) => `${s.round < 0 ? `warm-up ${-s.round}` : `round ${s.round}`}: ${ending(s)}`);
  const more = failed.length > SHOWN ? `, ${failed.length - SHOWN} more` : '';
  return `${failed.length} of ${total} builds failed (${which.join(', ')}${more}), left out of the statistics`;
}
