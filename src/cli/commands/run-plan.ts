// `buildbench run`'s plan: from the parsed flags and the chosen scenarios to the Plan this machine measures
// (this shard's part of it with --shard), how many runs and whether adaptive, and the estimate of its time.
import os from 'node:os';
import path from 'node:path';
import { InputError } from '../../common/problem.ts';
import { NOT_DEFAULT_LEFT_OUT, PLAIN_LEFT_OUT } from '../../scenario/discover.ts';
import type { CacheState } from '../../scenario/schema.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import { buildPlan, matchGlob, type Plan, type PlannedVariant, type PlanOptions } from '../../plan/plan.ts';
import { findUnavailable, runnablePlan, type FoundTool, type Unavailable } from '../../plan/availability.ts';
import { variantId } from '../../results/variant-id.ts';
import { estimatePlan, previousResults, readTimingsFile, type Estimate } from '../../plan/estimate.ts';
import type { AdaptiveOptions } from '../../runner/finalize.ts';
import { BUILDBENCH_ROOT } from '../../common/where.ts';
import { minRunsForDifference } from '../../stats/index.ts';
import type { RunArgs } from '../run-options.ts';
import { REFERENCE_TIMINGS } from '../plan-text.ts';
import { chooseShard, type ShardChoice } from './run-shard.ts';

/** The plan of one `run` and what was decided with it. */
export interface RunPlan {
  plan: Plan;
  /** Absolute output folder (--out, else reports/<runId>). */
  outDir: string;
  /** Set with --runs auto: when to stop adding rounds. */
  adaptive: AdaptiveOptions | undefined;
  /** The plan as it will run: without the variants that cannot (plan/availability.ts); what is said and counted. */
  runnable: Plan;
  /** The variants that build nothing, by id, with why: said once each, recorded by the runner. */
  unavailable: Map<string, Unavailable>;
  /** Expected time per variant and in all (of `runnable`), from earlier runs here and the reference timings. */
  estimate: Estimate;
  /** This machine's part with --shard. */
  shard: ShardChoice | undefined;
}

/**
 * Plans the run of `scenarios` under the flags, with every required tool checked by `checkTool` (the run's
 * own check, given to the runner too). `leftOut` are the variant ids a plain run leaves out (the scenarios'
 * `default`s). Errors: InputError when --min-runs > --max-runs, when no variant is left to measure (naming
 * --only or --cache), or when a --shard has nothing to measure.
 */
export async function planRun(opts: { args: RunArgs; scenarios: Scenario[]; leftOut: string[]; notDefault?: string[]; checkTool: (name: string, planned: PlannedVariant) => Promise<FoundTool> }): Promise<RunPlan> {
  const { args } = opts;
  const runId = makeRunId();
  const outDir = path.resolve(args.out ?? path.join('reports', runId));
  const { runs, adaptive } = parseRuns(args);
  const planOptions = planOptionsOf({ ...opts, runId, outDir, runs });
  const reference = readTimingsFile(path.join(BUILDBENCH_ROOT, REFERENCE_TIMINGS));
  const whole = buildPlan(planOptions);
  const shard = args.shard && whole.variants.length > 0 ? chooseShard({ plan: whole, raw: args.shard, reference }) : undefined;
  const plan = shard ? buildPlan({ ...planOptions, shard }) : whole;
  refuseUnmatched({ args, scenarios: opts.scenarios, leftOut: opts.leftOut, notDefault: opts.notDefault });
  refuseEmpty(plan, args);
  const unavailable = await findUnavailable(plan, opts.checkTool);
  const runnable = runnablePlan(plan, unavailable);
  const estimate = estimatePlan(runnable, { history: previousResults(path.resolve('reports')), reference });
  return { plan, runnable, unavailable, outDir, adaptive, estimate, shard };
}

function planOptionsOf(opts: { args: RunArgs; scenarios: Scenario[]; leftOut: string[]; notDefault?: string[]; runId: string; outDir: string; runs: number | undefined }): PlanOptions {
  const { args, scenarios, leftOut, runId, outDir, runs } = opts;
  return {
    // A build that hangs is killed after the run's default timeout (--timeout) unless its scenario sets one.
    scenarios: scenarios.map((s) => ({ ...s, variants: s.variants.map((v) => ({ ...v, timeoutS: v.timeoutS ?? args.timeout })) })),
    runId,
    seed: args.seed ?? Math.floor(Math.random() * 2 ** 31),
    outDir,
    workRoot: path.join(os.tmpdir(), `buildbench-${runId}`),
    runs,
    // --quick: no warm-up of its own (a cold build starts from a clean tree, so one before it primes nothing;
    // a warm or incremental state still gets the full first build it needs, plan/plan.ts), unless --warmup says.
    warmup: args.warmup ?? (args.quick ? 0 : undefined),
    only: args.only,
    cache: parseCache(args.cache),
    quick: args.quick,
    refs: args.ref,
    leftOut: [
      { why: PLAIN_LEFT_OUT, ids: leftOut },
      { why: NOT_DEFAULT_LEFT_OUT, ids: opts.notDefault ?? [] },
    ],
  };
}

/** A plan with nothing to measure is bad input: it names the flag that emptied it and what a plain run leaves out. */
function refuseEmpty(plan: Plan, args: RunArgs): void {
  if (plan.variants.length > 0) return;
  const plain = plan.leftOut.find((l) => l.why === PLAIN_LEFT_OUT);
  const hint = plain ? ` in a plain run (${plain.ids.join(', ')}: ${PLAIN_LEFT_OUT})` : '';
  throw new InputError([{ file: args.only ? '--only' : '--cache', message: `no variant matches${hint}` }]);
}

/**
 * Each --only glob must match a variant id of the scenarios, and each --cache state must be one of their
 * variants' states: a typo, or a file taken for a pattern, is named before any build rather than quietly
 * narrowing the run to the other patterns.
 */
function refuseUnmatched(opts: { args: RunArgs; scenarios: Scenario[]; leftOut: string[]; notDefault?: string[] }): void {
  const { args, scenarios } = opts;
  const refs = [undefined, ...(args.ref ?? [])];
  const cells = scenarios.flatMap((s) => s.variants.flatMap((v) => v.cacheStates.map((cache) => ({ scenario: s.name, variant: v.name, cache }))));
  const ids = cells.flatMap((c) => refs.map((ref) => variantId({ ...c, ref })));
  const some = (list: string[]) => `${list.slice(0, 6).join(', ')}${list.length > 6 ? `, … (${list.length} in all)` : ''}`;
  const problems = (args.only ?? [])
    // A glob of variants a plain run leaves out is not a typo: the plan says what it leaves out, and why.
    .filter((glob) => !ids.some((id) => matchGlob(glob, id)) && !opts.leftOut.some((id) => matchGlob(glob, id)))
    .map((glob) => {
      // A scenario a plain run leaves out whole (`python-env/*`): say so, not "matches nothing".
      const whole = (opts.notDefault ?? []).find((all) => glob.startsWith(all.slice(0, -1)));
      return whole
        ? { file: '--only', message: `"${glob}": scenario ${whole.slice(0, -2)} is not in a plain run (${NOT_DEFAULT_LEFT_OUT})` }
        : { file: '--only', message: `"${glob}" matches no variant id of these scenarios (${some(ids.filter((id) => !id.includes('#')))})` };
    });
  const states = [...new Set(cells.map((c) => c.cache))];
  for (const state of parseCache(args.cache) ?? []) {
    if (!states.includes(state)) problems.push({ file: '--cache', message: `no variant of these scenarios has the cache state "${state}" (theirs: ${states.join(', ')})` });
  }
  if (problems.length > 0) throw new InputError(problems);
}

function parseRuns(args: RunArgs): { runs: number | undefined; adaptive: AdaptiveOptions | undefined } {
  if (args.runs === 'auto') {
    if (args.maxRuns < args.minRuns) throw new InputError([{ file: '--runs auto', message: `--min-runs (${args.minRuns}) must be ≤ --max-runs (${args.maxRuns})` }]);
    return { runs: args.maxRuns, adaptive: { minRuns: args.minRuns, maxRuns: args.maxRuns, targetCiPct: args.targetCi } };
  }
  // The value itself was checked when the flags were parsed (cli/run-options.ts).
  if (args.runs !== undefined) return { runs: Number(args.runs), adaptive: undefined };
  return { runs: args.quick ? minRunsForDifference(args.alpha) : undefined, adaptive: undefined };
}

/** The states of --cache (checked when the flags were parsed). */
function parseCache(raw: string | undefined): CacheState[] | undefined {
  return raw?.split(',').map((s) => s.trim() as CacheState);
}

function makeRunId(): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').replace(/Z$/, '');
  return `${stamp}-${Math.random().toString(36).slice(2, 6)}`;
}
