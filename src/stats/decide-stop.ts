// Adaptive runs (`--runs auto`): after each round, should another round be run?
import { findMetric } from '../results/metrics.ts';
import { isExact } from '../results/comparison-schema.ts';
import type { Comparison, SampledComparison, VariantResult } from '../results/schema.ts';
import { range } from './check-values.ts';
import type { SampleComparison } from './compare-samples.ts';
import { metricValues } from './metrics.ts';
import { summarize } from './summarize.ts';

/**
 * Looking after every round and stopping at the first p ≤ α would flag a difference in about 11% of A/A
 * pairs instead of 5% (3% CV, rounds 5..10); a fixed interim threshold with α at the last look (Haybittle,
 * Br. J. Radiology 44, 1971; Peto et al., Br. J. Cancer 34, 1976) still came to 5.1–5.6% at high CV, where
 * every look is a chance. So the interim looks share a fixed part of α and the last look uses the rest:
 * INTERIM_SHARE·α split evenly over the maxRuns − minRuns interim looks, (1 − INTERIM_SHARE)·α at the last.
 * By the union bound (Bonferroni) the false alarms of the whole procedure stay ≤ α however the looks
 * correlate and at any CV; a "no difference" stop only removes chances to alarm. Measured in
 * test/stats/runs-auto-simulation.test.ts and bench/harness/noise-stats.bench.ts.
 */
export const INTERIM_SHARE = 0.1;

/** The thresholds of an adaptive run: p ≤ interimP stops it early on faster/slower; finalAlpha is the α of its comparisons. */
export interface LookLevels {
  interimP: number;
  finalAlpha: number;
}

/** The levels of `--runs auto` with these bounds (no interim look when minRuns = maxRuns: all of α at the one look). */
export function lookLevels(opts: { alpha: number; minRuns: number; maxRuns: number }): LookLevels {
  const looks = Math.max(0, opts.maxRuns - opts.minRuns);
  if (looks === 0) return { interimP: 0, finalAlpha: opts.alpha };
  return { interimP: (opts.alpha * INTERIM_SHARE) / looks, finalAlpha: opts.alpha * (1 - INTERIM_SHARE) };
}

/**
 * The earliest round at which a faster/slower stop can come: before maxRuns the exact Mann-Whitney p of n
 * against n, at best 2 / C(2n, n), must reach interimP; at maxRuns, finalAlpha.
 */
export function earliestDifferenceStop(opts: { alpha: number; minRuns: number; maxRuns: number }): number {
  const { interimP, finalAlpha } = lookLevels(opts);
  const bestP = (n: number) => {
    let c = 1;
    for (let i = 1; i <= n; i++) c = (c * (n + i)) / i;
    return 2 / c;
  };
  for (let n = opts.minRuns; n < opts.maxRuns; n++) if (bestP(n) <= interimP) return n;
  return opts.maxRuns >= opts.minRuns && bestP(opts.maxRuns) <= finalAlpha ? opts.maxRuns : Infinity;
}

export interface StopOptions {
  variants: VariantResult[];
  /** The comparisons of these variants as the results file stores them: one computation for the check and the file. */
  comparisons: readonly Comparison[];
  minRuns: number;
  maxRuns: number;
  /** With nothing to compare (no baseline): stop once every median's 95% interval is within ± this % of it. */
  targetCiPct: number;
  /** α of the comparisons (the final look's, lookLevels().finalAlpha). */
  alpha: number;
  /** p a faster/slower verdict must reach to stop before the last look (lookLevels().interimP). */
  interimP: number;
}

export interface StopDecision {
  stop: boolean;
  /** Why, in words, for the results file's `config.stopReason`. */
  reason: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Rounds every measurable variant has completed (successful wallMs samples of the least-sampled one). */
export function completedRounds(variants: readonly VariantResult[]): number {
  const counts = variants.filter((v) => v.status === 'ok').map((v) => metricValues(v, 'wallMs').values.length);
  return counts.length === 0 ? 0 : range(counts).min;
}

/** Widest 95% interval half-width of a median, in % of the median, over the measurable variants. */
function widestCiPct(variants: readonly VariantResult[]): number {
  let widest = 0;
  for (const v of variants) {
    const s = summarize(metricValues(v, 'wallMs').values);
    widest = Math.max(widest, ((s.ciHigh - s.ciLow) / 2 / s.median) * 100);
  }
  return widest;
}

/**
 * Decided for good at this look. At the last look any verdict but inconclusive. Before it, faster/slower
 * needs p ≤ interimP, and "no difference" needs the 1 − α interval (not only the 1 − 2α one) inside ±noise:
 * each one-sided test at α/2. Repeated looks inflate false "no difference" as they inflate false alarms; at
 * 2% CV, A/A pairs stopped on the 90% interval disagreed with a fixed 10 runs in 10% of trials, on the 95%
 * interval in 3% (test/stats/runs-auto-simulation.test.ts).
 */
export function isDecided(c: SampleComparison, look: { last: boolean; alpha: number; interimP: number }): boolean {
  if (look.last) return c.verdict !== 'inconclusive';
  if (c.verdict === 'faster' || c.verdict === 'slower') return c.pValue <= Math.min(look.alpha, look.interimP);
  const band = c.noisePct / 100;
  return c.verdict === 'no difference' && c.ciConfidence >= c.level && c.ciLow >= 1 - band && c.ciHigh <= 1 + band;
}

function tally(comparisons: readonly SampledComparison[]): string {
  return (['faster', 'slower', 'no difference'] as const)
    .map((verdict) => [verdict, comparisons.filter((c) => c.verdict === verdict).length] as const)
    .filter(([, n]) => n > 0)
    .map(([verdict, n]) => `${n} ${verdict}`)
    .join(', ');
}

/**
 * The comparisons a run waits for: those of the metrics a user decides on (the registry's `decides`, i.e.
 * build time and start-up), sampled; CPU, RSS and exact sizes are shown but never keep a run going.
 */
function judged(comparisons: readonly Comparison[]): SampledComparison[] {
  return comparisons.filter((c): c is SampledComparison => !isExact(c) && findMetric(c.metric)?.decides !== false);
}

/**
 * Stop when, in this order: no variant is left; every comparison with a baseline is decided (by the
 * stricter interim rules of isDecided before the last look); the maximum is reached. A narrow interval of each median
 * ends a run only when there is nothing to compare: a run whose comparisons are still inconclusive goes on
 * to --max-runs, since its verdict is what the run is for.
 */
export function decideStop(opts: StopOptions): StopDecision {
  const live = opts.variants.filter((v) => v.status === 'ok');
  if (live.length === 0) return { stop: true, reason: 'no variant is left to measure' };
  const rounds = completedRounds(live);
  const after = `after ${plural(rounds, 'run')}`;
  if (rounds < opts.minRuns) return { stop: false, reason: `${rounds} of at least ${opts.minRuns} runs done` };
  const last = rounds >= opts.maxRuns;
  const comparisons = judged(opts.comparisons);
  const open = comparisons.filter((c) => !isDecided(c, { last, alpha: opts.alpha, interimP: opts.interimP }));
  if (comparisons.length > 0 && open.length === 0) {
    return { stop: true, reason: `every comparison with its baseline was decided ${after} (${tally(comparisons)})` };
  }
  let status: string;
  if (comparisons.length === 0) {
    const widest = widestCiPct(live);
    if (widest <= opts.targetCiPct) {
      return { stop: true, reason: `nothing to compare, and every median's 95% interval was within ±${opts.targetCiPct}% ${after} (widest ±${widest.toFixed(1)}%)` };
    }
    status = `widest 95% interval of a median ±${widest.toFixed(1)}% (target ±${opts.targetCiPct}%)`;
  } else {
    status = `${open.length} of ${plural(comparisons.length, 'comparison')} still undecided`;
  }
  if (last) return { stop: true, reason: `reached the maximum of ${plural(opts.maxRuns, 'run')}: ${status}` };
  return { stop: false, reason: `${plural(rounds, 'run')} done: ${status}` };
}
