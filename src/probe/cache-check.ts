// Did a sample's cache state really happen, judged by cargo's unit counts? What a state should rebuild is its
// `rebuilds` rule (results/cache-states.ts): all units (cold), none (noop), some but not all (incremental).
// The answer is 'ok' or a sentence saying why the sample looks wrong; it goes into RunSample.cacheCheck.
import { CACHE_STATE_RULES, type CacheState } from '../results/cache-states.ts';

export const CACHE_OK = 'ok';

function units(n: number): string {
  return `${n} unit${n === 1 ? '' : 's'}`;
}

/** True when the unit counts can tell whether `cache` happened (a warm build's count depends on the tool). */
export function unitCountsCheck(cache: CacheState): boolean {
  return CACHE_STATE_RULES[cache].rebuilds !== 'outputs';
}

/**
 * Whether `rebuilt` units compiled and `fresh` units found up to date (null when the output does not say)
 * fit the cache state `cache`; `total`: the units of the build, when known apart from the two counts.
 * Returns CACHE_OK or a sentence naming the state and what looks wrong. Never throws.
 */
export function checkCacheState(opts: { cache: CacheState; rebuilt: number; fresh: number | null; total?: number }): string {
  const { cache, rebuilt, fresh } = opts;
  const total = opts.total ?? (fresh === null ? undefined : rebuilt + fresh);
  switch (CACHE_STATE_RULES[cache].rebuilds) {
    case 'all':
      if (rebuilt === 0) return `${cache} sample rebuilt nothing${fresh ? ` (${units(fresh)} fresh)` : ''}: outputs and caches were not cleared`;
      if (fresh !== null && fresh > 0) return `${cache} sample found ${fresh} of ${units(rebuilt + fresh)} fresh: not a full rebuild`;
      return CACHE_OK;
    case 'some':
      if (rebuilt === 0) return `${cache} sample rebuilt nothing: the mutation did not reach the build`;
      // A single-unit project can only rebuild everything; that is still incremental.
      if (total !== undefined && total > 1 && rebuilt >= total) return `${cache} sample rebuilt all ${units(total)}: a full rebuild, not an incremental one`;
      return CACHE_OK;
    case 'none':
      return rebuilt > 0 ? `${cache} sample rebuilt ${units(rebuilt)}: something changes between builds` : CACHE_OK;
    case 'outputs':
      // Tool caches kept, outputs removed: how many units that rebuilds depends on the tool, so no rule.
      return CACHE_OK;
  }
}
