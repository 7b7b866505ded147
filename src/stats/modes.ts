// Two modes in one variant's samples: a cache that hits in some builds and misses in others gives two groups,
// which one median and a tight interval would misdescribe (conbench/conbench#535). The rule: split the sorted
// ln values in two where the within-group sum of squares is least (Fisher, JASA 53, 1958, "On grouping for
// maximum homogeneity": for one dimension the optimal split is contiguous), and call it two modes when
//  - each group has at least MIN_MODE_SIZE samples,
//  - the groups' means are at least separationThreshold(n) pooled within-group sds apart (the separation of
//    two clusters, as in Ashman, Bird & Zepf, AJ 108, 1994, with the pooled sd),
//  - the gap between them is at least GAP_SDS pooled sds and MIN_GAP_RATIO as a ratio (no "modes" 1% apart).
// The threshold falls with n as the largest separation of a unimodal sample does; it was set by seeded
// simulation so that unimodal samples (normal, gamma and uniform ln values) are called two-moded in ≤ 1% of
// trials for normal data (test/stats/modes.test.ts; bench/harness/noise-stats.bench.ts for the full table).
import type { Mode } from '../results/schema.ts';
import { medianOfSorted } from './descriptive.ts';

/** No fewer samples per group: a single far build is an outlier, two are a second mode. */
export const MIN_MODE_SIZE = 2;
/** Below this many samples no split is tried. */
export const MIN_MODE_SAMPLES = 6;
/** The gap between the groups, in pooled within-group sds. */
export const GAP_SDS = 1;
/** The gap between the groups, as a ratio of their nearest values. */
export const MIN_GAP_RATIO = 1.02;

/** Separation (mean difference / pooled within-group sd) a split must reach with n samples: 4 + 30/n. */
export function separationThreshold(n: number): number {
  return 4 + 30 / n;
}

/** The best two-group split of ascending ln values: index of the first high value and its figures. */
interface Split {
  at: number;
  separation: number;
  gapSds: number;
}

function bestSplit(logs: readonly number[]): Split | null {
  const n = logs.length;
  const prefix = [0];
  const prefixSq = [0];
  for (const x of logs) {
    prefix.push(prefix[prefix.length - 1]! + x);
    prefixSq.push(prefixSq[prefixSq.length - 1]! + x * x);
  }
  const ss = (i: number, j: number) => {
    const sum = prefix[j]! - prefix[i]!;
    return Math.max(0, prefixSq[j]! - prefixSq[i]! - (sum * sum) / (j - i));
  };
  let best: { at: number; within: number } | null = null;
  for (let at = MIN_MODE_SIZE; at <= n - MIN_MODE_SIZE; at++) {
    const within = ss(0, at) + ss(at, n);
    if (!best || within < best.within) best = { at, within };
  }
  if (!best) return null;
  const sd = Math.sqrt(best.within / (n - 2));
  const meanLow = (prefix[best.at]! - prefix[0]!) / best.at;
  const meanHigh = (prefix[n]! - prefix[best.at]!) / (n - best.at);
  const gap = logs[best.at]! - logs[best.at - 1]!;
  if (sd === 0) return { at: best.at, separation: gap > 0 ? Infinity : 0, gapSds: gap > 0 ? Infinity : 0 };
  return { at: best.at, separation: (meanHigh - meanLow) / sd, gapSds: gap / sd };
}

function modeOf(sorted: readonly number[]): Mode {
  return { count: sorted.length, median: medianOfSorted(sorted), min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/**
 * The two modes of `values` (all > 0, e.g. ms), lower first, or null when the rule above does not find two.
 * Values ≤ 0 or non-finite find none.
 */
export function findModes(values: readonly number[]): [Mode, Mode] | null {
  const n = values.length;
  if (n < MIN_MODE_SAMPLES || values.some((v) => !(v > 0) || !Number.isFinite(v))) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const split = bestSplit(sorted.map(Math.log));
  if (!split) return null;
  const ratio = sorted[split.at]! / sorted[split.at - 1]!;
  if (split.separation < separationThreshold(n) || split.gapSds < GAP_SDS || ratio < MIN_GAP_RATIO) return null;
  return [modeOf(sorted.slice(0, split.at)), modeOf(sorted.slice(split.at))];
}

/** Builds in each of two periods before two groups one after the other are called a change during the run. */
export const MIN_PERIOD = 3;

/**
 * The two modes in the order they came, when every round of one precedes every round of the other and each has
 * at least MIN_PERIOD builds: a change during the run, not modes mixed; else null (also without rounds).
 * Interleaved modes fall into two such periods by chance in 2 of C(n, k) orders: 0.8% for 5 and 5 builds, 1.7%
 * for 3 and 7 (4.4% for 2 and 8, hence the minimum).
 */
export function periodsOf(modes: readonly Mode[]): [Mode, Mode] | null {
  const [a, b] = modes as [Mode, Mode];
  if (!a.rounds || !b.rounds || a.rounds.length < MIN_PERIOD || b.rounds.length < MIN_PERIOD) return null;
  if (a.rounds.at(-1)! < b.rounds[0]!) return [a, b];
  if (b.rounds.at(-1)! < a.rounds[0]!) return [b, a];
  return null;
}

/** Each mode of `values` with the rounds its builds came from, ascending (a value is in the lower mode up to its max). */
export function withRounds(modes: [Mode, Mode], values: readonly number[], rounds: readonly number[]): [Mode, Mode] {
  const of = (low: boolean) => rounds.filter((_, i) => (values[i]! <= modes[0].max) === low).sort((a, b) => a - b);
  return [{ ...modes[0], rounds: of(true) }, { ...modes[1], rounds: of(false) }];
}

/** The round from which `values` (one per round of `rounds`) changed during the run (periodsOf), or undefined. */
export function changeRound(values: readonly number[], rounds: readonly number[]): number | undefined {
  const modes = findModes(values);
  return modes ? periodsOf(withRounds(modes, values, rounds))?.[1].rounds![0] : undefined;
}
