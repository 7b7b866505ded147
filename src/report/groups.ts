// The variants that share one baseline — a scenario's cache state in one run at one git ref — with what the
// report says about them computed once: the decided winner of each first-screen metric and the Pareto
// front of median build time against artifact bytes. The decision table, the recommendation, the charts and
// summary.md all read these; none derives a winner or a front of its own.
import { metric } from '../results/metrics.ts';
import type { Drift } from '../results/schema.ts';
import { compareExact } from '../stats/compare-exact.ts';
import { paretoFront } from '../stats/pareto.ts';
import { shownValue } from './metrics.ts';
import type { ComparisonModel, VariantModel } from './model.ts';
import { pickSmallest, pickTimedWinner, type WinnerPick } from './winner.ts';

/** The metrics of the first screen, in column order: the user's question is build time, size and start-up. */
export const DECISION_METRICS = ['wallMs', 'bytes', 'startupFirstMs', 'startupWarmMs'].map(metric);

export interface GroupModel {
  cache: string;
  /** Index into ReportModel.sources: the run. */
  source: number;
  ref: string | null;
  /** "cold builds", "cold builds at v2 (run 2)". */
  title: string;
  /** Its variants, in the scenario's order; every status. */
  variants: VariantModel[];
  /** The ok variant marked baseline, if one was measured. */
  base: VariantModel | undefined;
  /** Per first-screen metric name: the decided winner (sampled metrics, winner.ts) or the strictly smallest (exact ones), or why none. */
  winners: Record<string, WinnerPick>;
  /**
   * Keys of the ok variants no other beats on both median build time and artifact bytes (Kung et al. 1975,
   * stats/pareto.ts), by increasing median build time; empty when fewer than two variants have both.
   */
  pareto: string[];
  /** The winners of a metric compared with each other (comparisons whose variant is in this group). */
  between: ComparisonModel[];
  /** The drift records of this group (one per metric the statistics stage decomposed). */
  drift: Drift[];
}

type Find = (v: VariantModel, name: string) => ComparisonModel | undefined;

/**
 * Among several variants decided faster than the baseline, the one decided faster than each of the others
 * in `between` (the winners compared with each other, Holm-corrected), or null.
 */
function bestAmong(faster: readonly string[], between: readonly ComparisonModel[], name: string): string | null {
  const beats = (a: string, b: string) =>
    between.some((c) => c.metric === name && ((c.variant === a && c.baseline === b && c.verdict === 'faster') || (c.variant === b && c.baseline === a && c.verdict === 'slower')));
  return faster.find((a) => faster.every((b) => a === b || beats(a, b))) ?? null;
}

/** The winner of one first-screen metric among `ok`, from the comparisons of `find`. */
function winnerOf(name: string, ok: VariantModel[], find: Find, between: readonly ComparisonModel[]): WinnerPick {
  const has = ok.filter((v) => shownValue(v, name) !== undefined);
  // A verdict about different work (stats/unlike-work.ts) decides no winner.
  const verdictOf = (v: VariantModel) => {
    const c = find(v, name);
    return c && 'unlike' in c && c.unlike ? undefined : c?.verdict;
  };
  if (metric(name).kind === 'sampled') {
    const pick = pickTimedWinner(has.map((v) => ({ key: v.key, baseline: v.baseline, verdict: verdictOf(v) })));
    if (pick.key !== null || pick.why !== 'several faster') return pick;
    const faster = has.filter((v) => !v.baseline && verdictOf(v) === 'faster').map((v) => v.key);
    const rest = has.filter((v) => !v.baseline && !faster.includes(v.key));
    const best = rest.every((v) => ['slower', 'no difference'].includes(verdictOf(v) ?? '')) ? bestAmong(faster, between, name) : null;
    return best === null ? pick : { key: best };
  }
  const values = has.map((v) => ({ key: v.key, value: shownValue(v, name)! }));
  const key = pickSmallest(values);
  if (key === null) return { key: null, why: 'tie' };
  // The smallest wins only when it is decided smaller than the next: within EXACT_SAME_PCT it is the same size (no ★).
  const [first, second] = [...values].sort((a, b) => a.value - b.value);
  return compareExact({ baseline: second!.value, variant: first!.value })?.verdict === 'no difference' ? { key: null, why: 'tie' } : { key };
}

/** The Pareto front of median build time (x) against artifact bytes (y), on medians: undecided differences included. */
function frontOf(ok: VariantModel[]): string[] {
  const points = ok.flatMap((v) => {
    const [x, y] = [shownValue(v, 'wallMs'), shownValue(v, 'bytes')];
    return v.stats.wallMs && x !== undefined && y !== undefined ? [{ id: v.key, x, y }] : [];
  });
  return points.length < 2 ? [] : paretoFront(points);
}

/** The groups of a scenario's variants, in order of first appearance, each with its winners and Pareto front. */
export function buildGroups(o: {
  variants: VariantModel[];
  comparisons: ComparisonModel[];
  winnerComparisons?: ComparisonModel[];
  drift?: (Drift & { source: number })[];
}): GroupModel[] {
  const byKey = new Map<string, VariantModel[]>();
  for (const v of o.variants) {
    const key = JSON.stringify([v.cache, v.source, v.ref]);
    byKey.set(key, [...(byKey.get(key) ?? []), v]);
  }
  const sources = new Set(o.variants.map((v) => v.source)).size;
  const find = (v: VariantModel, name: string) => o.comparisons.find((c) => c.variant === v.key && c.metric === name);
  return [...byKey.values()].map((variants) => {
    const { cache, source, ref } = variants[0]!;
    const ok = variants.filter((v) => v.status === 'ok');
    const keys = new Set(variants.map((v) => v.key));
    const between = (o.winnerComparisons ?? []).filter((c) => keys.has(c.variant));
    const drift = (o.drift ?? []).filter((d) => d.source === source && d.cache === cache && (d.ref ?? null) === ref);
    return {
      cache,
      source,
      ref,
      title: `${cache} builds${ref ? ` at ${ref}` : ''}${sources > 1 ? ` (run ${source + 1})` : ''}`,
      variants,
      base: ok.find((v) => v.baseline),
      winners: Object.fromEntries(DECISION_METRICS.map((m) => [m.name, winnerOf(m.name, ok, find, between)])),
      pareto: frontOf(ok),
      between,
      drift,
    };
  });
}
