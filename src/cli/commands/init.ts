// `buildbench init [DIR]`: write scenarios/*.yaml for a project from the presets that fit it, then print the
// next commands as typed from here: setup, show, a dry run, run.
import path from 'node:path';
import { initProject } from '../../init/init.ts';
import type { InitAnswers } from '../../init/propose.ts';
import { buildbenchCommand, setupCommand } from '../../common/where.ts';
import { EXIT } from '../exit-codes.ts';
import { stripControlLines } from '../terminal.ts';

/**
 * `init [DIR]`: writes scenarios/*.yaml for the project in `dir` (replacing files only with `force`) and prints
 * what it wrote and the next commands (setup, show, run --dry-run, run), as typed from the current folder;
 * returns EXIT.ok.
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
  const toRun = (result.defaults.length === 0 ? result.written : inProject ? [] : result.defaults).map(rel);
  // `show` reads every file in scenarios/ here; from elsewhere, the files written.
  const toShow = inProject ? [] : result.written.map(rel);
  const bb = buildbenchCommand({ cwd });
  out.push(
    ...nextSteps([
      [setupCommand({ cwd, scenarios: result.written.map(rel) }), 'provision the tools they need'],
      [[`${bb} show`, ...toShow].join(' '), 'each scenario as it will run'],
      [[`${bb} run`, ...toRun, '--dry-run'].join(' '), 'the plan and its estimate'],
      [[`${bb} run`, ...toRun].join(' '), 'measure'],
    ]),
  );
  process.stdout.write(`${stripControlLines(out.join('\n'))}\n`);
  return EXIT.ok;
}

/** The commands in the order a new user needs them, each with what it is for after a `#`, aligned unless a command is long. */
function nextSteps(steps: [command: string, why: string][]): string[] {
  const width = Math.min(40, Math.max(...steps.map(([c]) => c.length)));
  return steps.map(([command, why]) => `  ${command.padEnd(width)}  # ${why}`);
}
