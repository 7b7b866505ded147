// Test helpers for the runner: write a scenario into a temp dir, plan it and run it for real.
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { formatProblem } from '../../src/common/problem.ts';
import { buildPlan } from '../../src/plan/plan.ts';
import { runPlan, type RunOptions } from '../../src/runner/run.ts';
import type { ResultsFile } from '../../src/results/schema.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const FIXTURES = new URL('../fixtures/runner/', import.meta.url).pathname;

/** A temp folder holding `project/` (a copy of a fixture) and `scenario.yaml`. */
export function writeScenario(opts: { yaml: string; fixture?: string }): string {
  const dir = tempDir('bb-run-');
  cpSync(path.join(FIXTURES, opts.fixture ?? 'sh'), path.join(dir, 'project'), { recursive: true });
  const file = path.join(dir, 'scenario.yaml');
  writeFileSync(file, opts.yaml);
  return file;
}

export async function runScenario(opts: { file: string; seed?: number } & Partial<RunOptions>): Promise<ResultsFile> {
  const loaded = loadScenarioFile(opts.file);
  if (!loaded.scenario) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  const dir = path.dirname(opts.file);
  const plan = buildPlan({ scenarios: [loaded.scenario], runId: 'test', seed: opts.seed ?? 7, outDir: path.join(dir, 'out'), workRoot: path.join(dir, 'work') });
  return runPlan({
    plan,
    tool: { name: 'buildbench', version: 'test' },
    checkTool: async (name) => ({ name, version: null, path: name === 'no-such-tool' ? null : `/usr/bin/${name}` }),
    cwd: dir,
    ...opts,
  });
}

/** Processes whose command line contains `token` (to look for survivors). */
export function processesMatching(token: string): string[] {
  try {
    return execFileSync('pgrep', ['-af', token], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter((l) => l && !l.includes('pgrep'));
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}
