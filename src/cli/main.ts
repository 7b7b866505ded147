// The command line: parses flags, calls one command, and is the only place that turns errors into messages
// and exit codes (0 ok; 1 a failed variant or a regression; 2 bad input; 130 interrupted).
import yargs, { type Argv } from 'yargs';
import { InputError, formatProblem } from '../common/problem.ts';
import { WriteError } from '../common/write-atomic.ts';
import { RUN_OPTIONS, type RunArgs } from './run-options.ts';
import { COMPARE_OPTIONS, REPORT_OPTIONS, SETUP_OPTIONS, type CompareArgs, type ReportArgs, type SetupArgs } from './command-options.ts';
import { DASHBOARD_OPTIONS, type DashboardArgs } from './command-options.ts';
import { HISTORY_ADD_OPTIONS, HISTORY_SHOW_OPTIONS, HISTORY_THIN_OPTIONS, SHOW_OPTIONS, type HistoryAddArgs, type HistoryShowArgs, type HistoryThinArgs, type ShowArgs } from './command-options.ts';
import { checkFlags, yargsOptions } from './flag-check.ts';
import { stripControl } from './terminal.ts';
import { TOOL } from './version.ts';
import { INIT_OPTIONS, initAnswers, type InitArgs } from './init-options.ts';
import { EXIT } from './exit-codes.ts';
import { COMMENT_OPTIONS, type CommentArgs } from './comment-options.ts';
import { BISECT_OPTIONS, type BisectArgs } from './bisect-options.ts';

// Commands load on use: `validate` should not pay for chart.js, the canvas and the probes.
const runCommand = async (a: RunArgs) => (await import('./commands/run.ts')).runCommand(a);
const validateCommand = async (a: { files: string[] }) => (await import('./commands/validate.ts')).validateCommand(a);
const reportCommand = async (a: ReportArgs) => (await import('./commands/report.ts')).reportCommand(a);
const compareCommand = async (a: CompareArgs) => (await import('./commands/compare.ts')).compareCommand(a);
const initCommand = async (a: InitArgs) => (await import('./commands/init.ts')).initCommand({ dir: a.dir, force: a.force, answers: initAnswers(a) });
const doctorCommand = async (a: { scenarios: string[]; noise?: boolean }) => (await import('./commands/doctor.ts')).doctorCommand(a);
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
  let exitCode: number = EXIT.ok;
  const set = (p: Promise<number>) => p.then((code) => void (exitCode = code));
  const cli = yargs(argv)
    .scriptName('buildbench')
    .usage('$0 <command> [options]\n\nMeasure build pipelines as they really run, compare their variants, and report.')
    .command(
      ['run [scenarios..]', '$0'],
      'build every variant of the scenarios several times, interleaved, and report',
      (y: Argv) => y.positional('scenarios', { type: 'string', array: true, describe: 'scenario files or names in scenarios/ (default: those marked default: true)' }).options(yargsOptions(RUN_OPTIONS)).check(checkFlags(RUN_OPTIONS)),
      (args) => set(runCommand(args)),
    )
    .command(
      'validate <files..>',
      'check scenario files (and .buildbench/acknowledged.yaml) and print every problem (exit 2 on any)',
      (y: Argv) => y.positional('files', { type: 'string', array: true, demandOption: true }),
      (args) => set(validateCommand({ files: args.files })),
    )
    .command(
      'show [files..]',
      'print each scenario as it will run: presets expanded, every variant\'s commands in full (set-up, build, clean, caches, mutate, smoke), the placeholders they use, and where each value came from (the file\'s line, the preset, a default)',
      (y: Argv) =>
        y
          .positional('files', { type: 'string', array: true, describe: 'scenario files or names in scenarios/ (default: every file there)' })
          .options(yargsOptions(SHOW_OPTIONS))
          .check(checkFlags(SHOW_OPTIONS)),
      (args) => set(showCommand({ ...args, files: args.files ?? [] })),
    )
    .command(
      'report <results..>',
      're-render HTML, PNG and Markdown from one or more results files (several runs or machines merge)',
      (y: Argv) =>
        y
          .positional('results', { type: 'string', array: true, demandOption: true, describe: 'results.json files or run folders' })
          .options(yargsOptions(REPORT_OPTIONS))
          .check(checkFlags(REPORT_OPTIONS)),
      (args) => set(reportCommand(args)),
    )
    .command(
      'compare <baseline> <current>',
      'compare two runs variant by variant; exit 1 on a regression past the threshold',
      (y: Argv) =>
        y
          .positional('baseline', { type: 'string', demandOption: true })
          .positional('current', { type: 'string', demandOption: true })
          .options(yargsOptions(COMPARE_OPTIONS))
          .check(checkFlags(COMPARE_OPTIONS)),
      (args) => set(compareCommand(args)),
    )
    .command('history', 'keep compact records of runs and find where a series changed', (y: Argv) =>
      y
        .command(
          'add <results..>',
          'append a compact record of each run to a history folder',
          (h: Argv) => h.positional('results', { type: 'string', array: true, demandOption: true, describe: 'results.json files or run folders' }).options(yargsOptions(HISTORY_ADD_OPTIONS)).check(checkFlags(HISTORY_ADD_OPTIONS)),
          (args) => set(historyAddCommand(args)),
        )
        .command(
          'thin <dir>',
          'remove old runs by rule, keeping those beside every change point',
          (h: Argv) => h.positional('dir', { type: 'string', demandOption: true, describe: 'the history folder' }).options(yargsOptions(HISTORY_THIN_OPTIONS)).check(checkFlags(HISTORY_THIN_OPTIONS)),
          (args) => set(historyThinCommand(args)),
        )
        .command(
          '$0 <dir>',
          'list the runs of a history folder, its change points and creeps',
          (h: Argv) => h.positional('dir', { type: 'string', demandOption: true, describe: 'the history folder' }).options(yargsOptions(HISTORY_SHOW_OPTIONS)).check(checkFlags(HISTORY_SHOW_OPTIONS)),
          (args) => set(historyShowCommand(args)),
        ),
    )
    .command(
      'dashboard <dir>',
      'write a static site of a history folder: per scenario, a chart per metric over the runs with its change points',
      (y: Argv) => y.positional('dir', { type: 'string', demandOption: true, describe: 'the history folder' }).options(yargsOptions(DASHBOARD_OPTIONS)).check(checkFlags(DASHBOARD_OPTIONS)),
      (args) => set(dashboardCommand(args)),
    )
    .command(
      'setup [scenarios..]',
      'provision what the scenarios require (tool env, wheelhouse, cargo fetch, Debian packages as root), idempotently',
      (y: Argv) =>
        y
          .positional('scenarios', { type: 'string', array: true, describe: 'scenario files or names in scenarios/ (default: all of them)' })
          .options(yargsOptions(SETUP_OPTIONS))
          .check(checkFlags(SETUP_OPTIONS)),
      (args) => set(setupCommand({ ...args, scenarios: args.scenarios ?? [] })),
    )
    .command(
      'init [dir]',
      'write scenarios/*.yaml for a project from the presets that fit it (asks nothing; each guess has a flag)',
      (y: Argv) => y.positional('dir', { type: 'string', default: '.', describe: 'the project folder' }).options(yargsOptions(INIT_OPTIONS)).check(checkFlags(INIT_OPTIONS)),
      (args) => set(initCommand(args)),
    )
    .command(
      'doctor [scenarios..]',
      'list every tool the scenarios need: found or not, version, path, how to install',
      (y: Argv) =>
        y
          .positional('scenarios', { type: 'string', array: true })
          .option('noise', { type: 'boolean', default: false, describe: 'check instead what makes build times noisy here (governor, turbo, SMT, load, memory, quota, busy processes); changes nothing' }),
      (args) => set(doctorCommand({ scenarios: args.scenarios ?? [], noise: args.noise })),
    )
    .command(
      'bisect [scenarios..]',
      'find the first commit between --good and --bad where a variant got slower, each step decided by the statistics (builds in git worktrees)',
      (y: Argv) =>
        y
          .positional('scenarios', { type: 'string', array: true, describe: 'scenario files or names in scenarios/ (default: those marked default: true)' })
          .options(BISECT_OPTIONS)
          .check(checkFlags(BISECT_OPTIONS)),
      (args) => set(bisectCommand(args)),
    )
    .command(
      'comment',
      'post a run\'s summary.md as one comment on the pull request, updated in place on every push (token: $GITHUB_TOKEN)',
      (y: Argv) => y.options(yargsOptions(COMMENT_OPTIONS)).check(checkFlags(COMMENT_OPTIONS)),
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
