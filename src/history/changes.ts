// The change points and creeps of every series of a history, named by their runs and commits. The statistics
// are stats/series-changes.ts; this file only walks the series and names what it found.
import { findMetric } from '../results/metrics.ts';
import { findCreep, findLevelChanges, type Creep, type LevelChange } from '../stats/series-changes.ts';
import type { HistoryRecord } from './record-schema.ts';
import { collectSeries, type Series, type SeriesKey } from './series.ts';

/** A run as a change names it. */
export interface RunRef {
  runId: string;
  startedAt: string;
  /** Commit hash; null when the run was not in a git checkout. */
  commit: string | null;
  subject?: string;
}

/** A step in a series: the last run before it and the first after, and its size (after / before). */
export interface ChangeFinding extends SeriesKey {
  series: string;
  before: RunRef;
  after: RunRef;
  /** Hodges–Lehmann ratio of the runs after to the runs before, with its Moses interval (stats/series-changes.ts). */
  ratio: number;
  ciLow: number;
  ciHigh: number;
  /** Permutation p of the change point. */
  p: number;
  /** The metric's word for the direction: slower/faster, larger/smaller, more/fewer. */
  direction: string;
  /** The newest runs still differ from the runs before in the same direction. */
  inEffect: boolean;
  /** Runs of the series from the first run after the change to the newest, that one included. */
  runsSince: number;
}

/** A trend over the last runs of a series: the fitted change from the first to the last, as a factor. */
export interface CreepFinding extends SeriesKey {
  series: string;
  from: RunRef;
  to: RunRef;
  runs: number;
  ratio: number;
  ciLow: number;
  ciHigh: number;
  direction: string;
  /** The fitted value at the first run of the trend, in the metric's unit (the trend line runs to level × ratio). */
  level: number;
}

export interface ChangeOptions {
  /** Mixed with each series id into the seed of its permutation tests (default 1). */
  seed?: number;
  /** Steps and creeps within ±noisePct % are left out (default 2). */
  noisePct?: number;
  alpha?: number;
  /** Runs a creep is fitted over (default 20). */
  lastK?: number;
}

/** FNV-1a of a string: a seed per series, so a series gives the same change points whatever else the history holds. */
function hashSeed(text: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const refOf = (r: HistoryRecord): RunRef => ({ runId: r.runId, startedAt: r.startedAt, commit: r.commit.sha, ...(r.commit.subject ? { subject: r.commit.subject } : {}) });

function directionOf(metric: string, ratio: number): string {
  const words = findMetric(metric)?.words ?? { lower: 'lower', higher: 'higher' };
  return ratio > 1 ? words.higher : words.lower;
}

/** Where a creep is fitted from: after the last change in the window, unless the window's changes are a staircase (two or more, all one way). */
function creepStart(changes: readonly LevelChange[], windowStart: number): number {
  const inside = changes.filter((c) => c.index > windowStart);
  const staircase = inside.length >= 2 && inside.every((c) => c.verdict === inside[0]!.verdict);
  return staircase || inside.length === 0 ? windowStart : inside[inside.length - 1]!.index;
}

function seriesFindings(s: Series, records: readonly HistoryRecord[], opts: ChangeOptions): { changes: ChangeFinding[]; creep?: CreepFinding } {
  const blocks = s.points.map((p) => p.values);
  const runOf = (i: number) => records[s.points[i]!.run]!;
  const key = { runner: s.runner, variant: s.variant, metric: s.metric, series: s.id };
  const changes = findLevelChanges(blocks, { seed: hashSeed(s.id, opts.seed ?? 1), noisePct: opts.noisePct, alpha: opts.alpha });
  const named = changes.map(
    (c): ChangeFinding => ({
      ...key,
      before: refOf(runOf(c.index - 1)),
      after: refOf(runOf(c.index)),
      ratio: c.ratio,
      ciLow: c.ciLow,
      ciHigh: c.ciHigh,
      p: c.p,
      direction: directionOf(s.metric, c.ratio),
      inEffect: c.inEffect,
      runsSince: blocks.length - c.index,
    }),
  );
  const lastK = opts.lastK ?? 20;
  const found: Creep | undefined = findCreep(blocks, { since: creepStart(changes, blocks.length - lastK), lastK, noisePct: opts.noisePct, alpha: opts.alpha });
  if (!found) return { changes: named };
  const creep = { ...key, from: refOf(runOf(found.from)), to: refOf(runOf(found.to)), runs: found.to - found.from + 1, ratio: found.ratio, ciLow: found.ciLow, ciHigh: found.ciHigh, direction: directionOf(s.metric, found.ratio), level: found.level };
  return { changes: named, creep };
}

/**
 * The change points and creeps of every series of `records` (oldest first; see series.ts for what a series is),
 * in series order, each change named by the last run before it and the first run after. Series with a value
 * that is not above 0 are skipped. Pure and deterministic for a given seed.
 */
export function findChanges(records: readonly HistoryRecord[], opts: ChangeOptions = {}): { changes: ChangeFinding[]; creeps: CreepFinding[] } {
  const changes: ChangeFinding[] = [];
  const creeps: CreepFinding[] = [];
  for (const s of collectSeries(records)) {
    if (s.points.length < 4 || s.points.some((p) => p.values.some((v) => !(v > 0)))) continue;
    const found = seriesFindings(s, records, opts);
    changes.push(...found.changes);
    if (found.creep) creeps.push(found.creep);
  }
  return { changes, creeps };
}
