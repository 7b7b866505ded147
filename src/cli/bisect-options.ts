// The flags of `buildbench bisect`, declared once: yargs reads them, checkFlags checks their values, and the
// command's argument type is derived from them.
import { METRICS } from '../results/metrics.ts';
import { nonEmpty, numberIn, oneOf, type Flag, type FlagValues } from './flag-check.ts';
import { STATS_OPTIONS } from './run-options.ts';

const DECIDING = METRICS.filter((m) => m.decides).map((m) => m.name);

export const BISECT_OPTIONS = {
  good: { type: 'string', demandOption: true, requiresArg: true, describe: 'a commit (or ref) where the variant was fast', check: nonEmpty },
  bad: { type: 'string', demandOption: true, requiresArg: true, describe: 'a later commit where it is slower', check: nonEmpty },
  only: { type: 'string', demandOption: true, requiresArg: true, describe: 'the variant to follow: scenario/variant@cache', check: nonEmpty },
  metric: { type: 'string', default: 'wallMs', describe: `the metric that got worse: ${DECIDING.join(', ')}`, check: oneOf(DECIDING) },
  runs: { type: 'number', default: 6, describe: 'builds of each commit per look; a step that is undecided looks again with as many more', check: numberIn({ min: 4, max: 100, integer: true }) },
  'max-runs': { type: 'number', default: 18, describe: 'the most builds of each commit in one step; past it the step is reported undecided and bisect stops', check: numberIn({ min: 4, max: 1000, integer: true }) },
  out: { type: 'string', describe: 'folder of every step\'s results and log (default: reports/bisect-<time>)', check: nonEmpty },
  ...STATS_OPTIONS,
} satisfies Record<string, Flag>;

/** The parsed arguments of `buildbench bisect`: the scenarios named, and the flags above. */
export type BisectArgs = FlagValues<typeof BISECT_OPTIONS> & { scenarios?: string[] };
