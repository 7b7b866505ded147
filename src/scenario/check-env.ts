// The env values of a scenario, checked at load: a malformed `${…}` is a problem; a variable that is set
// neither in this environment, nor by buildbench, nor by the scenario's own env (for a variant's) is a
// warning, since it will expand to an empty string, as in a shell.
import type { Problem } from '../common/problem.ts';
import { RUN_ENV_NAMES } from '../common/tool-state.ts';
import { readReferences } from './env-values.ts';

type At = (segments: (string | number)[], message: string) => Problem;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The `$VAR`/`${VAR}` references in the scenario's and each variant's `env` (`raw`: the file as parsed),
 * positioned by `at`: `problems` for malformed references, `warnings` for variables set nowhere (they expand
 * to "", as in a shell). `environment`: the variables of the run (default: process.env). Never throws.
 */
export function checkEnvValues(opts: { raw: Record<string, unknown>; at: At; environment?: NodeJS.ProcessEnv }): { problems: Problem[]; warnings: Problem[] } {
  const { raw, at } = opts;
  const environment = opts.environment ?? process.env;
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const scenarioEnv = isRecord(raw.env) ? raw.env : {};
  const check = (env: Record<string, unknown>, segments: (string | number)[], alsoSet: string[]) => {
    for (const [key, value] of Object.entries(env)) {
      if (typeof value !== 'string') continue;
      const read = readReferences(value);
      if ('error' in read) {
        problems.push(at([...segments, key], `${read.error} at character ${read.offset + 1}`));
        continue;
      }
      for (const ref of read.refs) {
        if (ref.hasDefault || environment[ref.name] !== undefined || RUN_ENV_NAMES.includes(ref.name) || alsoSet.includes(ref.name)) continue;
        warnings.push(at([...segments, key], `$${ref.name} is not set here, so it expands to an empty string (set it, or write \${${ref.name}:-default})`));
      }
    }
  };
  check(scenarioEnv, ['env'], []);
  const variants = Array.isArray(raw.variants) ? raw.variants : [];
  variants.forEach((v, i) => {
    if (isRecord(v) && isRecord(v.env)) check(v.env, ['variants', i, 'env'], Object.keys(scenarioEnv));
  });
  return { problems, warnings };
}
