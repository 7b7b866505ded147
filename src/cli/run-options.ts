// The flags of `buildbench run` (and the statistics flags `compare` shares), kept apart from the command so
// `--help` loads nothing heavy. Each flag carries the check of its value (flag-check.ts); the type of the
// parsed arguments (`RunArgs`) is derived from this one declaration.
import { CACHE_STATES } from '../results/cache-states.ts';
import { nonEmpty, numberIn, oneOf, type Flag, type FlagValues } from './flag-check.ts';
import { parseShard } from '../plan/shard.ts';
import { DEFAULT_INTERFERENCE_THRESHOLD_PCT } from '../runner/remeasure.ts';
import { earliestDifferenceStop } from '../stats/index.ts';

/** The verdict settings `run` and `compare` share. */
export const STATS_OPTIONS = {
  threshold: { type: 'number', describe: 'slowdown in % that counts as a regression (default: the noise band)', check: numberIn({ min: 0 }) },
  noise: { type: 'number', default: 2, describe: 'noise band in %: smaller differences are "no difference"', check: numberIn({ min: 0, below: 100 }) },
  // Below 0.5: the "no difference" verdict reads a 1−2α interval (two one-sided tests), which needs 1−2α > 0.
  alpha: { type: 'number', default: 0.05, describe: 'significance level of the verdicts (0 < alpha < 0.5)', check: numberIn({ above: 0, below: 0.5 }) },
} satisfies Record<string, Flag>;

const count = (min: number, max?: number) => numberIn({ min, max, integer: true });

export const RUN_OPTIONS = {
  all: { type: 'boolean', default: false, describe: 'every scenario file in scenarios/, not only the default ones' },
  runs: {
    type: 'string',
    describe: 'measured builds per variant, or "auto" (adds rounds until the verdicts are decided)',
    check: (v) => (v === 'auto' || /^\d+$/.test(String(v)) && Number(v) >= 1 ? undefined : `must be a whole number ≥ 1 or "auto" (got "${String(v)}")`),
  },
  'min-runs': {
    type: 'number',
    default: 4,
    describe: `with --runs auto: rounds before the first check. Before --max-runs a faster/slower stop needs p ≤ 0.1·α/(max − min): with the defaults the earliest is round ${earliestDifferenceStop({ alpha: 0.05, minRuns: 4, maxRuns: 20 })} ("no difference" can stop from --min-runs on)`,
    check: count(2, 1000),
  },
  'max-runs': { type: 'number', default: 20, describe: 'with --runs auto: the most rounds', check: count(2, 1000) },
  'target-ci': { type: 'number', default: 2, describe: 'with --runs auto and nothing to compare (no baseline): stop when every median’s 95% interval half-width is within this %', check: numberIn({ above: 0, max: 100 }) },
  warmup: { type: 'number', describe: 'unmeasured builds per variant before the rounds', check: count(0, 100) },
  only: { type: 'string', array: true, describe: 'keep variant ids matching this glob, e.g. "sidecar/*@cold" (repeat the flag for more)', check: nonEmpty },
  cache: { type: 'string', describe: `cache states to run: a comma list of ${CACHE_STATES.join(', ')}`, check: oneOf(CACHE_STATES, { list: true }) },
  quick: {
    type: 'boolean',
    default: false,
    describe:
      "a first look that can still decide: each scenario in one cache state where every variant does the same work (its baseline's incremental state, else cold, else its warmest; --cache overrides); " +
      '4 measured builds per variant, the fewest that can show faster or slower at α = 0.05 (--runs overrides); no warm-up where that state is cold, since a cold build starts from a clean tree and a build before it primes nothing, ' +
      'and only the one full first build an incremental state needs (--warmup overrides); start-up launched at most 4 times first and 4 warm per artifact. ' +
      'The dry run and the first lines say how many builds that is and by which build every variant is timed',
  },
  seed: { type: 'number', describe: 'seed of the shuffled order (default: random, recorded)', check: count(0, 2 ** 31 - 1) },
  out: { type: 'string', describe: 'output folder (default: reports/<runId>)', check: nonEmpty },
  baseline: { type: 'string', describe: 'compare with an earlier results file or run folder', check: nonEmpty },
  history: { type: 'string', describe: 'append a record of this run to a history folder, compare with its last runs, and look for change points and creeps (buildbench history)', check: nonEmpty },
  'history-k': { type: 'number', default: 5, describe: 'how many of the last history runs form the baseline', check: count(1) },
  'fail-on-regression': { type: 'boolean', default: false, describe: 'exit 1 when a variant is slower than --baseline/--history or a later --ref than the first, or the --history shows a change point at its newest runs or a creep past --threshold' },
  confirm: {
    type: 'number',
    default: 0,
    describe: 'with --fail-on-regression: before failing, measure the slower variants again in a second run of this many rounds, and fail only when it finds them slower too (0: off)',
    check: count(0, 1000),
  },
  ...STATS_OPTIONS,
  ref: { type: 'string', array: true, describe: 'benchmark the scenarios at these git refs, interleaved (repeatable)', check: nonEmpty },
  shard: {
    type: 'string',
    describe: 'measure the i-th of n parts of the plan, e.g. 1/4 (split by scenario × cache state, balanced by the estimate; merge with `buildbench report`)',
    check: (value) => (parseShard(String(value)) ? undefined : `must be i/n with 1 ≤ i ≤ n, e.g. 1/4 (got ${JSON.stringify(value)})`),
  },
  'dry-run': { type: 'boolean', default: false, describe: 'print the plan and an estimate of its time; run nothing' },
  json: { type: 'boolean', default: false, describe: 'print the results file on stdout (progress stays on stderr); with --dry-run, the plan as JSON' },
  'min-free-gb': { type: 'number', default: 2, describe: 'warn when the disk under the out dir or the workdirs has less free space', check: numberIn({ min: 0 }) },
  timeout: {
    type: 'number',
    default: 3600,
    describe: 'seconds a build or set-up may run before its whole process group is killed, where the scenario sets no timeoutS (default one hour)',
    check: numberIn({ above: 0, max: 86_400 }),
  },
  'interference-threshold': {
    type: 'string',
    default: String(DEFAULT_INTERFERENCE_THRESHOLD_PCT),
    describe: 're-measure (at the end of its round, twice at most) a build during which other processes used more than this % of one core; 0 or "off": never',
    check: (v) => (v === 'off' || (/^\d+(\.\d+)?$/.test(String(v)) && Number(v) <= 10_000) ? undefined : `must be a % of one core (0–10000) or "off" (got "${String(v)}")`),
  },
  'keep-workdirs': { type: 'boolean', default: false, describe: 'keep the per-variant copies of the projects after the run' },
} satisfies Record<string, Flag>;

/** The parsed arguments of `buildbench run`: every flag above by its camelCase name, and the scenarios named. */
export type RunArgs = FlagValues<typeof RUN_OPTIONS> & { scenarios?: string[] };
