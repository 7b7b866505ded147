// `run --dry-run --json`: the plan as data — every planned variant with its workdir, its commands in full
// (scenario/variant-view.ts), the producers it needs, its expected cost — the order of the rounds, what is
// left out and the estimate. The same facts the text plan (plan-text.ts) says in words.
import type { Estimate } from '../plan/estimate.ts';
import type { Plan } from '../plan/plan.ts';
import type { Unavailable } from '../plan/availability.ts';
import { viewVariant } from '../scenario/variant-view.ts';

/**
 * The JSON of a dry run (an object; the caller serialises it): `plan` as it will run, `unavailable` the variants
 * that build nothing (plan/availability.ts) with why. `notes` are the lines the text plan says first.
 */
export function planJson(opts: { plan: Plan; unavailable: ReadonlyMap<string, Unavailable>; estimate: Estimate; outDir: string; notes: string[] }) {
  const { plan, estimate } = opts;
  return {
    runId: plan.runId,
    seed: plan.seed,
    outDir: opts.outDir,
    workRoot: plan.workRoot,
    refs: plan.refs,
    notes: opts.notes,
    leftOut: plan.leftOut,
    /** In no count: they build nothing; the run records them with this status and reason. */
    unavailable: [...opts.unavailable].map(([id, u]) => ({ id, ...u })),
    variants: plan.variants.map((v) => ({
      id: v.id,
      scenario: v.scenario.name,
      file: v.scenario.file,
      project: v.scenario.project,
      cache: v.cache,
      runs: v.runs,
      warmup: v.warmup,
      stage: v.stage,
      workdir: v.workdir,
      cacheDir: v.cacheDir,
      ...(v.ref ? { ref: v.ref } : {}),
      plannedNeeds: v.needs,
      /** Median build ms of an earlier run with the same fingerprint, or null when never measured. */
      buildMs: estimate.perVariant.get(v.id) ?? null,
      /** Its set-up, warm-ups and runs, in ms, or null when never measured. */
      costMs: estimate.costMs.get(v.id) ?? null,
      ...viewVariant(v.variant),
    })),
    warmupRounds: plan.warmupRounds,
    rounds: plan.rounds,
    primings: plan.primings,
    estimate: {
      knownMs: estimate.knownMs,
      setupMs: estimate.setupMs,
      unknown: estimate.unknown,
      fromHere: estimate.fromHere,
      fromReference: estimate.fromReference,
    },
  };
}
