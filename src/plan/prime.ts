// A warm, incremental or noop state starts from a full build of its workdir (results/cache-states.ts
// `firstBuildIsFull`), which the plan used to run as a warm-up: the same build the variant's cold twin makes
// anyway. Where the two share the build definition, the cold twin's first build runs in the warm twin's
// workdir instead (with the warm twin's cache dir, at that workdir's own path, so no absolute path a tool
// wrote into its caches moves) and leaves it primed; the warm twin plans no warm-up of its own. The cold build
// is measured as every cold build is: its state removes outputs and caches first, so the folder it runs in
// holds what the cold twin's own would (the same project copy and set-up). The rule, as data the tests read:
//   - twins: the same scenario, variant and git ref; one measured `cold`, the other in a state whose first
//     build is full; their build definitions equal but for the cache state (plan/fingerprint.ts);
//   - neither has a service (a service belongs to its variant's cache dir: the cold twin's build would fill
//     the cold twin's service, not the warm twin's workdir);
//   - the warm twin's one warm-up is that full build (nothing asked on top, which would have to come after it);
//   - the priming build is the cold twin's first warm-up, or without one its first measured build, then only
//     when it has a later one (its launches and probes read the last build's artifact in its own workdir);
//   - one warm twin per cold variant, the first in CACHE_STATES' order.
// The round of a measured priming build is reordered so the cold twin comes before its warm twin.
import { CACHE_STATE_RULES, CACHE_STATES, type CacheState } from '../results/cache-states.ts';
import type { Scenario, ScenarioVariant } from '../scenario/scenario.ts';
import { variantFingerprint } from './fingerprint.ts';
import type { PlanStage } from './stages.ts';

/** Which build primes which workdir: `round` is −1 (the cold twin's first warm-up) or 1 (its first measured build). */
export interface Priming {
  /** Variant id of the cold twin whose build primes. */
  cold: string;
  /** Variant id of the warm twin whose workdir it primes. */
  warm: string;
  round: number;
}

/** What the rule reads of a planned variant (plan.ts's PlannedVariant has these and more). */
interface Primable {
  id: string;
  scenario: Scenario;
  variant: ScenarioVariant;
  cache: CacheState;
  ref?: string;
  source?: string;
  stage: number;
  runs: number;
  warmup: number;
}

/** Why a warm twin is not primed from its cold twin, or undefined when it is (the rule above, in order). */
export function whyNotPrimed(cold: Primable, warm: Primable): string | undefined {
  if (cold.cache !== 'cold' || !CACHE_STATE_RULES[warm.cache].firstBuildIsFull) return 'not a cold state and a state that starts from a full build';
  if (cold.scenario.name !== warm.scenario.name || cold.variant.name !== warm.variant.name || cold.ref !== warm.ref || cold.source !== warm.source) {
    return 'not the same variant at the same ref';
  }
  if (variantFingerprint({ ...cold, cache: warm.cache }) !== variantFingerprint(warm) || cold.stage !== warm.stage) return 'their build definitions differ';
  if (cold.variant.service || warm.variant.service) return 'a service belongs to its own variant';
  if (warm.warmup !== 1) return 'warm-ups were asked on top of the full build';
  if (cold.warmup === 0 && cold.runs < 2) return 'the cold twin has one build, which must stay in its own workdir';
  return undefined;
}

/**
 * The primings of `variants` by the rule above; each warm twin primed loses its warm-up (mutates `warmup`).
 * Plans without a cold twin of a state that starts full get none. Never throws.
 */
export function planPrimings<T extends Primable>(variants: T[]): Priming[] {
  const primings: Priming[] = [];
  const warmest = (v: T) => CACHE_STATES.indexOf(v.cache);
  const candidates = variants.filter((v) => v.cache !== 'cold').sort((a, b) => warmest(a) - warmest(b));
  for (const cold of variants.filter((v) => v.cache === 'cold')) {
    const warm = candidates.find((w) => !primings.some((p) => p.warm === w.id) && whyNotPrimed(cold, w) === undefined);
    if (!warm) continue;
    primings.push({ cold: cold.id, warm: warm.id, round: cold.warmup > 0 ? -1 : 1 });
    warm.warmup = 0;
  }
  return primings;
}

/**
 * The stages with every measured priming build put before its warm twin's build in round 1 (the two swap
 * places; the other builds keep theirs). A warm-up priming build needs no move: the warm twin has no warm-up
 * left and measured rounds follow every warm-up. Returns new round lists; never throws.
 */
export function primeFirst(stages: PlanStage[], primings: readonly Priming[]): PlanStage[] {
  return stages.map((stage) => {
    const first = stage.rounds[0];
    if (!first) return stage;
    const round = [...first];
    for (const { cold, warm, round: at } of primings) {
      const c = round.indexOf(cold);
      const w = round.indexOf(warm);
      if (at === 1 && c > w && w >= 0) [round[c], round[w]] = [warm, cold];
    }
    return { ...stage, rounds: [round, ...stage.rounds.slice(1)] };
  });
}
