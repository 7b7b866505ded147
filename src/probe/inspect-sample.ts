// Everything the output of one build tells, from every toolchain probe (probes.ts): phase ends, units rebuilt
// vs fresh, the slowest units, and whether the cache state looks real. One call per sample.
import type { RunSample } from '../results/schema.ts';
import { CACHE_STATE_RULES } from '../results/cache-states.ts';
import type { CacheState, PhaseRule } from '../scenario/schema.ts';
import type { TimedLine } from '../runner/phases.ts';
import { CACHE_OK } from './cache-check.ts';
import { PROBES } from './probes.ts';
import type { BuildOutput, SampleFindings, ToolchainProbe } from './toolchain-probe.ts';

export type SampleInsight = Pick<RunSample, 'phases' | 'phasesMissing' | 'rebuiltUnits' | 'freshUnits' | 'cacheCheck' | 'slowestUnits' | 'toolVersions'>;

const FIRST_BUILD = 'not checked: the first build of a workdir is a full build';

/** The last probe's value of `key`, if any probe found one. */
function lastOf<K extends keyof SampleFindings>(found: readonly SampleFindings[], key: K): SampleFindings[K] | undefined {
  return found.map((f) => f[key]).findLast((v) => v !== undefined);
}

/**
 * One cacheCheck from the probes' checks: CACHE_OK when every check is, else the other sentences joined by
 * "; "; undefined when no probe could tell. The first full build of a state that starts from one is not judged.
 */
function cacheVerdict(found: readonly SampleFindings[], opts: { cache: CacheState; firstBuild?: boolean }): string | undefined {
  if (opts.firstBuild && CACHE_STATE_RULES[opts.cache].firstBuildIsFull) return found.some((f) => f.cacheCheck !== undefined) ? FIRST_BUILD : undefined;
  const checks = found.flatMap((f) => f.cacheCheck ?? f.notChecked ?? []);
  if (checks.length === 0) return undefined;
  const problems = checks.filter((c) => c !== CACHE_OK);
  return problems.length > 0 ? problems.join('; ') : CACHE_OK;
}

/**
 * What one build's output tells: `lines` with their ms from the build's start, `workdir` absolute. The
 * probes' phases are kept only when the scenario declares none (`rules`; the runner parses those itself,
 * runner/phases.ts). `firstBuild`: the first build of a workdir is a full build whatever the cache state (it
 * is kept as a warm-up), so its cache state is not checked unless the state starts from nothing. Rejects only
 * when a file the output names (a cargo timing report) cannot be read.
 */
export async function inspectSample(opts: {
  cache: CacheState;
  lines: readonly TimedLine[];
  workdir: string;
  rules?: readonly PhaseRule[];
  build?: string;
  firstBuild?: boolean;
  /** The toolchain probes to ask, in merge order (default: PROBES). */
  probes?: readonly ToolchainProbe[];
}): Promise<SampleInsight> {
  const output: BuildOutput = { cache: opts.cache, lines: opts.lines, text: opts.lines.map((l) => l.line), workdir: opts.workdir, build: opts.build };
  const found: SampleFindings[] = [];
  for (const probe of opts.probes ?? PROBES) {
    const f = probe.sample ? await probe.sample.inspect(output) : null;
    if (f) found.push(f);
  }
  const out: SampleInsight = { phases: opts.rules?.length ? {} : Object.assign({}, ...found.map((f) => f.phases)) };
  const slowest = lastOf(found, 'slowestUnits');
  if (slowest) out.slowestUnits = slowest;
  const rebuilt = lastOf(found, 'rebuiltUnits');
  if (rebuilt !== undefined) out.rebuiltUnits = rebuilt;
  const fresh = lastOf(found, 'freshUnits');
  if (fresh !== undefined) out.freshUnits = fresh;
  const versions = Object.assign({}, ...found.map((f) => f.toolVersions)) as Record<string, string>;
  if (Object.keys(versions).length > 0) out.toolVersions = versions;
  const cacheCheck = cacheVerdict(found, opts);
  if (cacheCheck !== undefined) out.cacheCheck = cacheCheck;
  return out;
}
