// A build whose cache check says it did not measure its state (an incremental build that rebuilt nothing, a
// cold one that found its caches) is in the statistics like every other: a new user's onedir@incremental kept a
// 460 ms no-op among 13 s rebuilds, which decided "2.15× faster", and only report.html's per-round table showed
// a ⚠. The warning goes with the variant's others, so the terminal, summary.md and report.html all say it.
import type { VariantResult } from './schema.ts';
import { formatMs } from './units.ts';

/** Cache checks that judged nothing: 'ok', and "not checked: …" (the probe could not tell). */
const judged = (check: string | undefined): check is string => check !== undefined && check !== 'ok' && !check.startsWith('not checked');

/**
 * "1 of 5 builds did not measure the incremental state: round 1 (460 ms): incremental sample rebuilt nothing:
 * the mutation did not reach PyInstaller; it is in the statistics", or undefined when every checked build
 * measured its state.
 */
export function cacheStateWarning(v: Pick<VariantResult, 'samples' | 'cache'>): string | undefined {
  const wrong = v.samples.filter((s) => judged(s.cacheCheck));
  if (wrong.length === 0) return undefined;
  const which = wrong.map((s) => `round ${s.round} (${formatMs(s.wallMs)}): ${s.cacheCheck}`).join('; ');
  return `${wrong.length} of ${v.samples.length} builds did not measure the ${v.cache} state: ${which}; ${wrong.length === 1 ? 'it is' : 'they are'} in the statistics`;
}
