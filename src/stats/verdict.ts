// The verdict on a variant against its baseline, the fewest runs that can decide, and how many runs would
// settle an undecided comparison.
import type { Verdict } from '../results/schema.ts';
import { normalQuantile } from './normal.ts';

export const DEFAULT_NOISE_PCT = 2;
export const DEFAULT_ALPHA = 0.05;

/** Estimates above this are reported as this: "a thousand runs" already means "not with this noise". */
export const MAX_RUNS_NEEDED = 1000;

/** An interval of the ratio variant / baseline. */
export interface RatioInterval {
  low: number;
  high: number;
}

export interface VerdictInput {
  /** Hodges–Lehmann ratio. */
  ratio: number;
  /** 1 − α Moses interval; null when the sizes cannot have one (then no faster/slower). */
  interval: RatioInterval | null;
  /** 1 − 2α Moses interval; null when the sizes cannot have one (then no "no difference"). */
  equivalence: RatioInterval | null;
  pValue: number;
  noisePct: number;
  alpha: number;
}

/**
 * `faster`/`slower` when the 1 − α interval excludes 1, the exact p ≤ α (the same test: the interval is
 * its inversion; with ties the conditional p also has to agree, so a tie-heavy sample is never called on
 * the interval alone) and the ratio lies beyond ±noise. `no difference` when the 1 − 2α interval lies
 * within ±noise: two one-sided tests at α each (Schuirmann, J. Pharmacokinet. Biopharm. 15, 1987, 657–680).
 * `inconclusive` otherwise. A ratio beyond ±noise has an equivalence interval beyond it too, so the rules
 * never both hold.
 */
export function decideVerdict(input: VerdictInput): Verdict {
  const band = input.noisePct / 100;
  const significant = input.interval !== null && input.pValue <= input.alpha;
  if (significant && input.interval!.low > 1 && input.ratio > 1 + band) return 'slower';
  if (significant && input.interval!.high < 1 && input.ratio < 1 - band) return 'faster';
  const eq = input.equivalence;
  if (eq && eq.low >= 1 - band && eq.high <= 1 + band) return 'no difference';
  return 'inconclusive';
}

/** C(2n, n), exactly enough as a double for the n this is asked about. */
function centralBinomial(n: number): number {
  let c = 1;
  for (let i = 1; i <= n; i++) c = (c * (n + i)) / i;
  return c;
}

/**
 * Fewest runs per variant (equal numbers) for which the exact two-sided Mann-Whitney test can reach p ≤ α
 * at all: the most extreme arrangement has p = 2 / C(2n, n). Below it no data, however different, gives
 * faster or slower (4 at α = 0.05: 3 against 3 can do no better than p = 0.1).
 */
export function minRunsForDifference(alpha: number): number {
  let n = 1;
  while (2 / centralBinomial(n) > alpha) n++;
  return n;
}

/** Fewest runs per variant for which "no difference" is possible: each one-sided test needs 1 / C(2n, n) ≤ α. */
export function minRunsForEquivalence(alpha: number): number {
  let n = 1;
  while (1 / centralBinomial(n) > alpha) n++;
  return n;
}

/** Whether m against n runs can reach p ≤ α whatever the data: 2 / C(m + n, m) ≤ α. */
export function canShowDifference(opts: { m: number; n: number; alpha: number }): boolean {
  const small = Math.min(opts.m, opts.n);
  let c = 1;
  for (let i = 1; i <= small; i++) c = (c * (opts.m + opts.n - small + i)) / i;
  return 2 / c <= opts.alpha;
}

/**
 * Runs per variant estimated to turn `inconclusive` into a decision, from the observed spread, on the log
 * scale: d = |ln ratio|, band b = ln(1 + noise), s = the pooled relative spread. The Hodges–Lehmann shift of
 * two samples of n has asymptotic variance (π/3)·2s²/n for normal data (efficiency 3/π against the mean
 * difference; Hodges & Lehmann, Ann. Math. Statist. 27, 1956).
 * - d > b (looks like a change, only significance is missing): n for a two-sided test at α with 80% power,
 *   (π/3)·2·(z₁₋α/₂ + z₀.₈)²·s²/d², and at least minRunsForDifference(α).
 * - d ≤ b (looks like no change, the interval is too wide): n at which the 1 − 2α interval,
 *   ± z₁₋α·√((π/3)·2s²/n), fits inside the band around d: n = (2π/3)·z²·s²/(b − d)², and at least
 *   minRunsForEquivalence(α).
 * Never less than the current n + 1, capped at MAX_RUNS_NEEDED. An estimate from a few builds, shown as "~N".
 */
export function estimateRunsNeeded(opts: { ratio: number; spread: number; n: number; noisePct: number; alpha: number }): number {
  const d = Math.abs(Math.log(opts.ratio));
  const b = Math.log(1 + opts.noisePct / 100);
  const s2 = opts.spread * opts.spread;
  const variance = ((2 * Math.PI) / 3) * s2;
  let estimate: number;
  if (d > b) {
    const z = normalQuantile(1 - opts.alpha / 2) + normalQuantile(0.8);
    estimate = Math.max((variance * z * z) / (d * d), minRunsForDifference(opts.alpha));
  } else {
    const z = normalQuantile(1 - opts.alpha);
    estimate = Math.max((variance * z * z) / ((b - d) * (b - d)), minRunsForEquivalence(opts.alpha));
  }
  if (!Number.isFinite(estimate)) return MAX_RUNS_NEEDED;
  return Math.min(MAX_RUNS_NEEDED, Math.max(opts.n + 1, Math.ceil(estimate)));
}
