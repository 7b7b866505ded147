// Two runs, variant by variant (matched by id): `compare BASELINE CURRENT` and `run --baseline`.
import { doesNotStart } from '../results/variant-status.ts';
import { describeBusyBuilds, describeMostlyBusy } from '../results/busy-builds.ts';
import type { Comparison, ResultsFile, VariantResult } from '../results/schema.ts';
import { findMetric } from '../results/metrics.ts';
import { compareVariants, metricsToCompare } from '../stats/baselines.ts';
import { DEFAULT_NOISE_PCT } from '../stats/verdict.ts';
import { diffArtifacts, diffEnvironments } from './environment.ts';

export interface RunComparisonOptions {
  /** A regression is `slower` by more than this %; defaults to the noise band. */
  thresholdPct?: number;
  noisePct?: number;
  alpha?: number;
  seed?: number;
}

export interface RunComparison {
  comparisons: Comparison[];
  /** Comparisons of a metric a user decides on (build time, start-up) with verdict `slower` and a ratio beyond 1 + threshold. */
  regressions: Comparison[];
  warnings: string[];
}

/**
 * `slower` by more than `thresholdPct` percent on a metric a user decides on (the registry's `decides`: build
 * time and start-up): what fails CI with --fail-on-regression. CPU, RSS and sizes are compared and shown,
 * but a larger artifact never fails a build.
 */
export function isRegression(c: Comparison, thresholdPct: number): boolean {
  return findMetric(c.metric)?.decides !== false && c.verdict === 'slower' && c.ratio > 1 + thresholdPct / 100;
}

const described = (v: VariantResult) => `${v.status}${v.reason ? `: ${v.reason}` : ''}`;

/**
 * Each current variant against the baseline variant of the same id, for each metric to compare: comparisons
 * (ratios current / baseline with their interval and p-value, from stats/), the regressions past the threshold,
 * and warnings (a variant missing on one side, …) in words. Never throws. Shared by compareRuns and
 * compareWithHistory, whose baseline variants are pooled from several runs.
 */
export function compareMatched(opts: RunComparisonOptions & { baseline: VariantResult[]; current: VariantResult[]; baselineLabel: string }): RunComparison {
  const warnings: string[] = [];
  const comparisons: Comparison[] = [];
  const byId = new Map(opts.baseline.map((v) => [v.id, v]));
  const currentIds = new Set(opts.current.map((v) => v.id));
  for (const v of opts.baseline) {
    if (!currentIds.has(v.id)) warnings.push(`${v.id} is in ${opts.baselineLabel} but not in the current run`);
  }
  for (const variant of opts.current) {
    const baseline = byId.get(variant.id);
    if (!baseline) {
      warnings.push(`${variant.id} is not in ${opts.baselineLabel}: nothing to compare it with`);
      continue;
    }
    if (baseline.status !== 'ok' || variant.status !== 'ok') {
      const side = variant.status !== 'ok' ? `in the current run (${described(variant)})` : `in ${opts.baselineLabel} (${described(baseline)})`;
      warnings.push(`${variant.id} was not measured ${side}: not compared`);
      continue;
    }
    for (const [v, where] of [[variant, 'in the current run'], [baseline, `in ${opts.baselineLabel}`]] as const) {
      if (doesNotStart(v)) warnings.push(`${variant.id} built but does not start ${where} (${v.reason ?? 'no reason recorded'}): its build figures are compared, its start-up is not`);
    }
    for (const metric of metricsToCompare()) {
      const c = compareVariants({ ...opts, baseline, variant, metric });
      if (c) comparisons.push(c);
    }
  }
  const threshold = opts.thresholdPct ?? opts.noisePct ?? DEFAULT_NOISE_PCT;
  return { comparisons, regressions: comparisons.filter((c) => isRegression(c, threshold)), warnings };
}

/**
 * Two results files compared variant by variant (compareMatched), with the differences between their
 * environments (diffEnvironments) and their artifacts' digests (diffArtifacts) first among the warnings. Never throws.
 */
export function compareRuns(opts: RunComparisonOptions & { baseline: ResultsFile; current: ResultsFile }): RunComparison {
  const { baseline, current, ...rest } = opts;
  const result = compareMatched({ ...rest, baseline: baseline.variants, current: current.variants, baselineLabel: `the baseline run (${baseline.runId})` });
  // A verdict between two runs is only as good as the builds each measured: say when the machine was busy.
  const busy = [
    ['the baseline run', describeBusyBuilds(baseline)],
    ['this run', describeBusyBuilds(current)],
  ].flatMap(([who, text]) => (text ? [`${who}: ${text}`] : []));
  const built = [...diffEnvironments(baseline.environment, current.environment), ...diffArtifacts(baseline, current)];
  return { ...result, warnings: [...built, ...busy, ...result.warnings] };
}

/**
 * The regressed variants, once each, for the "regression:" line: "app/x@warm" or, when most builds the verdict
 * stands on were kept while the machine was busy, "app/x@warm (18 of 20 builds kept while the machine was busy:
 * measure again on a quiet machine)". `baseline` is the baseline run (absent when both sides are in `current`,
 * as with --ref).
 */
export function nameRegressions(regressions: readonly Comparison[], runs: { current: Pick<ResultsFile, 'variants'>; baseline?: Pick<ResultsFile, 'variants'> }): string {
  const names = new Map<string, string>();
  for (const c of regressions) {
    if (names.has(c.variant)) continue;
    const busy = describeMostlyBusy([runs.current.variants.find((v) => v.id === c.variant), (runs.baseline ?? runs.current).variants.find((v) => v.id === c.baseline)]);
    names.set(c.variant, busy ? `${c.variant} (${busy}: measure again on a quiet machine)` : c.variant);
  }
  return [...names.values()].join(', ');
}
