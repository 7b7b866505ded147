// The builds of one variant measured in two runs, taken together: a confirmation's second run, or a bisect
// step's further looks, judged on every build made so far.
import type { VariantResult } from './schema.ts';

/**
 * `later` with each variant's samples placed after the samples of the variant of the same id in `earlier`
 * (rounds renumbered to follow them); a variant that failed on either side, or is only in `later`, is kept
 * as `later` has it. Pure; never throws.
 */
export function poolVariants(earlier: readonly VariantResult[], later: readonly VariantResult[]): VariantResult[] {
  const before = new Map(earlier.map((v) => [v.id, v]));
  return later.map((v): VariantResult => {
    const first = before.get(v.id);
    if (!first || first.status !== 'ok' || v.status !== 'ok') return v;
    const offset = Math.max(0, ...first.samples.map((s) => s.round));
    return { ...v, samples: [...first.samples, ...v.samples.map((s) => ({ ...s, round: s.round + offset }))] };
  });
}
