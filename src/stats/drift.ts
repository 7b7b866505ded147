// Drift: how far the rounds of a run moved together, beside the noise within them. ln values of one metric
// form a table (variant × round), split by median polish into variant + round + residual; the round effects
// are the shifts every variant of a round shared (a busy or a quiet minute of the machine). Whether to compare
// by round pairs is decided here, by a rule fixed before any comparison is looked at, never by whichever p is
// smaller (test/stats/paired-rule-simulation.test.ts checks its false alarms).
import { mean, standardDeviation } from './descriptive.ts';
import { medianPolish } from './median-polish.ts';
import { createRng, randomIndex, type Rng } from './random.ts';
import { mannKendall } from './trend.ts';
import { DEFAULT_NOISE_PCT } from './verdict.ts';

/** Pairing needs at least this many rounds in which both variants built (the signed-rank test decides from 6). */
export const MIN_PAIRS = 8;
/** Pairing needs the drift to pass the permutation test at this level. */
export const DRIFT_P = 0.05;
/** A trend through the run is reported when its Mann–Kendall p is at most this (and the drift is real). */
export const TREND_P = 0.05;
/** Permutations of the drift test: p is a multiple of 1/200, enough for a 5% threshold; seeded, so reproducible. */
const PERMUTATIONS = 199;
const PERMUTATION_SEED = 0x5eed;

/** One variant's values of the metric with the round of each. */
export interface RoundSeries {
  id: string;
  values: readonly number[];
  rounds: readonly number[];
}

/** The decomposition of one group, before the caller names it (scenario, cache state, metric). */
export interface DriftEstimate {
  variants: string[];
  rounds: number;
  roundEffects: { round: number; effect: number }[];
  driftSd: number;
  noiseSd: number;
  driftP: number;
  trendTau: number;
  trendP: number;
  paired: boolean;
  rule: string;
}

type Table = (number | null)[][];

/** variant × round table of ln values over the rounds with at least two variants measured; a round measured twice keeps its first value. */
function tableOf(series: readonly RoundSeries[]): { table: Table; rounds: number[] } {
  const seen = new Map<number, number>();
  for (const s of series) for (const r of new Set(s.rounds)) seen.set(r, (seen.get(r) ?? 0) + 1);
  const rounds = [...seen].filter(([, n]) => n >= 2).map(([r]) => r).sort((a, b) => a - b);
  const column = new Map(rounds.map((r, i) => [r, i]));
  const table = series.map((s) => {
    const row: (number | null)[] = rounds.map(() => null);
    s.rounds.forEach((r, i) => {
      const c = column.get(r);
      if (c !== undefined && row[c] === null) row[c] = Math.log(s.values[i]!);
    });
    return row;
  });
  return { table, rounds };
}

/** sd of the round effects of `table`'s median polish: the drift statistic. */
const driftOf = (table: Table) => standardDeviation(medianPolish(table).cols);

/** Each variant's values shuffled among its own measured rounds (Fisher–Yates): no shared round effect is left. */
function shuffleWithinRows(table: Table, rng: Rng): Table {
  return table.map((row) => {
    const present = row.flatMap((x, c) => (x === null ? [] : [c]));
    const values = present.map((c) => row[c]!);
    for (let i = values.length - 1; i > 0; i--) {
      const j = randomIndex(rng, i + 1);
      [values[i], values[j]] = [values[j]!, values[i]!];
    }
    const out = row.map(() => null as number | null);
    present.forEach((c, i) => (out[c] = values[i]!));
    return out;
  });
}

/**
 * Permutation p of the observed drift: the share of PERMUTATIONS within-variant shuffles (plus the data) whose
 * drift is at least the observed (a Monte Carlo permutation test; Good, Permutation Tests, 2nd ed., 2000, §3).
 */
function driftPValue(table: Table, observed: number): number {
  const rng = createRng(PERMUTATION_SEED);
  let atLeast = 1;
  for (let i = 0; i < PERMUTATIONS; i++) if (driftOf(shuffleWithinRows(table, rng)) >= observed - 1e-12) atLeast++;
  return atLeast / (PERMUTATIONS + 1);
}

/** Residual sd of the additive fit: √(Σ residual² / (cells − variants − rounds + 1)); 0 when no degree of freedom is left. */
function residualSd(residuals: Table, variants: number, rounds: number): number {
  const present = residuals.flat().filter((x): x is number => x !== null);
  const df = present.length - variants - rounds + 1;
  return df <= 0 ? 0 : Math.sqrt(present.reduce((s, x) => s + x * x, 0) / df);
}

const f2 = (x: number) => (x < 0.001 ? '< 0.001' : `= ${Number(x.toPrecision(2))}`);

/**
 * The drift of a group of variants measured in the same rounds (values > 0, e.g. wallMs). Null when fewer
 * than two variants or three shared rounds. The pairing rule, fixed in advance: compare by round pairs when
 * the drift is beyond noise (permutation p ≤ DRIFT_P); each comparison then needs ≥ MIN_PAIRS complete pairs.
 */
export function estimateDrift(series: readonly RoundSeries[]): DriftEstimate | null {
  const measured = series.filter((s) => s.values.length > 0);
  if (measured.length < 2) return null;
  const { table, rounds } = tableOf(measured);
  if (rounds.length < 3) return null;
  const fit = medianPolish(table);
  const driftSd = standardDeviation(fit.cols);
  const driftP = driftPValue(table, driftSd);
  const trend = mannKendall(fit.cols);
  const paired = driftP <= DRIFT_P;
  const rule =
    `pair by rounds when the drift is beyond noise (permutation p ≤ ${DRIFT_P}) and a comparison has ≥ ${MIN_PAIRS} complete pairs: ` +
    `drift p ${f2(driftP)}, so ${paired ? 'paired where the pairs suffice' : 'independent'}`;
  return {
    variants: measured.map((s) => s.id),
    rounds: rounds.length,
    roundEffects: rounds.map((round, c) => ({ round, effect: fit.cols[c]! - mean(fit.cols) })),
    driftSd,
    noiseSd: residualSd(fit.residuals, measured.length, rounds.length),
    driftP,
    trendTau: trend.tau,
    trendP: trend.p,
    paired,
    rule,
  };
}

/**
 * Whether a drift estimate shows a monotone trend worth a warning: a real drift (p ≤ DRIFT_P) whose effects
 * trend (Mann–Kendall p ≤ TREND_P) and whose last round ran more than the default noise band (±2%) away from
 * its first: a 1% trend through `sleep` builds is real and harmless, and "more runs will not help" would mislead.
 */
export function isTrending(d: Pick<DriftEstimate, 'driftP' | 'trendP' | 'roundEffects'>): boolean {
  return d.driftP <= DRIFT_P && d.trendP <= TREND_P && Math.abs(Math.log(trendSpan(d))) > Math.log(1 + DEFAULT_NOISE_PCT / 100);
}

/** How the last round ran against the first, from the round effects: 1.9 = 1.9× the first's times; 1 with fewer than two rounds. */
export function trendSpan(d: Pick<DriftEstimate, 'roundEffects'>): number {
  const effects = d.roundEffects;
  return effects.length > 1 ? Math.exp(effects[effects.length - 1]!.effect - effects[0]!.effect) : 1;
}
