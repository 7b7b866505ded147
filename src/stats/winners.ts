// Which one among the winners: when several variants of a group are decided better than the baseline on a
// metric, each pair of them is compared too, so the report can say which to pick or that they are equal.
// The pairs share one question, so their tests are corrected together: Holm's step-down (Holm, Scand. J.
// Statist. 6, 1979, 65–70) for faster/slower, Bonferroni's α/m for the equivalence interval of "no difference".
import { isExact } from '../results/comparison-schema.ts';
import type { Comparison, Drift, SampledComparison, VariantResult } from '../results/schema.ts';
import { compareVariants, type BaselineOptions } from './baselines.ts';
import { DEFAULT_ALPHA } from './verdict.ts';

/** Holm-adjusted p-values, in the order given: p_(i) · (m − i + 1), made non-decreasing in the sorted order and capped at 1. */
export function holmAdjust(ps: readonly number[]): number[] {
  const m = ps.length;
  const order = ps.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(m);
  let running = 0;
  order.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, p * (m - rank)));
    out[i] = running;
  });
  return out;
}

/**
 * Decides the sampled pairs together: faster/slower stands when its Holm-adjusted p ≤ α (the interval shown
 * is still the 1 − α one); "no difference" needs the 1 − 2α/m interval inside ±noise; else inconclusive.
 * `bonferroni` holds the same pairs compared at α/m.
 */
function decideTogether(raw: SampledComparison[], bonferroni: SampledComparison[], alpha: number): SampledComparison[] {
  const holm = holmAdjust(raw.map((c) => c.pValue));
  return raw.map((c, i) => {
    if ((c.verdict === 'faster' || c.verdict === 'slower') && holm[i]! <= alpha) return { ...c, holmP: holm[i]! };
    const eq = bonferroni[i]!;
    if (eq.verdict === 'no difference') return { ...eq, holmP: holm[i]! };
    const undecided: SampledComparison = { ...c, verdict: 'inconclusive', holmP: holm[i]! };
    return undecided;
  });
}

/**
 * For each group and metric with two or more variants decided `faster` (better) than the baseline in
 * `comparisons`: every pair of them, the one with the lower ratio to the baseline as `variant` and the other
 * as `baseline`, sampled metrics decided by decideTogether, exact ones by their exact ratio. Paired or
 * independent by the same drift rule as the comparisons with the baseline.
 */
export function compareWinners(opts: BaselineOptions & { variants: readonly VariantResult[]; comparisons: readonly Comparison[]; drift?: readonly Drift[] }): Comparison[] {
  const alpha = opts.alpha ?? DEFAULT_ALPHA;
  const byId = new Map(opts.variants.map((v) => [v.id, v]));
  const sets = new Map<string, Comparison[]>();
  for (const c of opts.comparisons) {
    if (c.verdict !== 'faster' || !byId.has(c.variant)) continue;
    const key = JSON.stringify([c.baseline, c.metric]);
    sets.set(key, [...(sets.get(key) ?? []), c]);
  }
  const out: Comparison[] = [];
  for (const winners of sets.values()) {
    if (winners.length < 2) continue;
    const ranked = [...winners].sort((a, b) => a.ratio - b.ratio);
    const pairs = ranked.flatMap((a, i) => ranked.slice(i + 1).map((b) => [byId.get(a.variant)!, byId.get(b.variant)!] as const));
    const metric = winners[0]!.metric;
    const compare = (alphaNow: number) =>
      pairs.map(([variant, baseline]) => compareVariants({ ...opts, alpha: alphaNow, baseline, variant, metric })).filter((c): c is Comparison => c !== null);
    const raw = compare(alpha);
    if (raw.every(isExact)) {
      out.push(...raw);
      continue;
    }
    const sampled = raw.filter((c): c is SampledComparison => !isExact(c));
    const bonferroni = compare(alpha / pairs.length).filter((c): c is SampledComparison => !isExact(c));
    out.push(...decideTogether(sampled, bonferroni, alpha));
  }
  return out;
}
