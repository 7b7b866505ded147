// Artifacts flowing between variants, in the plan: every planned consumer gets its producers planned too
// (whatever --only, --cache or --quick left out), each need resolved to the producer's artifact path, and
// the variants split into stages (producers before consumers). Within a stage the builds interleave as
// everywhere else; a stage starts once the one before it has finished, so a consumer never reads an artifact
// that a producer's next sample is about to clean away.
import path from 'node:path';
import { parseVariantRef } from '../scenario/needs.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { CacheState } from '../scenario/schema.ts';
import { orderRounds } from './order.ts';
import { variantId } from '../results/variant-id.ts';

/** One `needs` entry of a planned variant. */
export interface PlannedNeed {
  name: string;
  /** Variant id of the producer (with the consumer's git ref, if any). */
  producer: string;
  /** Absolute path of the producer's artifact in its workdir. */
  artifact: string;
}

/** Builds of one stage: its warm-up rounds, then its measured rounds (variant ids, shuffled per round). */
export interface PlanStage {
  warmupRounds: string[][];
  rounds: string[][];
}

/** What stages.ts needs of a planned variant (plan.ts's PlannedVariant has these and more). */
interface Plannable {
  id: string;
  workdir: string;
  scenario: Scenario;
  variant: Scenario['variants'][number];
  ref?: string;
  runs: number;
  warmup: number;
  needs: PlannedNeed[];
  stage: number;
}

/**
 * Adds the producers `variants` need (transitively), planned by `plan`, and resolves every need to its
 * producer's id and artifact path. A producer missing from `scenarios` is left unresolved (no artifact
 * path): the scenario loader reports such references before a plan is made.
 */
export function addProducers<T extends Plannable>(opts: {
  variants: T[];
  scenarios: readonly Scenario[];
  plan: (p: { scenario: Scenario; variant: Scenario['variants'][number]; cache: CacheState; ref?: string }) => T;
}): T[] {
  const all = [...opts.variants];
  const byId = new Map(all.map((v) => [v.id, v]));
  for (let i = 0; i < all.length; i++) {
    const consumer = all[i]!;
    consumer.needs = (consumer.variant.needs ?? []).map((need) => {
      const ref = parseVariantRef(need.producer);
      const id = variantId({ ...ref, ref: consumer.ref });
      let producer = byId.get(id);
      const scenario = opts.scenarios.find((s) => s.name === ref.scenario);
      const variant = scenario?.variants.find((v) => v.name === ref.variant);
      if (!producer && scenario && variant) {
        producer = opts.plan({ scenario, variant, cache: ref.cache, ref: consumer.ref });
        byId.set(id, producer);
        all.push(producer);
      }
      const artifact = producer?.variant.artifact ? path.join(producer.workdir, producer.variant.artifact) : '';
      return { name: need.name, producer: id, artifact };
    });
  }
  assignStages(all, byId);
  return all;
}

/** Stage 0 needs nothing; a consumer's stage is one past its latest producer's (needs are acyclic). */
function assignStages(variants: Plannable[], byId: Map<string, Plannable>): void {
  const stageOf = (v: Plannable, depth = 0): number => {
    if (depth > variants.length) return depth; // a cycle the loader missed: stop rather than recurse forever
    const producers = v.needs.map((n) => byId.get(n.producer)).filter((p): p is Plannable => p !== undefined);
    return producers.length === 0 ? 0 : 1 + Math.max(...producers.map((p) => stageOf(p, depth + 1)));
  };
  for (const v of variants) v.stage = stageOf(v);
}

/** Each stage's warm-up and measured rounds, from one seed (stage s shuffles with seed + 2s, + 2s + 1). */
export function orderStages(variants: readonly Plannable[], seed: number): PlanStage[] {
  const count = Math.max(-1, ...variants.map((v) => v.stage)) + 1;
  return Array.from({ length: count }, (_, s) => {
    const inStage = variants.filter((v) => v.stage === s);
    const rounds = (key: 'warmup' | 'runs', offset: number) =>
      orderRounds({ ids: inStage.map((v) => ({ id: v.id, count: v[key] })), rounds: Math.max(0, ...inStage.map((v) => v[key])), seed: seed + 2 * s + offset });
    return { warmupRounds: rounds('warmup', 0), rounds: rounds('runs', 1) };
  });
}
