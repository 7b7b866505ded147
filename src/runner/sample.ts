// One measured build: put the workdir in the cache state the sample needs (untimed), run the build as a
// process group (timed), and read what it produced.
import { existsSync, rmSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { slugOf, type PlannedVariant } from '../plan/plan.ts';
import { expandCommand } from '../scenario/placeholders.ts';
import { CACHE_STATE_RULES } from '../results/cache-states.ts';
import type { RunSample } from '../results/schema.ts';
import { runInGroup, type GroupRunResult } from './process-group.ts';
import { removeInside } from './confine.ts';
import { applyMutate, buildEnv, placeholderValues } from './build-env.ts';
import { parseGenericPhases } from './phases.ts';
import { interferenceOf } from './interference.ts';

export interface SampleOutcome {
  sample: RunSample;
  run: GroupRunResult;
}

/**
 * Puts the workdir in the cache state the sample needs (results/cache-states.ts): removes the variant's
 * `clean` paths and/or its `caches` and `{cache}` dir, or applies its `mutate` for `round`. Throws when a
 * path cannot be removed or the mutated file cannot be written.
 */
export function prepareCacheState(planned: PlannedVariant, round: number, isFirstBuild: boolean): void {
  const { workdir, variant, cacheDir } = planned;
  const rules = CACHE_STATE_RULES[planned.cache];
  if (rules.removes.outputs) for (const rel of variant.clean) removeInside(workdir, rel);
  if (rules.removes.caches) {
    for (const rel of variant.caches) removeInside(workdir, rel);
    rmSync(cacheDir, { recursive: true, force: true });
    mkdirSync(cacheDir, { recursive: true });
  }
  // The first build of a mutating state is the full build everything else is incremental to.
  if (rules.mutates && !isFirstBuild) applyMutate(planned, round);
}

/** Which build to run: the variant, its round and position in the round, and how to measure it. */
export interface SampleRequest {
  planned: PlannedVariant;
  round: number;
  position: number;
  outDir: string;
  isFirstBuild: boolean;
  overheadMs: number;
  signal?: AbortSignal;
}

/**
 * One build of a planned variant in round `round` (< 0 for a warm-up): prepares its cache state, runs the build
 * in its process group with its environment and timeout, logs to `logs/<variant>/<round>.log` under `outDir`,
 * and returns the sample (times in ms, overhead subtracted; RSS in KiB; phases) and the raw run. A failed build
 * is a sample with its exit code, not a throw.
 */
export async function runSample(opts: SampleRequest): Promise<SampleOutcome> {
  const { planned, round, outDir } = opts;
  prepareCacheState(planned, round, opts.isFirstBuild);
  const values = placeholderValues(planned, { round: String(round) });
  const logRel = freshLog(outDir, path.join('logs', slugOf(planned.id)), round < 0 ? `warmup${-round}` : String(round));
  const timeoutS = planned.variant.timeoutS;
  const run = await runInGroup({
    command: expandCommand(planned.variant.build, values),
    cwd: planned.workdir,
    env: buildEnv(planned, values),
    logFile: path.join(outDir, logRel),
    timeoutMs: timeoutS ? timeoutS * 1000 : undefined,
    signal: opts.signal,
    keepLines: true,
  });
  const sample: RunSample = {
    round,
    position: opts.position,
    // The harness's own cost of starting a build (measured at start-up, as hyperfine does for its shell).
    wallMs: round3(Math.max(0, run.wallMs - opts.overheadMs)),
    userMs: run.userMs,
    sysMs: run.sysMs,
    maxRssKb: run.maxRssKb,
    treeRssKb: run.treeRssKb,
    exitCode: run.exitCode,
    ...(run.signal ? { signal: run.signal } : {}),
    ...(run.timedOut ? { timedOut: true } : {}),
    ...declaredPhases(planned, run),
    log: logRel,
    ...(run.spawnError ? { spawnError: run.spawnError } : {}),
    ...isolationFields(run),
    ...(run.leftovers.count > 0 ? { killedAfter: run.leftovers } : {}),
    // The build's cgroup counts every process it started (daemons nobody waited for too); else GNU time's rusage.
    ...(run.machine ? { interference: interferenceOf({ ...run.machine, treeCpuMs: treeCpuMs(run), wallMs: run.wallMs }) } : {}),
  };
  return { sample, run };
}

/**
 * The phases the scenario declares (`phases:` rules, DESIGN.md "phases"), read by the runner itself so that
 * a run without the probe hooks records them too; a declared phase no line matched is listed in
 * `phasesMissing`, not left out silently. With no rules the probes may add the tools' own phases.
 */
function declaredPhases(planned: PlannedVariant, run: GroupRunResult): Pick<RunSample, 'phases' | 'phasesMissing'> {
  const rules = planned.variant.phases;
  if (!rules?.length) return { phases: {} };
  const parsed = parseGenericPhases({ lines: run.lines, rules });
  return parsed.unmatched ? { phases: parsed.phases, phasesMissing: parsed.unmatched } : { phases: parsed.phases };
}

/** How the build's leftovers were ended, and what its cgroup measured of the whole tree (process-group.ts). */
function isolationFields(run: GroupRunResult): Pick<RunSample, 'cleanup' | 'groupUserMs' | 'groupSysMs' | 'memoryPeakBytes'> {
  return {
    cleanup: run.cleanup,
    ...(run.groupCpuMs ? { groupUserMs: round3(run.groupCpuMs.user), groupSysMs: round3(run.groupCpuMs.sys) } : {}),
    ...(run.memoryPeakBytes !== undefined ? { memoryPeakBytes: run.memoryPeakBytes } : {}),
  };
}

const treeCpuMs = (run: GroupRunResult) => (run.groupCpuMs ? run.groupCpuMs.user + run.groupCpuMs.sys : run.userMs + run.sysMs);

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * `dir/name.log` (relative to `outDir`), or `dir/name.2.log`, `.3` … when a build of the same round already wrote
 * one: a build measured again (the machine was busy) keeps the log of each try, as its sample keeps its path.
 */
function freshLog(outDir: string, dir: string, name: string): string {
  for (let n = 1; ; n++) {
    const rel = path.join(dir, n === 1 ? `${name}.log` : `${name}.${n}.log`);
    if (!existsSync(path.join(outDir, rel))) return rel;
  }
}
