// Adaptive runs (`--runs auto`): after each round, should another round be run?
import type { VariantResult } from '../results/schema.ts';
import { compareWithBaselines } from './baselines.ts';
import { metricValues } from './metrics.ts';
import { summarize } from './summarize.ts';

/**
 * Looking at the p-value after every round and stopping at the first p < α would flag a difference in about
 * 11% of A/A pairs instead of 5% (measured: 3% CV, rounds 5..10). So before the last round a faster/slower
 * verdict stops the run only at p < 0.0027 — Haybittle's rule of three standard errors at interim looks
 * (Haybittle, Br. J. Radiology 44, 1971; Peto et al. 1976) — and the last round uses α as a fixed-size run
 * would. "No difference" needs no such guard: it comes from the interval, not the test.
 */
export const INTERIM_P = 0.0027;

export interface StopOptions {
  variants: VariantResult[];
  minRuns: number;
  maxRuns: number;
  /** Stop once every median's 95% CI half-width is within this % of the median. */
  targetCiPct: number;
  noisePct: number;
  alpha: number;
  seed?: number;
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
  return counts.length === 0 ? 0 : Math.min(...counts);
}

/** Widest 95% CI half-width of a median, in % of the median, over the measurable variants. */
function widestCiPct(variants: readonly VariantResult[], seed: number | undefined): number {
  let widest = 0;
  for (const v of variants) {
    if (v.status !== 'ok') continue;
    const s = summarize(metricValues(v, 'wallMs').values, { seed });
    widest = Math.max(widest, ((s.ciHigh - s.ciLow) / 2 / s.median) * 100);
  }
  return widest;
}

export function decideStop(opts: StopOptions): StopDecision {
  const live = opts.variants.filter((v) => v.status === 'ok');
  if (live.length === 0) return { stop: true, reason: 'no variant is left to measure' };
  const rounds = completedRounds(live);
  if (rounds < opts.minRuns) return { stop: false, reason: `${rounds} of at least ${opts.minRuns} runs done` };
  const last = rounds >= opts.maxRuns;
  const alpha = last ? opts.alpha : Math.min(opts.alpha, INTERIM_P);
  const comparisons = compareWithBaselines(live, { noisePct: opts.noisePct, alpha, seed: opts.seed });
  const open = comparisons.filter((c) => c.verdict === 'inconclusive').length;
  if (comparisons.length > 0 && open === 0) {
    const tally = ['faster', 'slower', 'no difference']
      .map((verdict) => [verdict, comparisons.filter((c) => c.verdict === verdict).length] as const)
      .filter(([, n]) => n > 0)
      .map(([verdict, n]) => `${n} ${verdict}`)
      .join(', ');
    return { stop: true, reason: `every comparison with its baseline was decided after ${plural(rounds, 'run')} (${tally})` };
  }
  const widest = widestCiPct(live, opts.seed);
  if (widest <= opts.targetCiPct) {
    return { stop: true, reason: `every median's 95% CI was within ±${opts.targetCiPct}% after ${plural(rounds, 'run')} (widest ±${widest.toFixed(1)}%)` };
  }
  const open_ = comparisons.length > 0 ? `${open} of ${plural(comparisons.length, 'comparison')} still inconclusive, ` : '';
  const status = `${open_}widest CI of a median ±${widest.toFixed(1)}% (target ±${opts.targetCiPct}%)`;
  if (last) return { stop: true, reason: `reached the maximum of ${plural(opts.maxRuns, 'run')}: ${status}` };
  return { stop: false, reason: `${plural(rounds, 'run')} done: ${status}` };
}
