// Did a sample's cache state really happen? A `cold` build must rebuild every unit, a `noop` build none,
// an `incremental` build some but not all (rustc-perf and gradle-profiler define the same states).
// The answer is 'ok' or a sentence saying why the sample looks wrong; it goes into RunSample.cacheCheck.
import type { CacheState } from '../scenario/schema.ts';

export const CACHE_OK = 'ok';

function units(n: number): string {
  return `${n} unit${n === 1 ? '' : 's'}`;
}

export function checkCacheState(opts: { cache: CacheState; rebuilt: number; fresh: number | null; total?: number }): string {
  const { cache, rebuilt, fresh } = opts;
  const total = opts.total ?? (fresh === null ? undefined : rebuilt + fresh);
  switch (cache) {
    case 'cold':
      if (rebuilt === 0) return `cold sample rebuilt nothing${fresh ? ` (${units(fresh)} fresh)` : ''}: outputs and caches were not cleared`;
      if (fresh !== null && fresh > 0) return `cold sample found ${fresh} of ${units(rebuilt + fresh)} fresh: not a full rebuild`;
      return CACHE_OK;
    case 'incremental':
      if (rebuilt === 0) return 'incremental sample rebuilt nothing: the mutation did not reach the build';
      // A single-unit project can only rebuild everything; that is still incremental.
      if (total !== undefined && total > 1 && rebuilt >= total) return `incremental sample rebuilt all ${units(total)}: a full rebuild, not an incremental one`;
      return CACHE_OK;
    case 'noop':
      return rebuilt > 0 ? `noop sample rebuilt ${units(rebuilt)}: something changes between builds` : CACHE_OK;
    case 'warm':
      // Warm keeps tool caches but not outputs; how much that rebuilds depends on the tool, so no rule.
      return CACHE_OK;
  }
}
