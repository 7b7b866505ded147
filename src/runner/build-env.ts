// The environment and placeholder values of one variant's processes (setup, build, smoke).
import { appendFileSync, mkdirSync, utimesSync } from 'node:fs';
import path from 'node:path';
import type { PlannedVariant } from '../plan/plan.ts';
import { cacheEnv } from '../common/tool-state.ts';
import { expandText, type PlaceholderValues } from '../scenario/placeholders.ts';
import { resolveInside } from './confine.ts';
import { TOOLS_ENV, toolsDir } from '../common/where.ts';
import { expandEnvValue } from '../scenario/env-values.ts';
import { withoutRemoved } from './env-policy.ts';

/**
 * The values of a variant's placeholders: `{workdir}`, `{cache}`, `{tools}`, `{scenarioDir}`, `{artifact}`
 * (absolute) and `{needs.NAME}` (the producer's artifact), plus `extra` (e.g. `{round}`, `{port}`).
 */
export function placeholderValues(planned: PlannedVariant, extra: PlaceholderValues = {}): PlaceholderValues {
  const { workdir, cacheDir, variant, scenario } = planned;
  return {
    workdir,
    cache: cacheDir,
    tools: toolsDir(),
    scenarioDir: path.dirname(scenario.path),
    ...(variant.artifact ? { artifact: path.join(workdir, variant.artifact) } : {}),
    ...Object.fromEntries(planned.needs.map((n) => [`needs.${n.name}`, n.artifact])),
    ...extra,
  };
}

/**
 * The environment of a variant's processes: this process's less what ENV_POLICY removes, then what buildbench
 * sets (RUN_ENV_NAMES), then the scenario's env and the variant's, each value expanded (`$VAR`, placeholders)
 * against what came before it: a variant's `PATH: "{workdir}/bin:$PATH"` reads the scenario's PATH, which read the run's.
 */
export function buildEnv(planned: PlannedVariant, values: PlaceholderValues): Record<string, string | undefined> {
  let env: Record<string, string | undefined> = {
    // The caller's variables that would change what is built or where it goes, by the policy (env-policy.ts).
    ...withoutRemoved(process.env),
    ...cacheEnv(planned.cacheDir),
    TMPDIR: buildTmpDir(planned.cacheDir),
    [TOOLS_ENV]: toolsDir(),
    BUILDBENCH_WORKDIR: planned.workdir,
    BUILDBENCH_CACHE: planned.cacheDir,
  };
  for (const layer of planned.variant.envLayers) {
    const vars = env;
    env = { ...env, ...Object.fromEntries(Object.entries(layer).map(([k, v]) => [k, expandEnvValue(v, { vars, placeholders: values })])) };
  }
  return env;
}

/**
 * The temp folder of a variant's processes, inside its cache dir: what a build leaves in $TMPDIR goes with the
 * workdirs instead of outliving the run in /tmp, and is cleared with the caches of a cold sample. Made here
 * because a cold sample has just removed the cache dir.
 */
function buildTmpDir(cacheDir: string): string {
  const dir = path.join(cacheDir, 'tmp');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The edit an incremental sample starts from: touch a file, or append text to it. */
export function applyMutate(planned: PlannedVariant, round: number): void {
  const mutate = planned.variant.mutate;
  if (!mutate) return;
  if ('touch' in mutate) {
    const file = resolveInside(planned.workdir, mutate.touch);
    const now = new Date();
    utimesSync(file, now, now);
  } else {
    const file = resolveInside(planned.workdir, mutate.append.file);
    appendFileSync(file, expandText(mutate.append.text, { round: String(round) }));
  }
}
