// From resolved scenarios to a Plan: the matrix of variants × cache states with stable ids, one workdir and
// one cache dir each, and the order of every build (warm-ups, then shuffled rounds).
import path from 'node:path';
import { CACHE_STATE_RULES, CACHE_STATES, type CacheState } from '../results/cache-states.ts';
import type { Scenario, ScenarioVariant } from '../scenario/scenario.ts';
import { workdirIn } from './workdir.ts';
import { addProducers, orderStages, type PlanStage, type PlannedNeed } from './stages.ts';
import { variantId } from '../results/variant-id.ts';

/** One variant in one cache state: the unit that is measured. Id: `scenario/variant@cache`. */
export interface PlannedVariant {
  id: string;
  scenario: Scenario;
  variant: ScenarioVariant;
  cache: CacheState;
  /** Own copy of the project. */
  workdir: string;
  /** Own tool caches (PYINSTALLER_CONFIG_DIR, PEX_ROOT, UV_CACHE_DIR, …). */
  cacheDir: string;
  runs: number;
  warmup: number;
  /** git ref the project is taken from (run --ref), if any. */
  ref?: string;
  /** Where the project is copied from when not `scenario.project` (a worktree of `ref`). */
  source?: string;
  /** Artifacts of other planned variants this one consumes (`{needs.NAME}`). */
  needs: PlannedNeed[];
  /** 0 for variants that need nothing; a consumer runs in the stage after its last producer's. */
  stage: number;
}

export interface Plan {
  runId: string;
  seed: number;
  outDir: string;
  workRoot: string;
  variants: PlannedVariant[];
  /** Warm-up builds: variant ids per warm-up round, shuffled like the measured rounds (every stage's, in order). */
  warmupRounds: string[][];
  /** Measured builds: variant ids per round, each round a seeded shuffle of every variant (every stage's, in order). */
  rounds: string[][];
  /** The same rounds by stage: producers' builds all finish before their consumers' start. */
  stages: PlanStage[];
  /** git refs (run --ref), in the order given. */
  refs: string[];
  /** Variant ids of the chosen scenarios this plan does not measure, and why (said in the run and the report). */
  leftOut: LeftOut[];
}

export interface LeftOut {
  why: string;
  ids: string[];
}

export const QUICK_LEFT_OUT = "--quick measures each scenario in its baseline's warmest cache state only";

export interface PlanOptions {
  scenarios: Scenario[];
  runId: string;
  seed: number;
  outDir: string;
  workRoot: string;
  runs?: number;
  warmup?: number;
  /** Globs over variant ids (`*` matches anything); empty keeps all. */
  only?: string[];
  cache?: CacheState[];
  /**
   * run --quick: one cache state per scenario, the warmest its baseline has (the cheapest builds that still
   * give every measured variant a verdict); variants without that state are left out.
   */
  quick?: boolean;
  refs?: string[];
  /** Keep only these variant ids (run --shard); the others are listed in leftOut with `shardWhy`. */
  shard?: { ids: ReadonlySet<string>; why: string };
  /** What the scenario selection already left out (a plain run's `default`s); kept where --only matches. */
  leftOut?: LeftOut[];
}

/**
 * The plan of a run: every variant × cache state (× git ref) of `opts.scenarios` that `cache`, `only`, `quick`
 * and `shard` keep, each with its own workdir and cache dir under `workRoot`, in producer-first stages, with
 * its warm-up count and the seeded order of its rounds; the ones left out are listed with why. Creates no
 * folder. Never throws.
 */
export function buildPlan(opts: PlanOptions): Plan {
  const refs = opts.refs && opts.refs.length > 0 ? opts.refs : [undefined];
  const chosen: PlannedVariant[] = [];
  const notWarmest: string[] = [];
  const otherShards: string[] = [];
  const plan = (p: { scenario: Scenario; variant: ScenarioVariant; cache: CacheState; ref?: string }) => planVariant({ ...p, opts });
  for (const scenario of opts.scenarios) {
    const baseline = scenario.variants.find((v) => v.baseline) ?? scenario.variants[0];
    const quickState = opts.quick && !opts.cache && baseline ? warmest(baseline.cacheStates) : undefined;
    for (const variant of scenario.variants) {
      for (const cache of variant.cacheStates) {
        if (opts.cache && !opts.cache.includes(cache)) continue;
        if (quickState && cache !== quickState) {
          notWarmest.push(variantId({ scenario: scenario.name, variant: variant.name, cache }));
          continue;
        }
        for (const ref of refs) {
          const id = variantId({ scenario: scenario.name, variant: variant.name, cache, ref });
          if (opts.only && opts.only.length > 0 && !opts.only.some((g) => matchGlob(g, id))) continue;
          if (opts.shard && !opts.shard.ids.has(id)) {
            otherShards.push(id);
            continue;
          }
          chosen.push(plan({ scenario, variant, cache, ref }));
        }
      }
    }
  }
  // A chosen consumer brings its producers, whatever --only, --cache or --quick would have left out.
  const variants = addProducers({ variants: chosen, scenarios: opts.scenarios, plan });
  const stages = orderStages(variants, opts.seed);
  const warmupRounds = stages.flatMap((s) => s.warmupRounds);
  const rounds = stages.flatMap((s) => s.rounds);
  // With --only, what was left out matters only where the globs match it; a producer a consumer brought back is not left out.
  const planned = new Set(variants.map((v) => v.id));
  const matches = (id: string) => !opts.only || opts.only.length === 0 || opts.only.some((g) => matchGlob(g, id));
  const kept = (ids: string[]) => ids.filter((id) => matches(id) && !planned.has(id));
  const leftOut = [...(opts.leftOut ?? []), { why: QUICK_LEFT_OUT, ids: notWarmest }]
    .map((l) => ({ why: l.why, ids: kept(l.ids) }))
    .concat(opts.shard ? [{ why: opts.shard.why, ids: otherShards.filter((id) => !planned.has(id)) }] : [])
    .filter((l) => l.ids.length > 0);
  return { runId: opts.runId, seed: opts.seed, outDir: opts.outDir, workRoot: opts.workRoot, variants, warmupRounds, rounds, stages, refs: opts.refs ?? [], leftOut };
}

function planVariant(p: { scenario: Scenario; variant: ScenarioVariant; cache: CacheState; ref?: string; opts: PlanOptions }): PlannedVariant {
  const { scenario, variant, cache, ref, opts } = p;
  const id = variantId({ scenario: scenario.name, variant: variant.name, cache, ref });
  const slug = slugOf(id);
  return {
    id,
    scenario,
    variant,
    cache,
    workdir: workdirIn(path.join(opts.workRoot, slug, 'work'), scenario.project),
    cacheDir: path.join(opts.workRoot, slug, 'cache'),
    runs: opts.runs ?? variant.runs,
    // A state whose first build is a full one (warm, incremental, noop) needs that build to have something
    // to be warm from; it is kept as a warm-up sample (DESIGN: "kept as a warm-up sample, not thrown away").
    warmup: Math.max(opts.warmup ?? variant.warmup, CACHE_STATE_RULES[cache].firstBuildIsFull ? 1 : 0),
    ...(ref ? { ref } : {}),
    needs: [],
    stage: 0,
  };
}

/** The warmest of a variant's states, in CACHE_STATES' order (cold < warm < incremental < noop). */
function warmest(states: CacheState[]): CacheState {
  return states.reduce((a, b) => (CACHE_STATES.indexOf(b) > CACHE_STATES.indexOf(a) ? b : a));
}

/** A file-name form of a variant id, used for its workdir and its logs: `s/a@cold` → `s+a@cold`. */
export function slugOf(id: string): string {
  // Scenario and variant names cannot hold "/" or "+", so mapping "/" to "+" keeps slugs distinct.
  return id.replace(/\//g, '+').replace(/[^A-Za-z0-9._@+-]/g, '_');
}

/** `*` matches any run of characters (ids contain `/` and `@`, so no path semantics); `?` one character. */
export function matchGlob(glob: string, id: string): boolean {
  const pattern = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${pattern}$`).test(id);
}
