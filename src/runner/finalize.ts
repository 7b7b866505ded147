// Statistics are computed once, by the pure functions in stats/, each time the results file is written; the
// report, the terminal and compare only display what is stored here.
import type { ResultsFile } from '../results/schema.ts';
import { compareAcrossRefs, compareWithBaselines, decideStop, summarizeVariant } from '../stats/index.ts';

export interface AdaptiveOptions {
  minRuns: number;
  maxRuns: number;
  targetCiPct: number;
}

export function finalizeResults(results: ResultsFile, stats: { noisePct?: number; alpha?: number } = {}): ResultsFile {
  for (const v of results.variants) v.stats = v.samples.length > 0 ? summarizeVariant(v, { seed: results.config.seed }) : {};
  const measured = results.variants.filter((v) => v.status === 'ok' && v.samples.length > 0);
  const settings = { ...stats, seed: results.config.seed };
  const refs = results.config.refs ?? [];
  results.comparisons = [...compareWithBaselines(measured, settings), ...(refs.length > 1 ? compareAcrossRefs(measured, { ...settings, refs }) : [])];
  return results;
}

/** With `--runs auto`: stop adding rounds once every comparison is decided or every CI is narrow enough. */
export function shouldStop(opts: {
  results: ResultsFile;
  round: number;
  adaptive: AdaptiveOptions;
  stats?: { noisePct?: number; alpha?: number };
}): { stop: boolean; reason: string } {
  const { results, round, adaptive } = opts;
  const completed = round - 1;
  if (completed < adaptive.minRuns) return { stop: false, reason: '' };
  const measured = results.variants.filter((v) => v.status === 'ok' && v.samples.length > 0);
  return decideStop({
    variants: measured,
    minRuns: adaptive.minRuns,
    maxRuns: adaptive.maxRuns,
    targetCiPct: adaptive.targetCiPct,
    noisePct: opts.stats?.noisePct ?? 2,
    alpha: opts.stats?.alpha ?? 0.05,
  });
}
