// How long a plan will take (`--dry-run` and the ETA), from what the same variants cost before: the newest
// results in reports/ on this machine first, then the reference timings committed in bench/timings.json
// (measured on a 2-core machine, so a fresh clone can say what `--all` costs before running it).
// "The same variant" is the same id *and* the same fingerprint (plan/fingerprint.ts: the project's manifests
// and the build definition): another project's variant that shares an id, or a timing from before the build
// changed, is never used. A variant costs its untimed set-up, its warm-ups (a warm variant's first build is
// a full one) and its runs.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readResultsFile } from '../results/io.ts';
import type { ResultsFile } from '../results/schema.ts';
import { median } from '../stats/index.ts';
import { variantFingerprint } from './fingerprint.ts';
import type { Plan, PlannedVariant } from './plan.ts';
import { variantId } from '../results/variant-id.ts';
import { setUpGroups, setUpLanes, setUpWallMs } from './setup-lanes.ts';

/** What one variant cost in an earlier run. */
export interface VariantTiming {
  /** Median measured build. */
  buildMs: number;
  /** Median warm-up build, when it had warm-ups. */
  warmupMs?: number;
  /** Its set-up commands, when it had any. */
  setupMs?: number;
  /** The variant's fingerprint when it was measured; a timing without one matches nothing. */
  fingerprint?: string;
  /** True when buildMs is its warm-ups' (full builds; no measured build): used after any measured timing. */
  fromWarmups?: boolean;
}

/** The reference timings file (bench/timings.json). */
export interface TimingsFile {
  about: string;
  variants: Record<string, VariantTiming>;
}

export interface Estimate {
  /** Expected ms of the variants with a timing: set-ups, warm-ups and runs. */
  knownMs: number;
  /** Of knownMs, the set-ups' wall time: different scenarios' set-ups run side by side (plan/setup-lanes.ts). */
  setupMs: number;
  /** Variant ids with no earlier timing. */
  unknown: string[];
  /** Median build ms per variant id (the ETA's unit). */
  perVariant: Map<string, number>;
  /** Median warm-up build ms per variant id, where the earlier run had warm-ups. */
  perWarmup: Map<string, number>;
  /** Expected ms per variant id: its set-up, warm-ups and runs (what run --shard balances). */
  costMs: Map<string, number>;
  /** How many variants were estimated from reports/ here and how many from the reference timings. */
  fromHere: number;
  fromReference: number;
  /** Builds of the plan in all (warm-ups and measured builds), before any re-measure. */
  builds: number;
  /**
   * The build (1-based, in the plan's order) by which every variant has built once, so the ETA, which times
   * each variant from its own builds, covers every build from there on; 0 for a plan with no build.
   */
  allTimedBy: number;
}

/** The plan's builds in their order (stage by stage: warm-up rounds, then rounds): how many, and allTimedBy. */
export function timingOrder(plan: Pick<Plan, 'stages'>): { builds: number; allTimedBy: number } {
  const seen = new Set<string>();
  let builds = 0;
  let allTimedBy = 0;
  for (const stage of plan.stages) {
    for (const id of [...stage.warmupRounds, ...stage.rounds].flat()) {
      builds++;
      if (seen.has(id)) continue;
      seen.add(id);
      allTimedBy = builds;
    }
  }
  return { builds, allTimedBy };
}

/** Newest-first results files under a reports folder (`<dir>/<runId>/results.json`). */
export function previousResults(reportsDir: string, limit = 20): string[] {
  if (!existsSync(reportsDir)) return [];
  return readdirSync(reportsDir)
    .map((d) => path.join(reportsDir, d, 'results.json'))
    .filter((f) => existsSync(f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
    .slice(0, limit);
}

/**
 * Each measured variant's timing in one results file. A variant with warm-ups but no measured build (a run
 * interrupted after its warm-up round) is timed by its warm-ups, full builds: an estimate on the long side
 * rather than none, as the ETA uses a finished warm-up at once (eta.ts).
 */
export function timingsOf(results: ResultsFile): Map<string, VariantTiming> {
  const timings = new Map<string, VariantTiming>();
  for (const v of results.variants) {
    const warmups = v.warmups.map((s) => s.wallMs).filter((ms): ms is number => typeof ms === 'number');
    const measured = v.stats.wallMs?.median;
    const buildMs = measured ?? (warmups.length > 0 ? median(warmups) : undefined);
    if (buildMs === undefined) continue;
    timings.set(v.id, {
      buildMs,
      ...(measured === undefined ? { fromWarmups: true } : {}),
      ...(warmups.length > 0 ? { warmupMs: median(warmups) } : {}),
      ...(v.setupMs !== undefined ? { setupMs: v.setupMs } : {}),
      ...(v.fingerprint !== undefined ? { fingerprint: v.fingerprint } : {}),
    });
  }
  return timings;
}

/** Reference timings; a missing or unreadable file gives none (it only improves an estimate). */
export function readTimingsFile(file: string): Map<string, VariantTiming> {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<TimingsFile>;
    const entries = Object.entries(parsed.variants ?? {}).filter(([, t]) => typeof t?.buildMs === 'number');
    return new Map(entries);
  } catch {
    return new Map();
  }
}

const keyOf = (id: string, fingerprint: string | undefined) => `${id}\0${fingerprint ?? ''}`;

/**
 * How long `plan` will take, in ms, from earlier results files (`history`, paths; unreadable ones skipped) and
 * a committed `reference` of timings by variant id: only timings with the same build fingerprint count. The
 * variants with neither are listed in `unknown`. Never throws.
 */
export function estimatePlan(plan: Plan, opts: { history: string[]; reference?: Map<string, VariantTiming> }): Estimate {
  const here = new Map<string, VariantTiming>();
  for (const file of opts.history) {
    const { value } = readResultsFile(file);
    if (!value) continue;
    for (const [id, timing] of timingsOf(value)) {
      const key = keyOf(id, timing.fingerprint);
      // The newest measured timing; a warm-up stand-in only where nothing was measured.
      const kept = here.get(key);
      if (timing.fingerprint !== undefined && (!kept || (kept.fromWarmups && !timing.fromWarmups))) here.set(key, timing);
    }
  }
  const setupMs = new Map<string, number>();
  const estimate: Estimate = { knownMs: 0, setupMs: 0, unknown: [], perVariant: new Map(), perWarmup: new Map(), costMs: new Map(), fromHere: 0, fromReference: 0, ...timingOrder(plan) };
  for (const v of plan.variants) {
    // A variant built at a git ref (`id#ref`) costs what the same variant cost without one.
    const plain = variantId({ scenario: v.scenario.name, variant: v.variant.name, cache: v.cache });
    const fingerprint = variantFingerprint(v);
    const found = here.get(keyOf(v.id, fingerprint)) ?? here.get(keyOf(plain, fingerprint));
    const reference = opts.reference?.get(plain);
    const referenced = reference?.fingerprint === fingerprint && !reference.fromWarmups ? reference : undefined;
    // Measured here, else the reference's measured builds, else this machine's warm-ups.
    const local = found && (!found.fromWarmups || !referenced) ? found : undefined;
    const timing = local ?? referenced;
    if (!timing) {
      estimate.unknown.push(v.id);
      continue;
    }
    if (local) estimate.fromHere++;
    else estimate.fromReference++;
    estimate.perVariant.set(v.id, timing.buildMs);
    if (timing.warmupMs !== undefined) estimate.perWarmup.set(v.id, timing.warmupMs);
    estimate.costMs.set(v.id, variantCost(v, timing));
    estimate.knownMs += variantCost(v, timing);
    if (timing.setupMs) setupMs.set(v.id, timing.setupMs);
  }
  // Each variant's cost keeps its whole set-up; the run's total counts the set-ups' wall time, lanes and all.
  const stages = new Set(plan.variants.map((v) => v.stage));
  for (const stage of stages) {
    const groups = setUpGroups(plan.variants.filter((v) => v.stage === stage).map((planned) => ({ planned })));
    const groupMs = groups.map((g) => g.reduce((sum, { planned }) => sum + (setupMs.get(planned.id) ?? 0), 0));
    const wall = setUpWallMs(groupMs, setUpLanes(groups.length));
    estimate.setupMs += wall;
    estimate.knownMs -= groupMs.reduce((a, b) => a + b, 0) - wall;
  }
  return estimate;
}

function variantCost(v: PlannedVariant, t: VariantTiming): number {
  return (t.setupMs ?? 0) + v.warmup * (t.warmupMs ?? t.buildMs) + v.runs * t.buildMs;
}
