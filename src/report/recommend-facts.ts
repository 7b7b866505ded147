// The measured facts a recommendation may state, read from the results file and nothing else: medians the
// statistics stage summarised, the artifact's bytes and files, start-up times, and the comparisons with
// their verdicts. Every sentence of recommend.ts is built from these.
import type { Comparison, VariantResult } from '../results/schema.ts';
import { formatComparison, formatFactor } from '../stats/index.ts';

export const wallOf = (v: VariantResult): number | undefined => v.stats.wallMs?.median;
export const bytesOf = (v: VariantResult): number | undefined => (v.artifact && v.artifact.kind !== 'missing' ? v.artifact.bytes : undefined);
export const filesOf = (v: VariantResult): number | undefined => (v.artifact && v.artifact.kind !== 'missing' ? v.artifact.files : undefined);
export const startOf = (v: VariantResult): number | undefined => v.stats.startupFirstMs?.median ?? v.startup?.firstMs ?? undefined;
/** How many launches the first-launch figure rests on (1 when only StartupInfo recorded it). */
export const startRunsOf = (v: VariantResult): number => v.stats.startupFirstMs?.n ?? (v.startup?.firstMs == null ? 0 : 1);

/** The variant with the lowest finite value, or undefined. */
export function lowest(variants: readonly VariantResult[], value: (v: VariantResult) => number | undefined): VariantResult | undefined {
  let best: VariantResult | undefined;
  for (const v of variants) {
    const x = value(v);
    if (x !== undefined && Number.isFinite(x) && (best === undefined || x < value(best)!)) best = v;
  }
  return best;
}

export function findComparison(comparisons: readonly Comparison[], v: VariantResult, metric: string): Comparison | undefined {
  return comparisons.find((c) => c.variant === v.id && c.metric === metric);
}

/** "1.60× faster [1.50–1.70]" without the p-value, for a decided comparison; null otherwise. */
export function decidedRatio(c: Comparison | undefined): string | null {
  if (!c || (c.verdict !== 'faster' && c.verdict !== 'slower')) return null;
  return formatComparison(c, { metric: c.metric }).replace(/, p [<=] [\d.]+$/, '');
}

/** The full verdict in words, e.g. "inconclusive (1.03× [0.97–1.10], p = 0.21) — ~12 runs per variant would decide". */
export function verdictWords(c: Comparison, runs?: number): string {
  return formatComparison(c, { metric: c.metric, runs });
}

/** "8% more bytes", "35% fewer bytes", or null when the sizes agree to within half a percent. */
export function sizeDifference(variantBytes: number, baselineBytes: number): string | null {
  const pct = (variantBytes / baselineBytes - 1) * 100;
  if (!Number.isFinite(pct) || Math.abs(pct) < 0.5) return null;
  const shown = Math.abs(pct) < 10 ? Math.abs(pct).toFixed(1).replace(/\.0$/, '') : Math.abs(pct).toFixed(0);
  return `${shown}% ${pct > 0 ? 'more' : 'fewer'} bytes`;
}

/** "2.5×" for a plain ratio of two single measurements. */
export function plainFactor(a: number, b: number): string {
  return `${formatFactor(Math.max(a, b) / Math.min(a, b))}×`;
}

/** Cache states in the order they first appear. */
export function cacheOrder(variants: readonly VariantResult[]): string[] {
  return [...new Set(variants.map((v) => v.cache))];
}

/** Samples whose cache-state check did not come back 'ok', summarised per distinct message. */
export function cacheProblems(v: VariantResult): string[] {
  const counts = new Map<string, number>();
  for (const s of v.samples) if (s.cacheCheck && s.cacheCheck !== 'ok') counts.set(s.cacheCheck, (counts.get(s.cacheCheck) ?? 0) + 1);
  return [...counts].map(([message, n]) => `${n} of ${v.samples.length} samples: ${message}`);
}
