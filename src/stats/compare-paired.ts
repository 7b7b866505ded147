// One variant against its baseline, round by round: when the rounds of a run move together (drift), the
// ln ratio of the two builds of the same round cancels the round's shift. Hodges–Lehmann median of the Walsh
// averages, the exact signed-rank intervals (1 − α for faster/slower, 1 − 2α for TOST) and the exact
// signed-rank p: one method, so interval, test and verdict agree as in compareSamples.
import { checkValues } from './check-values.ts';
import { checkedSettings, comparisonOf, type SampleComparison } from './compare-samples.ts';
import { standardDeviation } from './descriptive.ts';
import { normalQuantile } from './normal.ts';
import { estimateCentre, minPairsForDifference, signedRankTest } from './signed-rank.ts';
import { MAX_RUNS_NEEDED } from './verdict.ts';

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
  const { noisePct, alpha } = checkedSettings(opts);
  const d = pairs.map((p) => Math.log(p.variant) - Math.log(p.baseline));
  const centre = estimateCentre({ d, alpha });
  const compared = comparisonOf({ shift: centre, test: signedRankTest(d), baseline: base, variant: vari, noisePct, alpha });
  const { ratio, verdict } = compared;
  // Same fields as compareSamples, in the same order, with the analysis and the number of pairs after the method.
  const { method, ...rest } = compared;
  const result: SampleComparison = { method, analysis: 'paired', pairs: pairs.length, ...rest };
  if (2 / 2 ** pairs.length > alpha) result.minRunsToDecide = minPairsForDifference(alpha);
  if (verdict === 'inconclusive') result.runsNeeded = estimatePairsNeeded({ ratio, sd: standardDeviation(d), n: pairs.length, noisePct, alpha });
  return result;
}
