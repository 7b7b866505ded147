// `buildbench init [DIR]`: write scenarios/*.yaml for a project from the presets that fit it, then print the
// next two commands as typed from here.
import path from 'node:path';
import { initProject } from '../../init/init.ts';
import type { InitAnswers } from '../../init/propose.ts';
import { buildbenchCommand, setupCommand } from '../../toolchain/index.ts';

export async function initCommand(opts: { dir: string; force: boolean; answers: InitAnswers }): Promise<number> {
  const cwd = process.cwd();
  const result = initProject({ dir: opts.dir, force: opts.force, answers: opts.answers });
  const rel = (file: string) => path.relative(cwd, file);
  const out = [
    ...result.written.map((f) => `wrote ${rel(f)}`),
    ...result.notes.map((n) => `note: ${n}`),
    '',
    'Check the guesses (comments in each file), then:',
  ];
  // From the project folder a plain `run` finds the default scenarios itself; from elsewhere, name them.
  const inProject = path.resolve(opts.dir) === path.resolve(cwd);
  out.push(`  ${setupCommand({ cwd, scenarios: result.written.map(rel) })}`);
  out.push(`  ${buildbenchCommand({ cwd })} run${inProject ? '' : ` ${result.defaults.map(rel).join(' ')}`}`);
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
