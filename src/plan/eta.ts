// How long the rest of a run's builds will take, honestly as it goes: each variant's builds still to come (the
// runner's count, which leaves out what will not run) at that variant's own cost per build. A measured build
// is costed from the variant's measured builds so far, else from an earlier run of the same build (estimate.ts),
// else from its own warm-up builds of this run (a full build: the first timing there is, used at once); a
// warm-up from its warm-ups, else the earlier run's, else its measured builds. Never at the mean of other
// variants' builds, which made a run of a 1 s variant and a 60 s one look nearly done. A variant with no timing
// at all is counted apart as builds not yet timed. Builds only: untimed set-ups and start-up launches are not in it.
import { median } from '../stats/index.ts';

/** What is left: known ms, and the builds (and their variants) that no timing covers yet. */
export interface Eta {
  knownMs: number;
  untimedBuilds: number;
  untimedVariants: number;
}

/** A variant's builds still to come, warm-ups and measured builds apart. */
export interface BuildsLeft {
  warmups: number;
  runs: number;
}

/** Times in ms per variant id: its warm-ups and its measured builds. */
export interface BuildTimes {
  warmups: ReadonlyMap<string, readonly number[]>;
  runs: ReadonlyMap<string, readonly number[]>;
}

/**
 * The remaining time of builds: `left` the builds still to come per variant id, `done` the ms of each build of
 * this run so far, `earlier` the expected ms per build from earlier runs (estimate.ts: `perVariant` and
 * `perWarmup`). Pure; never throws.
 */
export function remainingTime(opts: { left: ReadonlyMap<string, Readonly<BuildsLeft>>; done: BuildTimes; earlier?: { runs?: ReadonlyMap<string, number>; warmups?: ReadonlyMap<string, number> } }): Eta {
  const eta: Eta = { knownMs: 0, untimedBuilds: 0, untimedVariants: 0 };
  const own = (times: ReadonlyMap<string, readonly number[]>, id: string) => {
    const list = times.get(id);
    return list && list.length > 0 ? median([...list]) : undefined;
  };
  for (const [id, left] of opts.left) {
    const builds = left.warmups + left.runs;
    if (builds === 0) continue;
    const warmup = own(opts.done.warmups, id);
    const run = own(opts.done.runs, id);
    const runEach = run ?? opts.earlier?.runs?.get(id) ?? warmup;
    const warmupEach = warmup ?? opts.earlier?.warmups?.get(id) ?? runEach;
    if ((left.runs > 0 && runEach === undefined) || (left.warmups > 0 && warmupEach === undefined)) {
      eta.untimedBuilds += builds;
      eta.untimedVariants++;
    } else eta.knownMs += left.runs * (runEach ?? 0) + left.warmups * (warmupEach ?? 0);
  }
  return eta;
}
