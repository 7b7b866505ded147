// The flags of `buildbench run`, kept apart from the command so `--help` loads nothing heavy.
import type { Options } from 'yargs';

export const RUN_OPTIONS: Record<string, Options> = {
  all: { type: 'boolean', default: false, describe: 'every scenario file in scenarios/, not only the default ones' },
  runs: { type: 'string', describe: 'measured builds per variant, or "auto" (adds rounds until the verdicts are decided)' },
  'min-runs': { type: 'number', default: 4, describe: 'with --runs auto: rounds before the first check' },
  'max-runs': { type: 'number', default: 20, describe: 'with --runs auto: the most rounds' },
  'target-ci': { type: 'number', default: 2, describe: 'with --runs auto: stop when every median’s CI half-width is within this %' },
  warmup: { type: 'number', describe: 'unmeasured builds per variant before the rounds' },
  only: { type: 'string', array: true, describe: 'keep variant ids matching these globs, e.g. "sidecar/*@cold"' },
  cache: { type: 'string', describe: 'cache states to run: a comma list of cold, warm, incremental, noop' },
  quick: { type: 'boolean', default: false, describe: 'a first look: 4 runs (the fewest that can give a verdict), no extra warm-ups, one warm start-up launch, and each scenario in its baseline\'s warmest cache state only (unless --cache)' },
  seed: { type: 'number', describe: 'seed of the shuffled order (default: random, recorded)' },
  out: { type: 'string', describe: 'output folder (default: reports/<runId>)' },
  baseline: { type: 'string', describe: 'compare with an earlier results file or run folder' },
  history: { type: 'string', describe: 'append this run to a history folder and compare with its last runs' },
  'history-k': { type: 'number', default: 5, describe: 'how many of the last history runs form the baseline' },
  'fail-on-regression': { type: 'boolean', default: false, describe: 'exit 1 when a variant is slower than --baseline/--history' },
  threshold: { type: 'number', describe: 'slowdown in % that counts as a regression (default: the noise band)' },
  noise: { type: 'number', default: 2, describe: 'noise band in %: smaller differences are "no difference"' },
  alpha: { type: 'number', default: 0.05, describe: 'significance level of the verdicts' },
  ref: { type: 'string', array: true, describe: 'benchmark the scenarios at these git refs, interleaved (repeatable)' },
  'dry-run': { type: 'boolean', default: false, describe: 'print the plan and an estimate of its time; run nothing' },
  json: { type: 'boolean', default: false, describe: 'print the results file on stdout (progress stays on stderr)' },
  'min-free-gb': { type: 'number', default: 2, describe: 'warn when the disk under the out dir or the workdirs has less free space' },
  'keep-workdirs': { type: 'boolean', default: false, describe: 'keep the per-variant copies of the projects after the run' },
};
