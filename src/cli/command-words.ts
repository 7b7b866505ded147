// Every command's words, declared once: its name, its positional arguments (what each is, in words) and its
// flags. main.ts declares the commands to yargs from this table, and check-words.ts reads the same table to
// name a mistyped command, an unknown option or a missing argument before yargs answers with its own generic
// wording ("Not enough non-option arguments: got 0, need at least 1").
import type { Flag } from './flag-check.ts';
import { RUN_OPTIONS } from './run-options.ts';
import { COMPARE_OPTIONS, DASHBOARD_OPTIONS, DOCTOR_OPTIONS, HISTORY_ADD_OPTIONS, HISTORY_SHOW_OPTIONS, HISTORY_THIN_OPTIONS, REPORT_OPTIONS, SETUP_OPTIONS, SHOW_OPTIONS, VALIDATE_OPTIONS } from './command-options.ts';
import { INIT_OPTIONS } from './init-options.ts';
import { BISECT_OPTIONS } from './bisect-options.ts';
import { COMMENT_OPTIONS } from './comment-options.ts';

/** One positional argument: its name in the usage line, what it is (said when it is missing), and its shape. */
export interface Positional {
  name: string;
  what: string;
  /** Must be given (`<name>`); else optional (`[name]`). */
  required?: boolean;
  /** Takes every remaining word (`name..`). */
  list?: boolean;
  /** A folder that must exist: a missing one is named before the command runs (a typo would read as empty). */
  existingFolder?: boolean;
  /** The value when not given. */
  default?: string;
}

/** A command as the command line knows it: `name` is its words after `buildbench` (`history add`). */
export interface CommandWords {
  name: string;
  positionals: Positional[];
  flags: Record<string, Flag>;
}

const scenarios = (what: string): Positional => ({ name: 'scenarios', list: true, what: `scenario files or names in scenarios/ (default: ${what})` });
const historyFolder: Positional = { name: 'dir', required: true, existingFolder: true, what: 'the history folder' };
const results: Positional = { name: 'results', required: true, list: true, what: 'results.json files or run folders' };

/** Every command, in the order `--help` lists them; `run` is also what a bare `buildbench` runs. */
export const COMMANDS = {
  run: { name: 'run', positionals: [scenarios('those marked default: true')], flags: RUN_OPTIONS },
  validate: { name: 'validate', positionals: [{ name: 'files', required: true, list: true, what: 'the scenario files (or .buildbench/acknowledged.yaml) to check' }], flags: VALIDATE_OPTIONS },
  show: { name: 'show', positionals: [{ name: 'files', list: true, what: 'scenario files or names in scenarios/ (default: every file there)' }], flags: SHOW_OPTIONS },
  report: { name: 'report', positionals: [results], flags: REPORT_OPTIONS },
  compare: {
    name: 'compare',
    positionals: [
      { name: 'baseline', required: true, what: 'the earlier results file or run folder' },
      { name: 'current', required: true, what: 'the results file or run folder compared with it' },
    ],
    flags: COMPARE_OPTIONS,
  },
  historyAdd: { name: 'history add', positionals: [results], flags: HISTORY_ADD_OPTIONS },
  historyThin: { name: 'history thin', positionals: [historyFolder], flags: HISTORY_THIN_OPTIONS },
  history: { name: 'history', positionals: [historyFolder], flags: HISTORY_SHOW_OPTIONS },
  dashboard: { name: 'dashboard', positionals: [historyFolder], flags: DASHBOARD_OPTIONS },
  setup: { name: 'setup', positionals: [scenarios('all of them')], flags: SETUP_OPTIONS },
  init: { name: 'init', positionals: [{ name: 'dir', default: '.', what: 'the project folder' }], flags: INIT_OPTIONS },
  doctor: { name: 'doctor', positionals: [scenarios('all of them')], flags: DOCTOR_OPTIONS },
  bisect: { name: 'bisect', positionals: [scenarios('those marked default: true')], flags: BISECT_OPTIONS },
  comment: { name: 'comment', positionals: [], flags: COMMENT_OPTIONS },
} satisfies Record<string, CommandWords>;

/** The usage of a command's words for yargs: `compare <baseline> <current>`, `run [scenarios..]`. */
export function usageOf(command: CommandWords, opts: { name?: string } = {}): string {
  const words = command.positionals.map((p) => {
    const inner = `${p.name}${p.list ? '..' : ''}`;
    return p.required ? `<${inner}>` : `[${inner}]`;
  });
  return [opts.name ?? command.name, ...words].join(' ');
}
