// From resolved scenarios to a Plan: the matrix of variants × cache states with stable ids, one workdir and
// one cache dir each, and the order of every build (warm-ups, then shuffled rounds).
import { matchGlob } from '../common/match-glob.ts';
import path from 'node:path';
import { CACHE_STATE_RULES, CACHE_STATES, type CacheState } from '../results/cache-states.ts';
import type { Scenario, ScenarioVariant } from '../scenario/scenario.ts';
import { workdirIn } from './workdir.ts';
import { addProducers, orderStages, type PlanStage, type PlannedNeed } from './stages.ts';
import { planPrimings, primeFirst, type Priming } from './prime.ts';
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
  /** Warm twins whose workdir their cold twin's first build primes instead of a warm-up of their own (prime.ts). */
  primings: Priming[];
}

export interface LeftOut {
  why: string;
  ids: string[];
}

export const QUICK_LEFT_OUT = "--quick measures each scenario in one cache state where every variant does the same work (its baseline's warmest of cold and incremental)";

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
   * run --quick: one cache state per scenario, the warmest its baseline has among those where every variant
   * does the same work (results/cache-states.ts `likeWithLike`: incremental, then cold; the warmest of all only when
   * the baseline has neither); variants without that state are left out.
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
 * and `shard` keep (plus the producers a chosen consumer needs), each with its own workdir and cache dir under
 * `workRoot`, in producer-first stages, with its warm-up count and the seeded order of its rounds; the ones
 * left out are listed with why. Creates no folder. Never throws.
 */
export function buildPlan(opts: PlanOptions): Plan {
  const plan = (p: Cell & { ref?: string }) => planVariant({ ...p, opts });
  const chosen = chooseVariants(opts, plan);
  // A chosen consumer brings its producers, whatever --only, --cache or --quick would have left out.
  const variants = addProducers({ variants: chosen.variants, scenarios: opts.scenarios, plan });
  // Before the order: a primed warm twin has no warm-up left to order.
  const primings = planPrimings(variants);
  const stages = primeFirst(orderStages(variants, opts.seed), primings);
  return {
    runId: opts.runId,
    seed: opts.seed,
    outDir: opts.outDir,
    workRoot: opts.workRoot,
    variants,
    warmupRounds: stages.flatMap((s) => s.warmupRounds),
    rounds: stages.flatMap((s) => s.rounds),
    stages,
    refs: opts.refs ?? [],
    leftOut: leftOutOf({ opts, planned: new Set(variants.map((v) => v.id)), notWarmest: chosen.notWarmest, otherShards: chosen.otherShards }),
    primings,
  };
}

/** One scenario's variant in one of its cache states, before refs. */
type Cell = { scenario: Scenario; variant: ScenarioVariant; cache: CacheState };

/** The variants the options keep, and the ids --quick (not its state) and --shard (another shard's) leave out. */
function chooseVariants(opts: PlanOptions, plan: (p: Cell & { ref?: string }) => PlannedVariant) {
  const refs = opts.refs && opts.refs.length > 0 ? opts.refs : [undefined];
  const variants: PlannedVariant[] = [];
  const notWarmest: string[] = [];
  const otherShards: string[] = [];
  for (const { cell, quickState } of cellsOf(opts)) {
    if (quickState && cell.cache !== quickState) {
      notWarmest.push(variantId({ scenario: cell.scenario.name, variant: cell.variant.name, cache: cell.cache }));
      continue;
    }
    for (const ref of refs) {
      const id = variantId({ scenario: cell.scenario.name, variant: cell.variant.name, cache: cell.cache, ref });
      if (!matchesOnly(opts.only, id)) continue;
      if (opts.shard && !opts.shard.ids.has(id)) otherShards.push(id);
      else variants.push(plan({ ...cell, ref }));
    }
  }
  return { variants, notWarmest, otherShards };
}

/** Every variant in every cache state --cache keeps, with the one state --quick keeps of its scenario. */
function* cellsOf(opts: PlanOptions): Generator<{ cell: Cell; quickState: CacheState | undefined }> {
  for (const scenario of opts.scenarios) {
    const baseline = scenario.variants.find((v) => v.baseline) ?? scenario.variants[0];
    const quickState = opts.quick && !opts.cache && baseline ? quickStateOf(baseline.cacheStates) : undefined;
    for (const variant of scenario.variants) {
      for (const cache of variant.cacheStates) {
        if (!opts.cache || opts.cache.includes(cache)) yield { cell: { scenario, variant, cache }, quickState };
      }
    }
  }
}

/** True when `only` is empty or one of its globs matches `id`. */
const matchesOnly = (only: string[] | undefined, id: string) => !only || only.length === 0 || only.some((g) => matchGlob(g, id));

/**
 * What the plan does not measure, by why: the selection's leftOut and --quick's, each kept only where the
 * --only globs match it and not planned after all (a producer a consumer brought back); then --shard's.
 */
function leftOutOf(opts: { opts: PlanOptions; planned: Set<string>; notWarmest: string[]; otherShards: string[] }): LeftOut[] {
  const { planned, notWarmest, otherShards } = opts;
  const { only, shard, leftOut } = opts.opts;
  const kept = (ids: string[]) => ids.filter((id) => matchesOnly(only, id) && !planned.has(id));
  return [...(leftOut ?? []), { why: QUICK_LEFT_OUT, ids: notWarmest }]
    .map((l) => ({ why: l.why, ids: kept(l.ids) }))
    .concat(shard ? [{ why: shard.why, ids: otherShards.filter((id) => !planned.has(id)) }] : [])
    .filter((l) => l.ids.length > 0);
}

function planVariant(p: Cell & { ref?: string; opts: PlanOptions }): PlannedVariant {
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
    // to be warm from; it is kept as a warm-up sample (DESIGN: "kept as a warm-up sample, not thrown away"),
    // unless its cold twin's build primes the workdir (prime.ts).
    warmup: Math.max(opts.warmup ?? variant.warmup, CACHE_STATE_RULES[cache].firstBuildIsFull ? 1 : 0),
    ...(ref ? { ref } : {}),
    needs: [],
    stage: 0,
  };
}

/** The warmest of a variant's like-with-like states (CACHE_STATES' order), or the warmest of all when it has none. */
function quickStateOf(states: CacheState[]): CacheState {
  const like = states.filter((s) => CACHE_STATE_RULES[s].likeWithLike);
  return (like.length > 0 ? like : states).reduce((a, b) => (CACHE_STATES.indexOf(b) > CACHE_STATES.indexOf(a) ? b : a));
}

/** A file-name form of a variant id, used for its workdir and its logs: `s/a@cold` → `s+a@cold`. */
export function slugOf(id: string): string {
  // Scenario and variant names cannot hold "/" or "+", so mapping "/" to "+" keeps slugs distinct.
  return id.replace(/\//g, '+').replace(/[^A-Za-z0-9._@+-]/g, '_');
}

export { matchGlob };
