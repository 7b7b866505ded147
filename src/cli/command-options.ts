// The flags of `report`, `compare`, `setup`, `validate`, `doctor`, `history`, `dashboard` and `show`, declared
// once each: yargs reads them, checkFlags checks their values (flag-check.ts), and each command's argument type
// is derived from the same object.
import { isReportUrl } from '../history/make-record.ts';
import { REPORT_FORMATS } from '../report/formats.ts';
import { COMPONENTS } from '../tools/setup/components.ts';
import { nonEmpty, numberIn, oneOf, type Flag, type FlagValues } from './flag-check.ts';
import { STATS_OPTIONS } from './run-options.ts';

export const SETUP_OPTIONS = {
  check: { type: 'boolean', default: false, describe: 'report only, change nothing; exit 1 when something is missing' },
  only: { type: 'string', describe: `run only these components, a comma list of ${COMPONENTS.join(', ')}`, check: oneOf(COMPONENTS, { list: true }) },
  skip: { type: 'string', describe: 'skip these components (same names as --only)', check: oneOf(COMPONENTS, { list: true }) },
  apt: { type: 'string', describe: 'more Debian packages to install with the scenarios’ own, a comma list', check: nonEmpty },
} satisfies Record<string, Flag>;

/** The parsed arguments of `buildbench setup`; `scenarios` is empty for every file in scenarios/. */
export type SetupArgs = FlagValues<typeof SETUP_OPTIONS> & { scenarios: string[] };

export const VALIDATE_OPTIONS = {
  strict: { type: 'boolean', default: false, describe: 'count warnings (a variable set nowhere, a doubtful setting) as problems: exit 2 on any' },
} satisfies Record<string, Flag>;

/** The parsed arguments of `buildbench validate`: the files to check. */
export type ValidateArgs = FlagValues<typeof VALIDATE_OPTIONS> & { files: string[] };

export const DOCTOR_OPTIONS = {
  noise: { type: 'boolean', default: false, describe: 'check instead what makes build times noisy here (governor, turbo, SMT, load, memory, quota, busy processes); changes nothing' },
} satisfies Record<string, Flag>;

/** The parsed arguments of `buildbench doctor`: scenario files or names (none: every file in scenarios/). */
export type DoctorArgs = FlagValues<typeof DOCTOR_OPTIONS> & { scenarios: string[] };

export const REPORT_OPTIONS = {
  out: { type: 'string', describe: 'output folder (default: the folder of the first results file)', check: nonEmpty },
  history: { type: 'string', describe: 'folder of earlier results for trend charts', check: nonEmpty },
  format: { type: 'string', describe: `formats to write, a comma list of ${REPORT_FORMATS.join(', ')} (default: all)`, check: oneOf(REPORT_FORMATS, { list: true }) },
} satisfies Record<string, Flag>;

/** The parsed arguments of `buildbench report`: results files or run folders, and the flags above. */
export type ReportArgs = FlagValues<typeof REPORT_OPTIONS> & { results: string[] };

export const COMPARE_OPTIONS = {
  ...STATS_OPTIONS,
  'fail-on-regression': { type: 'boolean', default: true, describe: 'exit 1 on a regression (--no-fail-on-regression to only report)' },
} satisfies Record<string, Flag>;

/** The parsed arguments of `buildbench compare`: two results files (or run folders) and the flags above. */
export type CompareArgs = FlagValues<typeof COMPARE_OPTIONS> & { baseline: string; current: string };

export const HISTORY_ADD_OPTIONS = {
  to: { type: 'string', demandOption: true, describe: 'the history folder (created if needed)', check: nonEmpty },
  runner: { type: 'string', describe: 'label of the machine kind; series are kept apart per runner (default: "<os> <arch> <cores> cores")', check: nonEmpty },
  branch: { type: 'string', describe: 'the branch measured (default: the one results.json recorded)', check: nonEmpty },
  commit: { type: 'string', describe: 'the commit measured (default: the one results.json recorded)', check: nonEmpty },
  'report-url': {
    type: 'string',
    describe: 'where the run’s report.html is kept: an http(s) URL, or a path relative to the history folder; the dashboard links each point to it (default: none kept)',
    check: (value: unknown) => (typeof value === 'string' && isReportUrl(value) ? undefined : `must be an http(s) URL or a relative path with no spaces or quotes (got ${JSON.stringify(value)})`),
  },
} satisfies Record<string, Flag>;

/** The parsed arguments of `buildbench history add`. */
export type HistoryAddArgs = FlagValues<typeof HISTORY_ADD_OPTIONS> & { results: string[] };

export const HISTORY_SHOW_OPTIONS = {
  noise: STATS_OPTIONS.noise,
  alpha: STATS_OPTIONS.alpha,
  json: { type: 'boolean', default: false, describe: 'print the runs, change points and creeps as JSON' },
} satisfies Record<string, Flag>;

/** The parsed arguments of `buildbench history DIR`. */
export type HistoryShowArgs = FlagValues<typeof HISTORY_SHOW_OPTIONS> & { dir: string };

export const DASHBOARD_OPTIONS = {
  out: { type: 'string', demandOption: true, describe: 'the folder the site is written to (created): index.html and one page per scenario' },
  'last-runs': { type: 'number', describe: 'seek change points and creeps in the last N runs of each runner only (older runs are drawn, not analysed; default: every run)', check: numberIn({ min: 4 }) },
  noise: STATS_OPTIONS.noise,
  alpha: STATS_OPTIONS.alpha,
} satisfies Record<string, Flag>;

/** The parsed arguments of `buildbench dashboard DIR --out SITE`. */
export type DashboardArgs = FlagValues<typeof DASHBOARD_OPTIONS> & { dir: string };

export const SHOW_OPTIONS = {
  json: { type: 'boolean', default: false, describe: 'print the scenarios as JSON (every variant\'s commands, env, placeholders) instead of text' },
} satisfies Record<string, Flag>;

/** The parsed arguments of `buildbench show`: scenario files or names (none: every file in scenarios/). */
export type ShowArgs = FlagValues<typeof SHOW_OPTIONS> & { files: string[] };

export const HISTORY_THIN_OPTIONS = {
  'keep-days': { type: 'number', demandOption: true, describe: 'keep every run of the last N days (before the newest run); older: the last run of each day per runner, and the runs beside each change point', check: numberIn({ min: 0 }) },
  'dry-run': { type: 'boolean', default: false, describe: 'say what would be removed; remove nothing' },
  noise: STATS_OPTIONS.noise,
  alpha: STATS_OPTIONS.alpha,
} satisfies Record<string, Flag>;

/** The parsed arguments of `buildbench history thin DIR`. */
export type HistoryThinArgs = FlagValues<typeof HISTORY_THIN_OPTIONS> & { dir: string };
