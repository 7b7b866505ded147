// Seeded simulation of build-time comparisons: log-normal times (right-skewed like builds) with a known true
// ratio, drawn once per trial and judged by the real compareSamples — the shared engine of the target tests.
import { compareSamples, createRng, isDecided, lookLevels, randomLogNormal, type Rng, type SampleComparison } from '../../src/stats/index.ts';

export const VERDICT_NAMES = ['faster', 'slower', 'no difference', 'inconclusive'] as const;
export type Rates = Record<(typeof VERDICT_NAMES)[number], number>;

const draw = (rng: Rng, opts: { n: number; median: number; cv: number }) =>
  Array.from({ length: opts.n }, () => randomLogNormal({ rng, median: opts.median, cv: opts.cv }));

/** Share of each verdict, share of decided verdicts whose printed interval contains 1, and interval coverage. */
export interface CellResult {
  rates: Rates;
  decidedWithIntervalOverOne: number;
  coverage: number;
  /** The interval's stated confidence (the same in every trial of a cell: it depends on n only). */
  confidence: number;
}

/** `trials` pairs of n against n builds, variant = ratio × baseline in the median, both at `cv`. */
export function simulateCell(opts: { n: number; cv: number; ratio: number; trials: number; seed: number }): CellResult {
  const rng = createRng(opts.seed);
  const rates: Rates = { faster: 0, slower: 0, 'no difference': 0, inconclusive: 0 };
  let contradicting = 0;
  let covered = 0;
  let confidence = 0;
  for (let t = 0; t < opts.trials; t++) {
    const baseline = draw(rng, { n: opts.n, median: 1000, cv: opts.cv });
    const variant = draw(rng, { n: opts.n, median: 1000 * opts.ratio, cv: opts.cv });
    const c = compareSamples({ baseline, variant });
    rates[c.verdict]++;
    if ((c.verdict === 'faster' || c.verdict === 'slower') && c.ciLow <= 1 && c.ciHigh >= 1) contradicting++;
    if (c.ciLow <= opts.ratio && opts.ratio <= c.ciHigh) covered++;
    confidence = c.ciConfidence;
  }
  for (const k of VERDICT_NAMES) rates[k] /= opts.trials;
  return { rates, decidedWithIntervalOverOne: contradicting, coverage: covered / opts.trials, confidence };
}

/** One `--runs auto` trial against a fixed run on the same draws. */
export interface AutoResult {
  sameVerdict: number;
  meanRuns: number;
  autoRates: Rates;
  fixedRates: Rates;
}

/**
 * `--runs auto` as decideStop runs it for one comparison: from minRuns on, stop at the first look where
 * the comparison is decided by the interim rules of isDecided, or at maxRuns; its verdict is the comparison
 * at the stop, at the last look's α (lookLevels), as the runner stores it. Against `fixed` runs of the same draws (the first `fixed` builds).
 */
export function simulateAuto(opts: { cv: number; ratio: number; trials: number; seed: number; minRuns: number; maxRuns: number; fixed: number }): AutoResult {
  const rng = createRng(opts.seed);
  const levels = lookLevels({ alpha: 0.05, minRuns: opts.minRuns, maxRuns: opts.maxRuns });
  const longest = Math.max(opts.maxRuns, opts.fixed);
  const autoRates: Rates = { faster: 0, slower: 0, 'no difference': 0, inconclusive: 0 };
  const fixedRates: Rates = { ...autoRates };
  let same = 0;
  let runs = 0;
  for (let t = 0; t < opts.trials; t++) {
    const baseline = draw(rng, { n: longest, median: 1000, cv: opts.cv });
    const variant = draw(rng, { n: longest, median: 1000 * opts.ratio, cv: opts.cv });
    const at = (k: number): SampleComparison => compareSamples({ baseline: baseline.slice(0, k), variant: variant.slice(0, k), alpha: levels.finalAlpha });
    let k = opts.minRuns;
    let c = at(k);
    while (k < opts.maxRuns && !isDecided(c, { last: false, alpha: levels.finalAlpha, interimP: levels.interimP })) c = at(++k);
    const fixed = compareSamples({ baseline: baseline.slice(0, opts.fixed), variant: variant.slice(0, opts.fixed) });
    autoRates[c.verdict]++;
    fixedRates[fixed.verdict]++;
    if (c.verdict === fixed.verdict) same++;
    runs += k;
  }
  for (const k of VERDICT_NAMES) {
    autoRates[k] /= opts.trials;
    fixedRates[k] /= opts.trials;
  }
  return { sameVerdict: same / opts.trials, meanRuns: runs / opts.trials, autoRates, fixedRates };
}

export const percent = (r: Record<string, number>) =>
  Object.entries(r)
    .map(([k, v]) => `${k} ${(v * 100).toFixed(1)}%`)
    .join(', ');
