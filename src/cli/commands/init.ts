// `buildbench init [DIR]`: write scenarios/*.yaml for a project from the presets that fit it, then print the
// next two commands as typed from here.
import path from 'node:path';
import { initProject } from '../../init/init.ts';
import type { InitAnswers } from '../../init/propose.ts';
import { buildbenchCommand, setupCommand } from '../../common/where.ts';
import { EXIT } from '../exit-codes.ts';
import { stripControlLines } from '../terminal.ts';

/**
 * `init [DIR]`: writes scenarios/*.yaml for the project in `dir` (replacing files only with `force`) and prints
 * what it wrote and the next two commands, as typed from the current folder; returns EXIT.ok.
 * Errors: InputError when `dir` does not exist, nothing in it can be benchmarked, or a file exists without `force`.
 */
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
  // From the project folder a plain `run` finds the default scenarios itself; from elsewhere, name them. When
  // none is a default (a Python project with no web app gets python-env only), a plain `run` would find
  // nothing: name what was written.
  const inProject = path.resolve(opts.dir) === path.resolve(cwd);
  const toRun = result.defaults.length === 0 ? result.written : inProject ? [] : result.defaults;
  out.push(`  ${setupCommand({ cwd, scenarios: result.written.map(rel) })}`);
  out.push(`  ${[`${buildbenchCommand({ cwd })} run`, ...toRun.map(rel)].join(' ')}`);
  process.stdout.write(`${stripControlLines(out.join('\n'))}\n`);
  return EXIT.ok;
}
