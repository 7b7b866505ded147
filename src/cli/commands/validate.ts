// `buildbench validate FILE…`: every problem of every file, one per line; exit 2 on any.
import { InputError, formatProblem, type Problem } from '../../common/problem.ts';
import { loadScenarioFile } from '../../scenario/load.ts';
import { ACKNOWLEDGED_FILE, loadAcknowledged } from '../../scenario/acknowledged.ts';
import { stripControl } from '../terminal.ts';
import path from 'node:path';
import { withNeededScenarios } from '../../scenario/discover.ts';
import { checkNeeds } from '../../scenario/needs.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import { EXIT } from '../exit-codes.ts';
import type { ValidateArgs } from '../command-options.ts';

/**
 * `validate FILE…`: loads every file and checks the needs across them; prints "N scenario files valid (M
 * variants)" and returns EXIT.ok, warnings on stderr. Errors: InputError with every problem of every file, and
 * with `strict` every warning too.
 */
export async function validateCommand(opts: ValidateArgs): Promise<number> {
  const problems: Problem[] = [];
  const scenarios: Scenario[] = [];
  let acknowledgedFiles = 0;
  for (const file of opts.files) {
    // .buildbench/acknowledged.yaml is checked as what it is, not as a scenario.
    if (path.basename(file) === path.basename(ACKNOWLEDGED_FILE)) {
      problems.push(...loadAcknowledged(file).problems);
      acknowledgedFiles++;
      continue;
    }
    const loaded = loadScenarioFile(file);
    problems.push(...loaded.problems);
    if (loaded.scenario) scenarios.push(loaded.scenario);
    // Doubtful, not wrong: said on stderr and the exit code stays 0, unless --strict makes it a problem.
    const warnings = loaded.scenario?.warnings ?? [];
    if (opts.strict) problems.push(...warnings);
    else for (const w of warnings) process.stderr.write(`warning: ${stripControl(formatProblem(w))}\n`);
  }
  // References across files: to the files given, or else to scenario files beside them.
  if (problems.length === 0) problems.push(...checkNeeds(withNeededScenarios(scenarios, opts.files.map((f) => path.dirname(f)))));
  const variants = scenarios.reduce((n, s) => n + s.variants.length, 0);
  if (problems.length > 0) throw new InputError(problems);
  const scenarioFiles = opts.files.length - acknowledgedFiles;
  const parts = [
    ...(scenarioFiles > 0 || acknowledgedFiles === 0 ? [`${scenarioFiles} scenario file${scenarioFiles === 1 ? '' : 's'} valid (${variants} variants)`] : []),
    ...(acknowledgedFiles > 0 ? [`${acknowledgedFiles} acknowledgements file${acknowledgedFiles === 1 ? '' : 's'} valid`] : []),
  ];
  process.stdout.write(`${parts.join(', ')}\n`);
  return EXIT.ok;
}
