// The ETA times each variant from its own builds, else from its earlier-run estimate, and counts the rest
// apart: never the mean of other variants' builds.
import { describe, expect, it } from 'vitest';
import { remainingTime } from '../../src/plan/eta.ts';

describe('remainingTime', () => {
  const planned = new Map([['s/fast@cold', 5], ['s/slow@cold', 5], ['s/new@cold', 5]]);
  it.each([
    ['nothing built, one estimate', new Map(), new Map([['s/slow@cold', 60_000]]), { knownMs: 300_000, untimedBuilds: 10, untimedVariants: 2 }],
    // One fast build must not make the slow variant's four left look fast.
    ['a first build calibrates its own variant only', new Map([['s/fast@cold', [1_000]], ['s/slow@cold', [60_000]]]), new Map(), { knownMs: 4 * 1_000 + 4 * 60_000, untimedBuilds: 5, untimedVariants: 1 }],
    ['its own builds beat the estimate (median)', new Map([['s/slow@cold', [50_000, 70_000, 52_000]]]), new Map([['s/slow@cold', 10_000]]), { knownMs: 2 * 52_000, untimedBuilds: 10, untimedVariants: 2 }],
    ['done variants add nothing', new Map([['s/fast@cold', [1, 1, 1, 1, 1]], ['s/slow@cold', [2, 2, 2, 2, 2]], ['s/new@cold', [3, 3, 3, 3, 3]]]), new Map(), { knownMs: 0, untimedBuilds: 0, untimedVariants: 0 }],
  ])('%s', (_, doneMs, estimateMs, expected) => {
    expect(remainingTime({ planned, doneMs, estimateMs })).toEqual(expected);
  });
});
