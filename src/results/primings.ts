// "sidecar/pex@incremental, sidecar/shiv@incremental: primed by their cold twin's first build, with no warm-up of
// their own": how the report and summary.md say that a warm state's workdir was left primed by its cold twin's
// build (plan/prime.ts) instead of a full warm-up build of its own.
import type { ResultsFile } from './schema.ts';

/** The run's sentence on primed states, or null when none was primed (an older file, no cold twin, a failed priming build). */
export function describePrimings(results: Pick<ResultsFile, 'variants'>): string | null {
  const primed = results.variants.filter((v) => v.primedFrom);
  if (primed.length === 0) return null;
  const their = primed.length === 1 ? 'its cold twin’s first build, with no warm-up of its own' : 'their cold twin’s first build, with no warm-up of their own';
  return `${primed.map((v) => v.id).join(', ')}: primed by ${their} (the same build definition, run in the primed workdir)`;
}
