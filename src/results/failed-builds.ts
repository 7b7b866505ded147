// "k of n builds failed": how every output (terminal, results readers, report, summary.md, comparisons) says
// that a variant's numbers come from the builds that succeeded, the failed ones left out (runner/variant-outcome.ts).
import type { RunSample, VariantResult } from './schema.ts';

const SHOWN = 3;

function ending(s: RunSample): string {
  if (s.timedOut) return 'timed out';
  return s.exitCode === null ? (s.signal ?? 'killed') : `exit code ${s.exitCode}`;
}

/** "1 of 6 builds failed (round 4: exit code 3)"; null when none failed. */
export function describeFailedBuilds(v: Pick<VariantResult, 'samples' | 'warmups' | 'failures'>): string | null {
  const failed = v.failures ?? [];
  if (failed.length === 0) return null;
  const total = failed.length + v.samples.length + v.warmups.length;
  const which = failed.slice(0, SHOWN).map((s) => `${s.round < 0 ? `warm-up ${-s.round}` : `round ${s.round}`}: ${ending(s)}`);
  const more = failed.length > SHOWN ? `, ${failed.length - SHOWN} more` : '';
  return `${failed.length} of ${total} builds failed (${which.join(', ')}${more}), left out of the statistics`;
}
