// Like with like: in a cache state whose work depends on the tool (warm, noop: results/cache-states.ts `likeWithLike`
// false), one variant's build can be a no-op in effect while another's is a real rebuild — PyInstaller's warm
// build of an unchanged project reuses its whole Analysis and only rebuilds the EXE (0.7–1 s against 53–63 s
// cold), PEX rebuilds for real (4.3 s against 7.7 s cold). Their ratio ("14.5× slower") compares different
// work, not two builds of the same thing. The rule, fixed in advance and tool-independent: a build's work is
// its median in the state over the median of the same variant's cold builds in the same run. Under 1/4 it
// reused most of its work; from 1/2 it redid most of it; a comparison of one with the other is marked
// `unlike`, with both fractions. Between 1/4 and 1/2, or without a cold twin to measure against, nothing is
// claimed. (1/4 and 1/2 leave a gap so a build near one threshold is not called either way by noise.)
import { CACHE_STATE_RULES, isCacheState } from '../results/cache-states.ts';
import type { Comparison } from '../results/comparison-schema.ts';
import type { VariantResult } from '../results/schema.ts';

/** A build under this fraction of its cold twin reused most of its work. */
export const REUSED_BELOW = 0.25;
/** A build at or above this fraction of its cold twin redid most of its work. */
export const REDID_FROM = 0.5;

/** Build metrics whose values follow the work a build does (start-up and sizes do not). */
const WORK_METRICS = new Set(['wallMs', 'cpuMs', 'pipelineMs']);

/**
 * Sets `unlike` on each sampled comparison of a build metric between a variant that reused its build and one
 * that redid it (see above); `variants` are the run's variants, their `stats` already summarised. Mutates and
 * returns `comparisons`. Pure but for that; never throws.
 */
export function markUnlikeWork(comparisons: Comparison[], variants: readonly VariantResult[]): Comparison[] {
  const byId = new Map(variants.map((v) => [v.id, v]));
  for (const c of comparisons) {
    if (c.method === 'exact' || !WORK_METRICS.has(c.metric)) continue;
    const [base, other] = [byId.get(c.baseline), byId.get(c.variant)];
    if (!base || !other || !isCacheState(other.cache) || CACHE_STATE_RULES[other.cache].likeWithLike) continue;
    const [a, b] = [workOf(base, variants), workOf(other, variants)];
    if (a === undefined || b === undefined) continue;
    const reused = (x: number) => x < REUSED_BELOW;
    const redid = (x: number) => x >= REDID_FROM;
    if ((reused(a) && redid(b)) || (redid(a) && reused(b))) {
      const say = (v: VariantResult, x: number) => `${v.variant} ${reused(x) ? 'reused its build' : 'rebuilt'} (${pct(x)} of its cold build)`;
      c.unlike = `not like with like in ${other.cache}: ${say(other, b)}, ${say(base, a)}`;
    } else delete c.unlike;
  }
  return comparisons;
}

/** Median build time in its state over the median of the same variant's cold builds (same scenario and ref). */
function workOf(v: VariantResult, all: readonly VariantResult[]): number | undefined {
  const cold = all.find((x) => x.scenario === v.scenario && x.variant === v.variant && x.ref === v.ref && x.cache === 'cold');
  const [here, there] = [v.stats.wallMs?.median, cold?.stats.wallMs?.median];
  return here !== undefined && there !== undefined && there > 0 ? here / there : undefined;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
