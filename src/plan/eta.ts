// How long the rest of a run's builds will take, honestly as it goes: each variant's remaining builds at that
// variant's own median build so far (its first timed build calibrates it, however fast or slow the others
// are), else at its earlier-run estimate, else counted apart as builds not yet timed — never at the mean of
// other variants' builds, which made a run of a 1 s variant and a 60 s one look nearly done. Builds only:
// untimed set-ups and start-up launches are not in it.
import { median } from '../stats/index.ts';

/** What is left: known ms, and the builds (and their variants) that no timing covers yet. */
export interface Eta {
  knownMs: number;
  untimedBuilds: number;
  untimedVariants: number;
}

/**
 * The remaining time of builds: `planned` builds per variant id (warm-ups and runs), `doneMs` the ms of each
 * build done so far by id, `estimateMs` the expected ms per build from earlier runs by id. Pure; never throws.
 */
export function remainingTime(opts: { planned: ReadonlyMap<string, number>; doneMs: ReadonlyMap<string, readonly number[]>; estimateMs?: ReadonlyMap<string, number> }): Eta {
  const eta: Eta = { knownMs: 0, untimedBuilds: 0, untimedVariants: 0 };
  for (const [id, builds] of opts.planned) {
    const done = opts.doneMs.get(id) ?? [];
    const left = Math.max(0, builds - done.length);
    if (left === 0) continue;
    const each = done.length > 0 ? median([...done]) : opts.estimateMs?.get(id);
    if (each === undefined) {
      eta.untimedBuilds += left;
      eta.untimedVariants++;
    } else eta.knownMs += left * each;
  }
  return eta;
}
