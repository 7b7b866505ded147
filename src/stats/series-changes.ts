// What changed in a series of runs, with its evidence (as apache/otava gives each change point its means before
// and after, p and relative change, with a minimum-magnitude floor): the level changes E-divisive finds, each
// sized by the Hodges–Lehmann ratio between the runs either side with its Moses interval (compare-samples.ts),
// and a slow creep over the last runs by the Theil–Sen slope. Pure; the caller names the runs.
import { eDivisive } from './change-points.ts';
import { compareSamples } from './compare-samples.ts';
import { median } from './descriptive.ts';
import { theilSen } from './theil-sen.ts';
import type { Verdict } from '../results/schema.ts';

export interface SeriesChangeOptions {
  /** Seed of the permutation tests. */
  seed: number;
  /** Steps and creeps within ±noisePct % are not reported (default 2), as otava's minimum magnitude. */
  noisePct?: number;
  /** Level of the step and slope intervals (default 0.05). */
  alpha?: number;
  /** Level of the change points’ permutation tests (default 0.05). */
  changeAlpha?: number;
  permutations?: number;
  /** Runs on each side of a change that size it (default 6): the level just before and just after (an exact rank test of 30 against 30 builds takes ~50 ms; of 50 against 50, ~450 ms). */
  window?: number;
}

/** A step in the level of a series. Ratios are after / before; > 1 is slower or larger. */
export interface LevelChange {
  /** Index of the first run after the change (into the blocks). */
  index: number;
  /** Permutation p of the change point (E-divisive). */
  p: number;
  /** Hodges–Lehmann ratio of the values of the `window` runs after to those before, with its Moses interval. */
  ratio: number;
  ciLow: number;
  ciHigh: number;
  /** slower (higher) or faster (lower): the interval excludes 1 and the ratio is beyond the noise band. */
  verdict: Verdict;
  /** The newest runs still differ from the runs before the change in the same direction (always, for the last change). */
  inEffect: boolean;
}

/** A trend over the last runs since the last change. Ratios are the fitted last run / the fitted first run. */
export interface Creep {
  /** Indices of the first and last run of the trend. */
  from: number;
  to: number;
  /** Theil–Sen slope of the runs' median log values, as a factor over the whole span, with its interval. */
  ratio: number;
  ciLow: number;
  ciHigh: number;
  /** The fitted level at the first run, in the values' unit: exp of the median of (y − slope·x) (Conover 1999, 5.5), so the trend line runs from `level` to `level`·ratio. */
  level: number;
}

const log = (block: readonly number[]) => block.map(Math.log);

/**
 * The level changes of a series of runs (each run a block of values above 0, oldest first): E-divisive over the
 * log values, each change sized against the runs either side (up to `window` of them, not crossing another
 * change) and kept when its verdict is faster or slower — a change the step test cannot tell from noise, or
 * one within the noise band, is dropped. Throws a RangeError on an empty block or a value that is not above 0.
 */
export function findLevelChanges(blocks: readonly (readonly number[])[], opts: SeriesChangeOptions): LevelChange[] {
  const window = opts.window ?? 6;
  const splits = eDivisive(blocks.map(log), { seed: opts.seed, alpha: opts.changeAlpha, permutations: opts.permutations });
  const edges = [0, ...splits.map((s) => s.index), blocks.length];
  const values = (from: number, to: number) => blocks.slice(from, to).flat();
  const compare = (before: number[], after: number[]) => compareSamples({ baseline: before, variant: after, noisePct: opts.noisePct, alpha: opts.alpha });
  const last = values(Math.max(edges[edges.length - 2]!, blocks.length - window), blocks.length);
  const changes: LevelChange[] = [];
  splits.forEach((split, i) => {
    const before = values(Math.max(edges[i]!, split.index - window), split.index);
    const after = values(split.index, Math.min(edges[i + 2]!, split.index + window));
    const step = compare(before, after);
    if (step.verdict !== 'faster' && step.verdict !== 'slower') return;
    const inEffect = i === splits.length - 1 || compare(before, last).verdict === step.verdict;
    changes.push({ index: split.index, p: split.p, ratio: step.ratio, ciLow: step.ciLow, ciHigh: step.ciHigh, verdict: step.verdict, inEffect });
  });
  return changes;
}

/**
 * A creep over the last `lastK` runs (default 20) after index `since` (the last change; 0 without one): the
 * Theil–Sen slope of each run's median log value against its position, as a factor over the span, reported
 * when its 1 − alpha interval excludes no change and the factor is beyond the noise band. Needs `minRuns` runs
 * (default 8); undefined otherwise or when there is no creep.
 */
export function findCreep(blocks: readonly (readonly number[])[], opts: { since?: number; lastK?: number; minRuns?: number; noisePct?: number; alpha?: number }): Creep | undefined {
  const from = Math.max(opts.since ?? 0, blocks.length - (opts.lastK ?? 20));
  const runs = blocks.slice(from);
  if (runs.length < (opts.minRuns ?? 8)) return undefined;
  const ys = runs.map((b) => Math.log(median(b)));
  const fit = theilSen(runs.map((_, i) => i), ys, opts.alpha ?? 0.05);
  if (!fit) return undefined;
  const span = runs.length - 1;
  const level = Math.exp(median(ys.map((y, i) => y - fit.slope * i)));
  const creep = { from, to: blocks.length - 1, ratio: Math.exp(fit.slope * span), ciLow: Math.exp(fit.low * span), ciHigh: Math.exp(fit.high * span), level };
  const band = (opts.noisePct ?? 2) / 100;
  const excludesOne = creep.ciLow > 1 || creep.ciHigh < 1;
  return excludesOne && Math.abs(creep.ratio - 1) > band ? creep : undefined;
}
