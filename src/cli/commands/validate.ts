// `buildbench validate FILE…`: every problem of every file, one per line; exit 2 on any.
import { InputError, type Problem } from '../../common/problem.ts';
import { loadScenarioFile } from '../../scenario/load.ts';

export async function validateCommand(opts: { files: string[] }): Promise<number> {
  const problems: Problem[] = [];
  let variants = 0;
  for (const file of opts.files) {
    const loaded = loadScenarioFile(file);
    problems.push(...loaded.problems);
    variants += loaded.scenario?.variants.length ?? 0;
  }
  if (problems.length > 0) throw new InputError(problems);
  process.stdout.write(`${opts.files.length} scenario file${opts.files.length === 1 ? '' : 's'} valid (${variants} variants)\n`);
  return 0;
}
