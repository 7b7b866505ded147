// Which scenario files a command means: explicit files, names of files in scenarios/, or (with none given)
// the files marked `default: true`; `--all` takes every file there.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { InputError, type Problem } from '../common/problem.ts';
import { loadScenarioFile } from './load.ts';
import type { Scenario } from './scenario.ts';

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

function resolveArgument(arg: string, dir: string): string {
  if (existsSync(arg) || /[\\/]|\.ya?ml$/.test(arg)) return arg;
  for (const ext of ['.yaml', '.yml']) {
    const candidate = path.join(dir, arg + ext);
    if (existsSync(candidate)) return path.relative(process.cwd(), candidate);
  }
  return arg;
}

/** Load the scenarios a command names; every problem of every file is collected before failing. */
export function selectScenarios(opts: { args: string[]; all?: boolean; cwd: string }): Scenario[] {
  const dir = scenarioDir(opts.cwd);
  const explicit = opts.args.length > 0;
  const files = explicit ? opts.args.map((a) => resolveArgument(a, dir)) : listScenarioFiles(dir).map((f) => path.relative(opts.cwd, f));
  if (files.length === 0) throw new InputError([{ file: dir, message: 'no scenario files found (give a file, or add scenarios/*.yaml)' }]);
  const problems: Problem[] = [];
  const scenarios: Scenario[] = [];
  for (const file of files) {
    const loaded = loadScenarioFile(file);
    problems.push(...loaded.problems);
    if (loaded.scenario) scenarios.push(loaded.scenario);
  }
  if (problems.length > 0) throw new InputError(problems);
  const chosen = explicit || opts.all ? scenarios : scenarios.filter((s) => s.default);
  if (chosen.length === 0) throw new InputError([{ file: dir, message: 'no scenario is marked default: true (name one, or use --all)' }]);
  const names = new Map<string, string>();
  for (const s of chosen) {
    const other = names.get(s.name);
    if (other) problems.push({ file: s.file, message: `scenario name "${s.name}" is also used by ${other}` });
    names.set(s.name, s.file);
  }
  if (problems.length > 0) throw new InputError(problems);
  return chosen;
}
