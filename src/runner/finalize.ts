// Statistics are computed once, by the pure functions in stats/, each time the results file is written; the
// report, the terminal and compare only display what is stored here.
import { isInterruptionWarning } from './interruption.ts';
import { isSetUpWarning } from '../common/setup-warning.ts';
import type { ResultsFile } from '../results/schema.ts';
import { cacheStateWarning } from '../results/cache-state-warning.ts';
import { lookLevels, compareAcrossRefs, compareWinners, compareWithBaselines, decideStop, estimateGroupDrift, markUnlikeWork, recordPipelines, resolutionWarning, summarizeVariant } from '../stats/index.ts';

/** How the comparisons are decided: noise band (%), α, and with --runs auto the interim threshold (then α is the last look's). */
export interface StatsSettings {
  noisePct?: number;
  alpha?: number;
  interimP?: number;
}

export interface AdaptiveOptions {
  minRuns: number;
  maxRuns: number;
  targetCiPct: number;
}

/** The settings of a run: with --runs auto, the comparisons use the last look's α and early stops need interimP (stats/decide-stop.ts). */
export function statsSettings(opts: { alpha: number; noisePct: number; adaptive?: AdaptiveOptions }): StatsSettings {
  if (!opts.adaptive) return { noisePct: opts.noisePct, alpha: opts.alpha };
  const { interimP, finalAlpha } = lookLevels({ alpha: opts.alpha, minRuns: opts.adaptive.minRuns, maxRuns: opts.adaptive.maxRuns });
  return { noisePct: opts.noisePct, alpha: finalAlpha, interimP };
}

/**
 * Recomputes every variant's statistics, its resolution warning (a median within the harness's own overhead),
 * each group's drift (which chooses paired or independent comparisons), the comparisons with each scenario's
 * baseline and those among its winners under `stats` (noise in %, α); mutates and returns
 * `results`. Pure but for that; never throws.
 */
export function finalizeResults(results: ResultsFile, stats: StatsSettings = {}): ResultsFile {
  recordPipelines(results.variants);
  for (const v of results.variants) {
    v.stats = v.samples.length > 0 ? summarizeVariant(v) : {};
    const { overheadMs, overheadSpreadMs } = results.config;
    const warning =
      v.stats.wallMs && overheadMs !== undefined
        ? resolutionWarning({ medianMs: v.stats.wallMs.median, overheadMs, overheadSpreadMs: overheadSpreadMs ?? 0 })
        : undefined;
    // The runner's own warnings (an interruption after measured builds, what a set-up stood in for) stay; the resolution and cache-state ones are recomputed.
    const cacheState = cacheStateWarning(v);
    const kept = [...(v.warnings ?? []).filter((w) => isInterruptionWarning(w) || isSetUpWarning(w)), ...(warning ? [warning] : []), ...(cacheState ? [cacheState] : [])];
    if (kept.length > 0) v.warnings = kept;
    else delete v.warnings;
    recordToolVersions(v);
  }
  const measured = results.variants.filter((v) => v.status === 'ok' && v.samples.length > 0);
  const settings = { noisePct: stats.noisePct, alpha: stats.alpha };
  const refs = results.config.refs ?? [];
  const drift = estimateGroupDrift(measured);
  // Launch rounds that stopped once decided spent part of α on their interim looks (startup-rounds.ts).
  const startupAlpha = results.config.startupAlpha;
  const metricAlpha = startupAlpha === undefined ? undefined : { startupFirstMs: startupAlpha, startupWarmMs: startupAlpha };
  const withBaselines = compareWithBaselines(measured, { ...settings, drift, metricAlpha });
  results.comparisons = markUnlikeWork([...withBaselines, ...(refs.length > 1 ? compareAcrossRefs(measured, { ...settings, refs }) : [])], measured);
  const winners = compareWinners({ ...settings, drift, variants: measured, comparisons: withBaselines });
  if (drift.length > 0) results.drift = drift;
  else delete results.drift;
  if (winners.length > 0) results.winnerComparisons = winners;
  else delete results.winnerComparisons;
  if (stats.interimP !== undefined && stats.alpha !== undefined) results.config.finalAlpha = stats.alpha;
  return results;
}

/** The variant's tool versions from what its builds said (the first build that names a tool wins). */
function recordToolVersions(v: ResultsFile['variants'][number]): void {
  const versions: Record<string, string> = {};
  for (const sample of [...v.warmups, ...v.samples, ...(v.failures ?? [])]) {
    for (const [tool, version] of Object.entries(sample.toolVersions ?? {})) versions[tool] ??= version;
  }
  if (Object.keys(versions).length > 0) v.toolVersions = versions;
}

/**
 * With `--runs auto`: stop adding rounds once every comparison is decided (or --max-runs). It judges the
 * comparisons `finalizeResults` stored after the last sample, so the stop check and the saved verdict are
 * one computation.
 */
export function shouldStop(opts: {
  results: ResultsFile;
  round: number;
  adaptive: AdaptiveOptions;
  stats?: StatsSettings;
}): { stop: boolean; reason: string } {
  const { results, round, adaptive } = opts;
  const completed = round - 1;
  if (completed < adaptive.minRuns) return { stop: false, reason: '' };
  finalizeResults(results, opts.stats); // idempotent: the comparisons the file will hold
  const measured = results.variants.filter((v) => v.status === 'ok' && v.samples.length > 0);
  return decideStop({
    variants: measured,
    comparisons: results.comparisons,
    minRuns: adaptive.minRuns,
    maxRuns: adaptive.maxRuns,
    targetCiPct: adaptive.targetCiPct,
    alpha: opts.stats?.alpha ?? 0.05,
    interimP: opts.stats?.interimP ?? 0,
  });
}
