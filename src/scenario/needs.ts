// Artifacts that flow between variants (`needs`): the checks that span scenario files (a producer that
// exists, has an artifact and the cache state named; no cycle), and the producers a selection must add so
// that every chosen consumer has its inputs built in the same run.
import type { Problem } from '../common/problem.ts';
import type { CacheState } from './schema.ts';
import type { Need, Scenario, ScenarioVariant } from './scenario.ts';
import { variantName } from '../results/variant-id.ts';

/** `scenario/variant@cache` split into its parts. */
export function parseVariantRef(ref: string): { scenario: string; variant: string; cache: CacheState } {
  const [head = '', cache = ''] = ref.split('@');
  const [scenario = '', variant = ''] = head.split('/');
  return { scenario, variant, cache: cache as CacheState };
}

/** Scenario names the chosen scenarios' needs refer to (transitively unknown ones are found by the caller). */
export function neededScenarioNames(scenarios: readonly Scenario[]): string[] {
  return [...new Set(scenarios.flatMap((s) => s.variants.flatMap((v) => (v.needs ?? []).map((n) => parseVariantRef(n.producer).scenario))))];
}

/**
 * Every reference of every `needs` must name a variant, in one of its cache states, that has an artifact;
 * and no variant may need itself, directly or through others. Problems point at the `needs` entry.
 */
export function checkNeeds(scenarios: readonly Scenario[]): Problem[] {
  const problems: Problem[] = [];
  const byName = new Map(scenarios.map((s) => [s.name, s]));
  for (const scenario of scenarios) {
    for (const variant of scenario.variants) {
      for (const need of variant.needs ?? []) {
        const message = describeUnresolved(need, byName);
        if (message) problems.push({ ...need.at, message });
      }
    }
  }
  return [...problems, ...findCycles(scenarios, byName)];
}

function describeUnresolved(need: Need, byName: Map<string, Scenario>): string | undefined {
  const ref = parseVariantRef(need.producer);
  const scenario = byName.get(ref.scenario);
  if (!scenario) return `no scenario named "${ref.scenario}" (valid: ${[...byName.keys()].sort().join(', ')})`;
  const variant = scenario.variants.find((v) => v.name === ref.variant);
  if (!variant) return `scenario "${ref.scenario}" has no variant "${ref.variant}" (valid: ${scenario.variants.map((v) => v.name).join(', ')})`;
  if (!variant.cacheStates.includes(ref.cache)) return `${variantName(ref)} is not measured @${ref.cache} (valid: ${variant.cacheStates.join(', ')})`;
  if (!variant.artifact) return `${variantName(ref)} declares no artifact to pass on`;
  return undefined;
}

/** Cycles over `scenario/variant` nodes, each reported once at the need that closes it. */
function findCycles(scenarios: readonly Scenario[], byName: Map<string, Scenario>): Problem[] {
  const key = (v: { scenario: string; name: string }) => variantName({ scenario: v.scenario, variant: v.name });
  const variantOf = (ref: string): ScenarioVariant | undefined => {
    const { scenario, variant } = parseVariantRef(ref);
    return byName.get(scenario)?.variants.find((v) => v.name === variant);
  };
  const state = new Map<string, 'open' | 'done'>();
  const problems: Problem[] = [];
  const visit = (variant: ScenarioVariant, path: string[]): void => {
    state.set(key(variant), 'open');
    for (const need of variant.needs ?? []) {
      const producer = variantOf(need.producer);
      if (!producer) continue;
      const seen = state.get(key(producer));
      if (seen === 'open') {
        const loop = [...path.slice(path.indexOf(key(producer))), key(variant), key(producer)];
        problems.push({ ...need.at, message: `circular needs: ${loop.join(' → ')}` });
      } else if (seen === undefined) visit(producer, [...path, key(variant)]);
    }
    state.set(key(variant), 'done');
  };
  for (const s of scenarios) for (const v of s.variants) if (!state.has(key(v))) visit(v, []);
  return problems;
}

/**
 * The chosen scenarios plus every producer their variants need (transitively), each producer variant with
 * at least the cache state needed. `known` holds the whole scenarios the producers are taken from.
 */
export function includeProducers(chosen: readonly Scenario[], known: readonly Scenario[]): Scenario[] {
  const out = new Map(chosen.map((s) => [s.name, { ...s, variants: [...s.variants] }]));
  const pending = chosen.flatMap((s) => s.variants.flatMap((v) => v.needs ?? []));
  while (pending.length > 0) {
    const ref = parseVariantRef(pending.pop()!.producer);
    const whole = known.find((s) => s.name === ref.scenario);
    const full = whole?.variants.find((v) => v.name === ref.variant);
    if (!whole || !full) continue; // reported by checkNeeds
    const scenario = out.get(ref.scenario) ?? { ...whole, variants: [] };
    out.set(ref.scenario, scenario);
    const index = scenario.variants.findIndex((v) => v.name === ref.variant);
    const current = index >= 0 ? scenario.variants[index]! : undefined;
    if (current?.cacheStates.includes(ref.cache)) continue;
    const cacheStates = full.cacheStates.filter((c) => c === ref.cache || current?.cacheStates.includes(c));
    const next = { ...full, cacheStates };
    if (current) scenario.variants[index] = next;
    else {
      scenario.variants.push(next);
      pending.push(...(full.needs ?? []));
    }
  }
  return [...out.values()];
}
