// The command line: parses flags, calls one command, and is the only place that turns errors into messages
// and exit codes (0 ok; 1 a failed variant or a regression; 2 bad input; 130 interrupted).
import yargs, { type Argv } from 'yargs';
import { InputError, formatProblem } from '../common/problem.ts';
import { WriteError } from '../common/write-atomic.ts';
import type { RunArgs } from './run-options.ts';
import type { CompareArgs, DashboardArgs, DoctorArgs, HistoryAddArgs, HistoryShowArgs, HistoryThinArgs, ReportArgs, SetupArgs, ShowArgs, ValidateArgs } from './command-options.ts';
import { checkFlags, yargsOptions, type Flag } from './flag-check.ts';
import { COMMANDS, usageOf, type Positional } from './command-words.ts';
import { checkWords } from './check-words.ts';
import { stripControl } from './terminal.ts';
import { TOOL } from './version.ts';
import { initAnswers, type InitArgs } from './init-options.ts';
import { EXIT } from './exit-codes.ts';
import type { CommentArgs } from './comment-options.ts';
import type { BisectArgs } from './bisect-options.ts';

// Commands load on use: `validate` should not pay for chart.js, the canvas and the probes.
const runCommand = async (a: RunArgs) => (await import('./commands/run.ts')).runCommand(a);
const validateCommand = async (a: ValidateArgs) => (await import('./commands/validate.ts')).validateCommand(a);
const reportCommand = async (a: ReportArgs) => (await import('./commands/report.ts')).reportCommand(a);
const compareCommand = async (a: CompareArgs) => (await import('./commands/compare.ts')).compareCommand(a);
const initCommand = async (a: InitArgs) => (await import('./commands/init.ts')).initCommand({ dir: a.dir, force: a.force, answers: initAnswers(a) });
const doctorCommand = async (a: DoctorArgs) => (await import('./commands/doctor.ts')).doctorCommand(a);
const commentCommand = async (a: CommentArgs) => (await import('./commands/comment.ts')).commentCommand(a);
const historyAddCommand = async (a: HistoryAddArgs) => (await import('./commands/history.ts')).historyAddCommand(a);
const historyShowCommand = async (a: HistoryShowArgs) => (await import('./commands/history.ts')).historyShowCommand(a);
const historyThinCommand = async (a: HistoryThinArgs) => (await import('./commands/history-thin.ts')).historyThinCommand(a);
const bisectCommand = async (a: BisectArgs) => (await import('./commands/bisect.ts')).bisectCommand(a);
const dashboardCommand = async (a: DashboardArgs) => (await import('./commands/dashboard.ts')).dashboardCommand(a);
const setupCommand = async (a: SetupArgs) => (await import('./commands/setup.ts')).provisionCommand(a);
const showCommand = async (a: ShowArgs) => (await import('./commands/show.ts')).showCommand(a);

/**
 * Run the command line `argv` (without node and the script) and return its exit code (EXIT: 0, 1, 2, or
 * 128 + the signal for an interrupted run). Never throws: bad input is one line per problem on stderr and 2;
 * anything else is an internal error, one line and 1.
 */
export async function main(argv: string[]): Promise<number> {
  const wrong = checkWords(argv, process.cwd());
  if (wrong.length > 0) {
    for (const line of wrong) process.stderr.write(`${stripControl(line)}\n`);
    return EXIT.badInput;
  }
  let exitCode: number = EXIT.ok;
  const set = (p: Promise<number>) => p.then((code) => void (exitCode = code));
  const cli = yargs(argv)
    .scriptName('buildbench')
    .usage('$0 <command> [options]\n\nMeasure build pipelines as they really run, compare their variants, and report.')
    .command([usageOf(COMMANDS.run), '$0'], 'build every variant of the scenarios several times, interleaved, and report', declare(COMMANDS.run), (args) => set(runCommand({ ...args, scenarios: list(args.scenarios) })))
    .command(usageOf(COMMANDS.validate), 'check scenario files (and .buildbench/acknowledged.yaml) and print every problem (exit 2 on any)', declare(COMMANDS.validate), (args) => set(validateCommand({ ...args, files: list(args.files) })))
    .command(
      usageOf(COMMANDS.show),
      'print each scenario as it will run: presets expanded, every variant\'s commands in full (set-up, build, clean, caches, mutate, smoke), the placeholders they use, and where each value came from (the file\'s line, the preset, a default)',
      declare(COMMANDS.show),
      (args) => set(showCommand({ ...args, files: list(args.files) })),
    )
    .command(usageOf(COMMANDS.report), 're-render HTML, PNG and Markdown from one or more results files (several runs or machines merge)', declare(COMMANDS.report), (args) => set(reportCommand({ ...args, results: list(args.results) })))
    .command(usageOf(COMMANDS.compare), 'compare two runs variant by variant; exit 1 on a regression past the threshold', declare(COMMANDS.compare), (args) => set(compareCommand({ ...args, baseline: word(args.baseline), current: word(args.current) })))
    .command('history', 'keep compact records of runs and find where a series changed', (y: Argv) =>
      y
        .command(usageOf(COMMANDS.historyAdd, { name: 'add' }), 'append a compact record of each run to a history folder', declare(COMMANDS.historyAdd), (args) => set(historyAddCommand({ ...args, results: list(args.results) })))
        .command(usageOf(COMMANDS.historyThin, { name: 'thin' }), 'remove old runs by rule, keeping those beside every change point', declare(COMMANDS.historyThin), (args) => set(historyThinCommand({ ...args, dir: word(args.dir) })))
        .command(usageOf(COMMANDS.history, { name: '$0' }), 'list the runs of a history folder, its change points and creeps', declare(COMMANDS.history), (args) => set(historyShowCommand({ ...args, dir: word(args.dir) }))),
    )
    .command(
      usageOf(COMMANDS.dashboard),
      'write a static site of a history folder: per scenario, a chart per metric over the runs with its change points',
      declare(COMMANDS.dashboard),
      (args) => set(dashboardCommand({ ...args, dir: word(args.dir) })),
    )
    .command(
      usageOf(COMMANDS.setup),
      'provision what the scenarios require (tool env, wheelhouse, cargo fetch, Debian packages as root), idempotently. Exit 0 when complete; 3 when something is still missing: the last line names the variants run will record unavailable (run still measures the rest); 1 when a step fails',
      declare(COMMANDS.setup),
      (args) => set(setupCommand({ ...args, scenarios: list(args.scenarios) })),
    )
    .command(usageOf(COMMANDS.init), 'write scenarios/*.yaml for a project from the presets that fit it (asks nothing; each guess has a flag)', declare(COMMANDS.init), (args) => set(initCommand({ ...args, dir: word(args.dir) })))
    .command(usageOf(COMMANDS.doctor), 'list every tool the scenarios need: found or not, version, path, how to install', declare(COMMANDS.doctor), (args) =>
      set(doctorCommand({ ...args, scenarios: list(args.scenarios) })),
    )
    .command(
      usageOf(COMMANDS.bisect),
      'find the first commit between --good and --bad where a variant got slower, each step decided by the statistics (builds in git worktrees)',
      declare(COMMANDS.bisect),
      (args) => set(bisectCommand({ ...args, scenarios: list(args.scenarios) })),
    )
    .command(
      usageOf(COMMANDS.comment),
      'post a run\'s summary.md as one comment on the pull request, updated in place on every push (token: $GITHUB_TOKEN)',
      declare(COMMANDS.comment),
      (args) => set(commentCommand(args)),
    )
    .strict()
    .recommendCommands()
    .help()
    .alias('h', 'help')
    // buildbench's own version: yargs would otherwise read the package.json nearest the current directory,
    // which inside a user's project is the project's.
    .version(TOOL.version)
    .wrap(Math.min(110, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((message, error) => {
      // yargs' own complaints (a flag given no value) come as a YError: bad input, not a bug.
      throw error && error.name !== 'YError' ? error : new UsageError(message ?? error?.message);
    });
  try {
    await cli.parseAsync();
    return exitCode;
  } catch (err) {
    return reportError(err);
  }
}

/**
 * A command's builder for yargs from its one declaration (command-words.ts): its positionals, its flags as yargs
 * reads them (yargsOptions) and their values' checks (checkFlags).
 */
function declare<F extends Record<string, Flag>>(command: { positionals: Positional[]; flags: F }) {
  return (y: Argv) => {
    const withWords = command.positionals.reduce(
      (a, p) => a.positional(p.name, { type: 'string', describe: p.what, ...(p.list ? { array: true } : {}), ...(p.required ? { demandOption: true } : {}), ...(p.default !== undefined ? { default: p.default } : {}) }),
      y,
    );
    return withWords.options(yargsOptions(command.flags)).check(checkFlags(command.flags));
  };
}

/** A list positional's words (none when not given). */
const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)]);
/** A single positional's word. */
const word = (value: unknown): string => String(value ?? '');

class UsageError extends Error {}

function reportError(err: unknown): number {
  if (err instanceof WriteError) {
    // A full disk, a read-only folder: the file and the reason in one line, not an internal error.
    process.stderr.write(`buildbench: ${stripControl(err.message)}\n`);
    return EXIT.failed;
  }
  if (err instanceof InputError) {
    for (const p of err.problems) process.stderr.write(`${stripControl(formatProblem(p))}\n`);
    return EXIT.badInput;
  }
  if (err instanceof UsageError) {
    process.stderr.write(`buildbench: ${stripControl(err.message)} (see buildbench --help)\n`);
    return EXIT.badInput;
  }
  // Anything else is a bug in buildbench: one line, plus the stack only when asked for.
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`buildbench: internal error: ${stripControl(message.split('\n')[0] ?? '')}\n`);
  if (process.env.BUILDBENCH_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  return EXIT.failed;
}
