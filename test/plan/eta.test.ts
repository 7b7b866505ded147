// The ETA times each variant from its own builds, else from its earlier-run estimate, else from its own
// warm-ups of this run, and counts the rest apart: never the mean of other variants' builds. It costs only the
// builds still to come that the runner counts (a variant that cannot build is not among them).
import { describe, expect, it } from 'vitest';
import { remainingTime, type BuildTimes } from '../../src/plan/eta.ts';

const times = (warmups: [string, number[]][], runs: [string, number[]][]): BuildTimes => ({ warmups: new Map(warmups), runs: new Map(runs) });

describe('remainingTime', () => {
  const left = new Map([
    ['s/fast@cold', { warmups: 0, runs: 4 }],
    ['s/slow@cold', { warmups: 0, runs: 4 }],
    ['s/new@cold', { warmups: 0, runs: 5 }],
  ]);
  it.each([
    ['nothing built, one estimate', times([], []), new Map([['s/slow@cold', 60_000]]), { knownMs: 240_000, untimedBuilds: 9, untimedVariants: 2 }],
    // One fast build must not make the slow variant's four left look fast.
    ['a first build calibrates its own variant only', times([], [['s/fast@cold', [1_000]], ['s/slow@cold', [60_000]]]), new Map(), { knownMs: 4 * 1_000 + 4 * 60_000, untimedBuilds: 5, untimedVariants: 1 }],
    ['its own builds beat the estimate (median)', times([], [['s/slow@cold', [50_000, 70_000, 52_000]]]), new Map([['s/slow@cold', 10_000]]), { knownMs: 4 * 52_000, untimedBuilds: 9, untimedVariants: 2 }],
    // The log of a real run: "ETA … + 35 builds of 7 variants not timed yet" after warm-ups had timed them.
    ['a finished warm-up times its variant at once', times([['s/fast@cold', [2_000]], ['s/slow@cold', [70_000]], ['s/new@cold', [9_000]]], []), new Map(), { knownMs: 4 * 2_000 + 4 * 70_000 + 5 * 9_000, untimedBuilds: 0, untimedVariants: 0 }],
    // A warm-up is a full build; an earlier run's measured builds of the same build say more about the rounds.
    ['the earlier estimate of measured builds beats a warm-up', times([['s/slow@cold', [70_000]]], []), new Map([['s/slow@cold', 5_000]]), { knownMs: 4 * 5_000, untimedBuilds: 9, untimedVariants: 2 }],
  ])('%s', (_, done, runs, expected) => {
    expect(remainingTime({ left, done, earlier: { runs } })).toEqual(expected);
  });

  it('costs warm-ups still to come at warm-up times and measured builds at measured times', () => {
    const rust = new Map([['r/mold@incremental', { warmups: 1, runs: 4 }]]);
    // Measured so far: a 5 s relink; an earlier run's warm-up (a full build) took 150 s.
    const eta = remainingTime({ left: rust, done: times([], [['r/mold@incremental', [5_000]]]), earlier: { warmups: new Map([['r/mold@incremental', 150_000]]) } });
    expect(eta).toEqual({ knownMs: 150_000 + 4 * 5_000, untimedBuilds: 0, untimedVariants: 0 });
  });

  it('adds nothing for variants with no build left, and a variant absent from `left` is in no count', () => {
    const none = new Map([['s/done@cold', { warmups: 0, runs: 0 }]]);
    expect(remainingTime({ left: none, done: times([], []) })).toEqual({ knownMs: 0, untimedBuilds: 0, untimedVariants: 0 });
  });
});
