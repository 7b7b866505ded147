// The verdict on a variant against its baseline, and how many runs would settle an undecided one.
import type { Verdict } from '../results/schema.ts';
import { normalQuantile } from './normal.ts';

export const DEFAULT_NOISE_PCT = 2;
export const DEFAULT_ALPHA = 0.05;

/**
 * Below this many samples per side a "no difference" is never declared: an interval of the median cannot
 * reach past the observed range, and [min, max] covers the median with probability 1 − 2^(1−n) only
 * (87.5% at n = 4), so a narrow interval from a handful of builds would be overconfident.
 */
export const MIN_RUNS_FOR_EQUIVALENCE = 5;

/** Estimates above this are reported as this: "a thousand runs" already means "not with this noise". */
export const MAX_RUNS_NEEDED = 1000;

export interface VerdictInput {
  ratio: number;
  ciLow: number;
  ciHigh: number;
  pValue: number;
  /** Samples on the smaller side. */
  n: number;
  noisePct: number;
  alpha: number;
}

/**
 * `faster`/`slower` when the difference is significant (p < α) and the ratio's point estimate lies beyond
 * ±noise; the point estimate, not the whole interval, decides, because with ≤ 10 builds a rule that needs
 * the whole CI past the band finds a true 5% change at 3% CV only about half the time (issue 5).
 * `no difference` when the whole CI lies inside ±noise (an equivalence test in the spirit of Schuirmann's
 * TOST, 1987, with the bootstrap interval); `inconclusive` otherwise.
 */
export function decideVerdict(input: VerdictInput): Verdict {
  const band = input.noisePct / 100;
  if (input.pValue < input.alpha && input.ratio > 1 + band) return 'slower';
  if (input.pValue < input.alpha && input.ratio < 1 - band) return 'faster';
  const inside = input.ciLow >= 1 - band && input.ciHigh <= 1 + band;
  if (inside && input.n >= MIN_RUNS_FOR_EQUIVALENCE) return 'no difference';
  return 'inconclusive';
}

/** Smallest n per side for which the exact two-sided Mann-Whitney p can fall below α: 2 / C(2n, n) < α. */
export function minRunsForSignificance(alpha: number): number {
  let n = 1;
  let central = 2; // C(2n, n) at n = 1
  while (2 / central >= alpha) {
    n++;
    central = (central * (2 * n) * (2 * n - 1)) / (n * n);
  }
  return n;
}

/**
 * Runs per variant estimated to turn `inconclusive` into a decision, from the observed spread.
 * Work on the log scale: d = |ln ratio|, band m = ln(1 + noise), s = the pooled relative spread of the two
 * samples (robust: 1.4826·MAD / median, Rousseeuw & Croux 1993). The sample median's variance is
 * (π/2)·s²/n (asymptotic, normal data).
 * - d > m (the estimate already looks like a change, only significance is missing): the size per group for a
 *   two-sided test at α with 80% power, 2·(z₁₋α/₂ + z₀.₈)²·s²/d², divided by the Mann-Whitney test's
 *   asymptotic efficiency 3/π relative to the t-test (Hodges & Lehmann 1956), and at least the n at which
 *   an exact p below α is possible at all.
 * - d ≤ m (the estimate looks like no change, the CI is too wide): the n at which the expected CI of the
 *   ratio, ± z₁₋α/₂·√(2·(π/2)·s²/n), fits inside the band: n = π·z²·s² / (m − d)².
 * Never less than the current n + 1, at least MIN_RUNS_FOR_EQUIVALENCE for an equivalence, capped at
 * MAX_RUNS_NEEDED. It is an estimate from a few builds, shown as "~N".
 */
export function estimateRunsNeeded(opts: { ratio: number; spread: number; n: number; noisePct: number; alpha: number }): number {
  const d = Math.abs(Math.log(opts.ratio));
  const m = Math.log(1 + opts.noisePct / 100);
  const z = normalQuantile(1 - opts.alpha / 2);
  const s2 = opts.spread * opts.spread;
  let estimate: number;
  if (d > m) {
    const zPower = normalQuantile(0.8);
    estimate = Math.max((2 * (z + zPower) ** 2 * s2) / (d * d) / (3 / Math.PI), minRunsForSignificance(opts.alpha));
  } else {
    estimate = Math.max((Math.PI * z * z * s2) / ((m - d) * (m - d)), MIN_RUNS_FOR_EQUIVALENCE);
  }
  if (!Number.isFinite(estimate)) return MAX_RUNS_NEEDED;
  return Math.min(MAX_RUNS_NEEDED, Math.max(opts.n + 1, Math.ceil(estimate)));
}
