// The words a run prints about its plan before any build: what it leaves out, the fewest runs that can decide,
// the plan itself for --dry-run, and the estimate of its time. Only wording: the plan and the estimate are
// computed in plan/.
import type { Plan } from '../plan/plan.ts';
import type { Estimate } from '../plan/estimate.ts';
import type { Unavailable } from '../plan/availability.ts';
import { setupCommand } from '../common/where.ts';
import { describeAdaptiveStops, describeFewestRuns, range } from '../stats/index.ts';
import { formatMs } from './terminal.ts';

/** Reference timings of every scenario in scenarios/, measured on a 2-core machine (npm run timings). */
export const REFERENCE_TIMINGS = 'bench/timings.json';

/**
 * The lines said before the plan (and before the first build): this shard's part, each group of variants
 * left out with why, and — when there is something to compare — the fewest runs that can decide at `alpha`.
 */
export function planNotes(opts: { plan: Plan; shardNote?: string; alpha: number; adaptive?: { minRuns: number; maxRuns: number } }): string[] {
  const { plan, shardNote, alpha, adaptive } = opts;
  return [
    ...(shardNote ? [shardNote] : []),
    ...plan.leftOut.map((l) => `not measured (${l.why}): ${l.ids.join(', ')}`),
    // Only a plan with something to compare can be decided at all.
    ...(plan.variants.length > 1 ? [describeFewestRuns({ runs: range(plan.variants.map((v) => v.runs)).min, alpha })] : []),
    ...(plan.variants.length > 1 && adaptive ? [describeAdaptiveStops({ alpha, ...adaptive })] : []),
  ];
}

/**
 * `--dry-run`'s text: every variant that will build with its builds and its cost per build, those that cannot
 * (`unavailable`, counted nowhere) once each with why, the order, and the estimate; with variants never
 * measured, when the run will have timed them all, and (not with `quick`, whose first round is itself a
 * timing pass) a timing pass to run first; ends in a newline.
 */
export function describePlan(opts: { plan: Plan; unavailable: ReadonlyMap<string, Unavailable>; estimate: Estimate; quick?: boolean }): string {
  const { plan, estimate } = opts;
  const lines = [`plan ${plan.runId} (seed ${plan.seed}): ${plan.variants.length} variants`];
  for (const v of plan.variants) {
    const ms = estimate.perVariant.get(v.id);
    const each = ms === undefined ? 'no earlier measurement' : `~${formatMs(ms)} per build`;
    const primed = plan.primings.find((p) => p.warm === v.id);
    const warmups = primed ? `primed by ${primed.cold}'s ${primed.round < 0 ? 'first warm-up' : 'first build'}` : `${v.warmup} warm-up`;
    lines.push(`  ${v.id}${v.variant.baseline ? ' (baseline)' : ''}: ${warmups} + ${v.runs} runs, ${each}`);
  }
  for (const [id, u] of opts.unavailable) lines.push(`  ${id}: ${u.status}, builds nothing: ${u.reason}`);
  const stages = plan.stages.length > 1 ? ` in ${plan.stages.length} stages (producers of needs first)` : '';
  lines.push(`order: ${plan.warmupRounds.length} warm-up rounds, ${plan.rounds.length} rounds${stages}, shuffled per round`);
  lines.push(`estimate: ${describeEstimate(estimate)}`);
  if (estimate.unknown.length > 0) lines.push(opts.quick ? `the run times itself: ${describeTimedBy(estimate)}` : timingPassOffer(estimate));
  return `${lines.join('\n')}\n`;
}

/** "36 builds in all; every variant has built once by build 7, and from then on the ETA covers every build" */
export function describeTimedBy(estimate: Estimate): string {
  return `${estimate.builds} builds in all; every variant has built once by build ${estimate.allTimedBy}, and from then on the ETA covers every build`;
}

/**
 * For variants never measured: a timing pass of one build each (`--runs 1`, no warm-ups beyond the full first
 * builds some states need) whose results in reports/ the next dry run reads, since its fingerprints match.
 */
function timingPassOffer(estimate: Estimate): string {
  const n = estimate.unknown.length;
  const only = estimate.unknown.map((id) => `--only '${id}'`).join(' ');
  return (
    `to estimate the ${n} never measured: time them once first, \`run … --runs 1 ${n <= 3 ? only : '--only <their ids>'}\` ` +
    `(one build each, after their set-up), then --dry-run again: it reads that run from reports/. Or just run: ${describeTimedBy(estimate)}`
  );
}

/**
 * The first line of a run: `buildbench 6 variants × 5 runs → /path/to/out`, or `× 5–6 runs` when the scenarios
 * ask for different numbers (a scenario's `runs:`); `1 variant × 1 run` in the singular.
 */
export function describeRun(plan: Plan, outDir: string): string {
  const runs = plan.variants.map((v) => v.runs);
  const [fewest, most] = [Math.min(...runs), Math.max(...runs)];
  const n = plan.variants.length;
  return `buildbench ${n} variant${n === 1 ? '' : 's'} × ${fewest === most ? most : `${fewest}–${most}`} run${most === 1 ? '' : 's'} → ${outDir}`;
}

/** "~2.4 h (set-ups ~25 min included; 12 variants from earlier runs in reports/, 3 from bench/timings.json …)" */
export function describeEstimate(estimate: Estimate): string {
  const variants = (n: number) => `${n} variant${n === 1 ? '' : 's'}`;
  if (estimate.knownMs === 0) return `none: ${variants(estimate.unknown.length)} never measured here or in ${REFERENCE_TIMINGS}`;
  const sources = [
    estimate.fromHere > 0 ? `${variants(estimate.fromHere)} from earlier runs in reports/` : '',
    estimate.fromReference > 0 ? `${estimate.fromReference} from ${REFERENCE_TIMINGS} (a 2-core machine)` : '',
  ].filter(Boolean);
  const setups = estimate.setupMs > 0 ? `set-ups ~${formatMs(estimate.setupMs)} included; ` : '';
  const unknown = estimate.unknown.length > 0 ? ` + ${variants(estimate.unknown.length)} never measured` : '';
  return `~${formatMs(estimate.knownMs)} (${setups}${sources.join(', ')})${unknown}; \`${setupCommand({ cwd: process.cwd() })}\` not included`;
}
