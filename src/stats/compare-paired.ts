// One variant against its baseline, round by round: when the rounds of a run move together (drift), the
// ln ratio of the two builds of the same round cancels the round's shift. Hodges–Lehmann median of the Walsh
// averages, the exact signed-rank intervals (1 − α for faster/slower, 1 − 2α for TOST) and the exact
// signed-rank p: one method, so interval, test and verdict agree as in compareSamples.
import { checkValues } from './check-values.ts';
import type { SampleComparison } from './compare-samples.ts';
import { median, standardDeviation } from './descriptive.ts';
import { normalQuantile } from './normal.ts';
import { estimateCentre, minPairsForDifference, signedRankTest, type CentreInterval } from './signed-rank.ts';
import { DEFAULT_ALPHA, DEFAULT_NOISE_PCT, MAX_RUNS_NEEDED, decideVerdict } from './verdict.ts';

/** The two builds of one round: baseline and variant, in a unit above 0. */
export interface RoundPair {
  round: number;
  baseline: number;
  variant: number;
}

export interface ComparePairedOptions {
  pairs: readonly RoundPair[];
  /** Differences within ±noisePct % count as no difference (default 2). */
  noisePct?: number;
  /** Significance level (default 0.05). */
  alpha?: number;
}

const toRatio = (i: CentreInterval) => ({ low: Math.exp(i.low), high: Math.exp(i.high) });

/**
 * Pairs estimated to decide an undecided paired comparison: the one-sample Hodges–Lehmann estimate has
 * asymptotic variance (π/3)·s²/n for normal differences of sd s (efficiency 3/π; Hodges & Lehmann 1963).
 * With d = |ln ratio| beyond the band b: (π/3)(z₁₋α/₂ + z₀.₈)²s²/d²; within it: (π/3)z₁₋α²s²/(b − d)².
 * At least minPairsForDifference(α) and n + 1; capped at MAX_RUNS_NEEDED.
 */
export function estimatePairsNeeded(opts: { ratio: number; sd: number; n: number; noisePct: number; alpha: number }): number {
  const d = Math.abs(Math.log(opts.ratio));
  const b = Math.log(1 + opts.noisePct / 100);
  const variance = (Math.PI / 3) * opts.sd * opts.sd;
  const z = d > b ? normalQuantile(1 - opts.alpha / 2) + normalQuantile(0.8) : normalQuantile(1 - opts.alpha);
  const gap = d > b ? d : b - d;
  const estimate = Math.max((variance * z * z) / (gap * gap), minPairsForDifference(opts.alpha));
  if (!Number.isFinite(estimate)) return MAX_RUNS_NEEDED;
  return Math.min(MAX_RUNS_NEEDED, Math.max(opts.n + 1, Math.ceil(estimate)));
}

/**
 * Compares by round pairs on the ln scale: ratio = exp(HL of the per-round ln ratios). Throws a RangeError
 * on no pairs, a value that is not a finite number above 0, alpha outside (0, 0.5) or a negative noisePct.
 */
export function comparePaired(opts: ComparePairedOptions): SampleComparison {
  const { pairs } = opts;
  if (pairs.length === 0) throw new RangeError('comparePaired needs at least one round with both builds');
  const base = pairs.map((p) => p.baseline);
  const vari = pairs.map((p) => p.variant);
  checkValues(base, { what: 'comparePaired, baseline', positive: true });
  checkValues(vari, { what: 'comparePaired, variant', positive: true });
  const noisePct = opts.noisePct ?? DEFAULT_NOISE_PCT;
  const alpha = opts.alpha ?? DEFAULT_ALPHA;
  if (!(alpha > 0 && alpha < 0.5)) throw new RangeError(`alpha must be between 0 and 0.5, got ${alpha}`);
  if (!(noisePct >= 0 && Number.isFinite(noisePct))) throw new RangeError(`noisePct must be 0 or more, got ${noisePct}`);
  const d = pairs.map((p) => Math.log(p.variant) - Math.log(p.baseline));
  const centre = estimateCentre({ d, alpha });
  const test = signedRankTest(d);
  const ratio = Math.exp(centre.estimate);
  const interval = centre.interval && toRatio(centre.interval);
  const equivalence = centre.equivalence && toRatio(centre.equivalence);
  const verdict = decideVerdict({ ratio, interval, equivalence, pValue: test.p, noisePct, alpha });
  const shown = centre.interval ?? centre.full;
  const result: SampleComparison = {
    method: 'hodges-lehmann',
    analysis: 'paired',
    pairs: pairs.length,
    ratio,
    ciLow: Math.exp(shown.low),
    ciHigh: Math.exp(shown.high),
    level: 1 - alpha,
    ciConfidence: shown.confidence,
    ...(equivalence ? { eqLow: equivalence.low, eqHigh: equivalence.high } : {}),
    noisePct,
    medianRatio: median(vari) / median(base),
    pValue: test.p,
    pMethod: test.method,
    verdict,
  };
  if (2 / 2 ** pairs.length > alpha) result.minRunsToDecide = minPairsForDifference(alpha);
  if (verdict === 'inconclusive') result.runsNeeded = estimatePairsNeeded({ ratio, sd: standardDeviation(d), n: pairs.length, noisePct, alpha });
  return result;
}
