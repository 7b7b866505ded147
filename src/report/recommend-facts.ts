// The measured facts a recommendation may state, read from the report model and nothing else: medians the
// statistics stage summarised, the artifact's bytes and files, start-up times, and the comparisons with
// their verdicts. Every sentence of recommend.ts is built from these.
import { EXACT_SAME_PCT } from '../results/comparison-schema.ts';
import { formatComparison } from '../stats/index.ts';
import { shownValue } from './metrics.ts';
import type { ComparisonModel, VariantModel } from './model.ts';

/** Median build time in ms, or undefined without a summary. */
export const wallOf = (v: VariantModel): number | undefined => v.stats.wallMs?.median;
/** Artifact bytes, or undefined without an artifact. */
export const bytesOf = (v: VariantModel): number | undefined => shownValue(v, 'bytes');
/** Files in the artifact, or undefined without an artifact. */
export const filesOf = (v: VariantModel): number | undefined => shownValue(v, 'files');
/** First-launch start-up in ms: the median of the launches, or the one value an older file recorded. */
export const startOf = (v: VariantModel): number | undefined => shownValue(v, 'startupFirstMs');
/** How many launches the first-launch figure rests on (1 when only StartupInfo recorded it). */
export const startRunsOf = (v: VariantModel): number => v.stats.startupFirstMs?.n ?? (v.startup?.firstMs == null ? 0 : 1);

/** The variant with the lowest finite value (the first on a tie), or undefined. */
export function lowest(variants: readonly VariantModel[], value: (v: VariantModel) => number | undefined): VariantModel | undefined {
  let best: VariantModel | undefined;
  for (const v of variants) {
    const x = value(v);
    if (x !== undefined && Number.isFinite(x) && (best === undefined || x < value(best)!)) best = v;
  }
  return best;
}

/** The comparison of `v` (by report key) with its baseline on `metric`, if one was recorded. */
export function findComparison(comparisons: readonly ComparisonModel[], v: VariantModel, metric: string): ComparisonModel | undefined {
  return comparisons.find((c) => c.variant === v.key && c.metric === metric);
}

/** "1.60× faster [1.50–1.70]" without the p-value, for a decided comparison; null otherwise. */
export function decidedRatio(c: ComparisonModel | undefined): string | null {
  // A comparison of different work (stats/unlike-work.ts) is no decided ratio: it is said in full, with why.
  if (!c || (c.verdict !== 'faster' && c.verdict !== 'slower') || ('unlike' in c && c.unlike)) return null;
  return formatComparison(c, { metric: c.metric }).replace(/, p [<=] [\d.]+$/, '');
}

/** The full verdict in words, e.g. "inconclusive (1.03× [0.97–1.10], p = 0.21) — ~12 runs per variant would decide"; `runs` done so far, if known. */
export function verdictWords(c: ComparisonModel, runs?: number): string {
  return formatComparison(c, { metric: c.metric, runs });
}

/** "8% more bytes", "35% fewer bytes", or null when the sizes agree to within EXACT_SAME_PCT (the exact comparisons' rule). */
export function sizeDifference(variantBytes: number, baselineBytes: number): string | null {
  const pct = (variantBytes / baselineBytes - 1) * 100;
  if (!Number.isFinite(pct) || Math.abs(pct) < EXACT_SAME_PCT) return null;
  const shown = Math.abs(pct) < 10 ? Math.abs(pct).toFixed(1).replace(/\.0$/, '') : Math.abs(pct).toFixed(0);
  return `${shown}% ${pct > 0 ? 'more' : 'fewer'} bytes`;
}

/** Samples whose cache-state check did not come back 'ok', summarised per distinct message: "1 of 3 samples: …". */
export function cacheProblems(v: VariantModel): string[] {
  const counts = new Map<string, number>();
  for (const s of v.samples) if (s.cacheCheck) counts.set(s.cacheCheck, (counts.get(s.cacheCheck) ?? 0) + 1);
  return [...counts].map(([message, n]) => `${n} of ${v.samples.length} samples: ${message}`);
}
