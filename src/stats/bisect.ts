// The statistics of `buildbench bisect`: each step measures a candidate commit interleaved with the known good
// and bad ends and decides which it is like, from comparisons (Hodges–Lehmann ratio, Moses interval, exact
// Mann–Whitney p; stats/compare-samples.ts), never from one build. Unlike `git bisect run`'s exit code or
// `asv find`'s single measurement, a step that the builds cannot decide is measured again, then reported as
// undecided rather than guessed.
import type { Comparison } from '../results/schema.ts';

/** What a step found the candidate to be like. */
export type BisectVerdict = 'good' | 'bad' | 'undecided';

/**
 * The candidate is `bad` when it is decided slower than the good end (any slowdown counts: bisect looks for
 * the first commit that made it slower, also when later commits add more); `good` when it is decided faster
 * than the bad end and not decided slower than the good end; otherwise `undecided`. A missing comparison
 * (a side that failed to build) is undecided. Pure.
 */
export function judgeBisectStep(opts: { vsGood: Comparison | null; vsBad: Comparison | null }): BisectVerdict {
  if (opts.vsGood?.verdict === 'slower') return 'bad';
  if (opts.vsBad?.verdict === 'faster') return 'good';
  return 'undecided';
}

/**
 * The significance level of each look when a step may look `looks` times at growing samples (Bonferroni over
 * the looks: the chance that any look of a step is a false call stays ≤ α). Errors: a RangeError for looks < 1.
 */
export function alphaPerLook(alpha: number, looks: number): number {
  if (!(looks >= 1)) throw new RangeError(`looks must be ≥ 1 (got ${looks})`);
  return alpha / looks;
}

/** The candidate between a good index and a bad one (exclusive both): the middle, rounded down. Pure. */
export function middleCandidate(good: number, bad: number): number {
  return Math.floor((good + bad) / 2);
}
