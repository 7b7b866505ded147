// `buildbench compare BASELINE CURRENT`: the comparison table; exit 1 on a regression past the threshold.
import { readResultsFiles } from '../../results/io.ts';
import type { ResultsFile } from '../../results/schema.ts';
import { compareRuns, describeArtifactsOfRuns, formatComparisonTable, nameRegressions } from '../../compare/index.ts';
import { stripControl, stripControlLines } from '../terminal.ts';
import type { CompareArgs } from '../command-options.ts';
import { EXIT } from '../exit-codes.ts';
import { acknowledge, acknowledgedLines, readAcknowledgements } from './acknowledged.ts';

/**
 * `compare BASELINE CURRENT` (results files or run folders): prints the comparison table on stdout and the
 * regressions (less those .buildbench/acknowledged.yaml accepts); returns EXIT.regression on a regression with
 * --fail-on-regression (the default), else EXIT.ok. Errors: InputError when a results file or the
 * acknowledgements are unreadable or invalid.
 */
export async function compareCommand(args: CompareArgs): Promise<number> {
  const [baseline, current] = readResultsFiles([args.baseline, args.current]) as [ResultsFile, ResultsFile];
  const outcome = compareRuns({ baseline, current, thresholdPct: args.threshold, noisePct: args.noise, alpha: args.alpha });
  for (const w of outcome.warnings) process.stderr.write(`warning: ${stripControl(w)}\n`);
  process.stdout.write(`${stripControlLines(formatComparisonTable(outcome.comparisons))}\n`);
  const digests = describeArtifactsOfRuns({ baseline, current });
  if (digests.length > 0) process.stdout.write(`\n${stripControlLines(digests.join('\n'))}\n`);
  const cwd = process.cwd();
  const sorted = acknowledge({ regressions: outcome.regressions, rules: readAcknowledgements(cwd), cwd, baselineCommit: baseline.environment.git?.commit });
  for (const line of acknowledgedLines(sorted)) process.stdout.write(line);
  const standing = sorted.standing;
  if (standing.length > 0) {
    process.stdout.write(`\n${standing.length} regression${standing.length === 1 ? '' : 's'}: ${stripControl(nameRegressions(standing, { current, baseline }))}\n`);
  }
  return standing.length > 0 && args.failOnRegression ? EXIT.regression : EXIT.ok;
}
