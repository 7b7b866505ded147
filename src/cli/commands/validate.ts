// `buildbench validate FILE…`: every problem of every file, one per line; exit 2 on any.
import { InputError, formatProblem, type Problem } from '../../common/problem.ts';
import { loadScenarioFile } from '../../scenario/load.ts';
import { stripControl } from '../terminal.ts';

export async function validateCommand(opts: { files: string[] }): Promise<number> {
  const problems: Problem[] = [];
  let variants = 0;
  for (const file of opts.files) {
    const loaded = loadScenarioFile(file);
    problems.push(...loaded.problems);
    variants += loaded.scenario?.variants.length ?? 0;
    // Doubtful, not wrong: said on stderr; the exit code stays 0.
    for (const w of loaded.scenario?.warnings ?? []) process.stderr.write(`warning: ${stripControl(formatProblem(w))}\n`);
  }
  if (problems.length > 0) throw new InputError(problems);
  process.stdout.write(`${opts.files.length} scenario file${opts.files.length === 1 ? '' : 's'} valid (${variants} variants)\n`);
  return 0;
}
