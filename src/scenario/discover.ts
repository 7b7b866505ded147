// Which scenario files a command means: explicit files, names of files in scenarios/, or (with none given)
// the files marked `default: true`, each with the variants and cache states its `default` keeps; `--all` takes
// every file there, whole.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError, readEach, type Problem } from '../common/problem.ts';
import { loadScenarioFile } from './load.ts';
import { checkNeeds, includeProducers, neededScenarioNames } from './needs.ts';
import type { Scenario } from './scenario.ts';
import { variantId } from '../results/variant-id.ts';

/** The folder of a project's scenario files: `<cwd>/scenarios` (absolute when `cwd` is). */
export function scenarioDir(cwd: string): string {
  return path.join(cwd, 'scenarios');
}

function listScenarioFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/** A file path as given, or a name of a file in scenarios/ (a folder called `app` does not hide `scenarios/app.yaml`). */
function resolveArgument(arg: string, dir: string): string {
  if ((existsSync(arg) && statSync(arg).isFile()) || /[\\/]|\.ya?ml$/.test(arg)) return arg;
  for (const ext of ['.yaml', '.yml']) {
    const candidate = path.join(dir, arg + ext);
    if (existsSync(candidate)) return path.relative(process.cwd(), candidate);
  }
  return arg;
}

/** A default scenario as a plain run measures it: variants narrowed to their `default` cache states. */
function plainRun(scenario: Scenario): Scenario {
  const variants = scenario.variants.filter((v) => v.plainStates.length > 0).map((v) => ({ ...v, cacheStates: v.plainStates }));
  return { ...scenario, variants };
}

/** What a plain run leaves out of a default scenario: `scenario/variant@state` ids, for the plan's header. */
function leftOutOfPlainRun(scenario: Scenario): string[] {
  return scenario.variants.flatMap((v) => v.cacheStates.filter((c) => !v.plainStates.includes(c)).map((cache) => variantId({ scenario: scenario.name, variant: v.name, cache })));
}

export interface Selection {
  scenarios: Scenario[];
  /** Variant ids of the default scenarios that a plain run leaves out (their `default`); empty otherwise. */
  leftOut: string[];
  /** `name/*` of each scenario a plain run leaves out whole (no `default: true`); empty otherwise. */
  notDefault: string[];
}

export const PLAIN_LEFT_OUT = 'not in a plain run: --all or naming the scenario file runs them';
export const NOT_DEFAULT_LEFT_OUT = 'scenarios without default: true: --all or naming the scenario file runs them';

/**
 * The scenario files a command names: files as given, names of files in scenarios/, or with none every file
 * there (paths relative to `cwd`). Errors: InputError when there are none.
 */
export function scenarioFiles(opts: { args: string[]; cwd: string }): string[] {
  const dir = scenarioDir(opts.cwd);
  const files = opts.args.length > 0 ? opts.args.map((a) => resolveArgument(a, dir)) : listScenarioFiles(dir).map((f) => path.relative(opts.cwd, f));
  if (files.length === 0) throw new InputError([{ file: dir, message: 'no scenario files found (give a file, or add scenarios/*.yaml)' }]);
  return files;
}

/** Load the scenarios a command names; every problem of every file is collected before failing. */
export function selectScenarios(opts: { args: string[]; all?: boolean; cwd: string }): Selection {
  const dir = scenarioDir(opts.cwd);
  const explicit = opts.args.length > 0;
  const files = scenarioFiles(opts);
  const scenarios = readEach(files, (file) => {
    const loaded = loadScenarioFile(file);
    return { value: loaded.scenario, problems: loaded.problems };
  });
  const known = withNeededScenarios(scenarios, [dir, ...files.map((f) => path.dirname(f))]);
  const needProblems = checkNeeds(known);
  if (needProblems.length > 0) throw new InputError(needProblems);
  const plain = !explicit && !opts.all;
  const chosen = includeProducers(plain ? scenarios.filter((s) => s.default).map(plainRun) : scenarios, known);
  if (chosen.length === 0) throw new InputError([{ file: dir, message: 'no scenario is marked default: true (name one, or use --all)' }]);
  const names = new Map<string, string>();
  const problems: Problem[] = [];
  for (const s of chosen) {
    const other = names.get(s.name);
    if (other) problems.push({ file: s.file, message: `scenario name "${s.name}" is also used by ${other}` });
    names.set(s.name, s.file);
  }
  if (problems.length > 0) throw new InputError(problems);
  const leftOut = plain ? scenarios.filter((s) => s.default).flatMap(leftOutOfPlainRun) : [];
  // A scenario file without `default: true` is left out whole: said by name (`python-env/*`), not silently.
  const chosenNames = new Set(chosen.map((s) => s.name));
  const notDefault = plain ? scenarios.filter((s) => !s.default && !chosenNames.has(s.name)).map((s) => `${s.name}/*`) : [];
  return { scenarios: chosen, leftOut, notDefault };
}

/**
 * The loaded scenarios plus the scenario files in `dirs` that their `needs` name and that were not loaded
 * (a consumer named alone brings its producers' files). A sibling file that does not load is skipped here:
 * a reference to a scenario it would have held is reported as unknown by checkNeeds.
 */
export function withNeededScenarios(loaded: readonly Scenario[], dirs: readonly string[]): Scenario[] {
  const known = new Map(loaded.map((s) => [s.name, s]));
  const siblings = [...new Set(dirs.flatMap((d) => listScenarioFiles(d)).map((f) => path.resolve(f)))];
  let missing = neededScenarioNames([...known.values()]).filter((n) => !known.has(n));
  for (const file of siblings) {
    if (missing.length === 0) break;
    if ([...known.values()].some((s) => s.path === file)) continue;
    const { scenario } = loadScenarioFile(path.relative(process.cwd(), file));
    if (!scenario || known.has(scenario.name) || !missing.includes(scenario.name)) continue;
    known.set(scenario.name, scenario);
    missing = neededScenarioNames([...known.values()]).filter((n) => !known.has(n));
  }
  return [...known.values()];
}
