// Which planned variants cannot run at all, known before anything runs: a variant its scenario declares
// unavailable (`unavailable:`), one missing a tool it requires, and a consumer whose producer is one of those.
// They run nothing, so every count leaves them out — the plan's variants and rounds, the estimate, the progress
// counter and the ETA — and each is said once, with its reason, and recorded so in the results.
import type { ToolInfo } from '../results/schema.ts';
import type { Plan, PlannedVariant } from './plan.ts';

/** A required tool as found where the variant calls it (`path` null when missing, `hint` how to get it). */
export type FoundTool = ToolInfo & { hint?: string };

/** Why a planned variant cannot run, and whether it is unavailable itself or skipped for a producer's sake. */
export interface Unavailable {
  status: 'unavailable' | 'skipped';
  reason: string;
}

/** Why `planned` cannot be built, given its required tools as found: its declared reason, or the tools missing. */
export function unavailableReason(planned: PlannedVariant, tools: readonly FoundTool[]): string | undefined {
  const missing = tools.filter((t) => !t.path);
  if (planned.variant.unavailable) return planned.variant.unavailable;
  return missing.length > 0 ? missing.map((t) => `${t.name} not found${t.hint ? ` (${t.hint})` : ''}`).join('; ') : undefined;
}

/**
 * Every variant of `variants` that cannot run, by id: the unavailable ones (`reasonOf` says why, or undefined),
 * then, transitively, the consumers of those, skipped with the producer's reason (as the runner words an unmet
 * need). Pure.
 */
export function cannotRun(variants: readonly PlannedVariant[], reasonOf: (planned: PlannedVariant) => string | undefined): Map<string, Unavailable> {
  const out = new Map<string, Unavailable>();
  for (const v of variants) {
    const reason = reasonOf(v);
    if (reason) out.set(v.id, { status: 'unavailable', reason });
  }
  for (let grew = true; grew; ) {
    grew = false;
    for (const v of variants) {
      if (out.has(v.id)) continue;
      const need = v.needs.find((n) => out.has(n.producer));
      if (!need) continue;
      const producer = out.get(need.producer)!;
      out.set(v.id, { status: 'skipped', reason: `needs.${need.name} (${need.producer}) ${producer.status === 'unavailable' ? 'is unavailable' : 'was skipped'}: ${producer.reason}` });
      grew = true;
    }
  }
  return out;
}

/**
 * `plan` as it will run: its variants, rounds and stages without the ids of `out` (cannotRun's), which build
 * nothing. For what the plan says and counts; the runner is given the whole plan and records those variants.
 */
export function runnablePlan(plan: Plan, out: ReadonlyMap<string, Unavailable>): Plan {
  if (out.size === 0) return plan;
  const keep = (ids: string[]) => ids.filter((id) => !out.has(id));
  const rounds = (list: string[][]) => list.map(keep).filter((r) => r.length > 0);
  return {
    ...plan,
    variants: plan.variants.filter((v) => !out.has(v.id)),
    warmupRounds: rounds(plan.warmupRounds),
    rounds: rounds(plan.rounds),
    stages: plan.stages.map((s) => ({ warmupRounds: rounds(s.warmupRounds), rounds: rounds(s.rounds) })),
  };
}

/**
 * cannotRun over `plan`'s variants with each variant's required tools checked by `checkTool` where the variant
 * calls them (the run's own check, so a run asks once). Rejects only as `checkTool` does.
 */
export async function findUnavailable(plan: Plan, checkTool: (name: string, planned: PlannedVariant) => Promise<FoundTool>): Promise<Map<string, Unavailable>> {
  const tools = new Map(await Promise.all(plan.variants.map(async (v) => [v.id, await Promise.all([...new Set(v.variant.requires)].map((n) => checkTool(n, v)))] as const)));
  return cannotRun(plan.variants, (v) => unavailableReason(v, tools.get(v.id) ?? []));
}
