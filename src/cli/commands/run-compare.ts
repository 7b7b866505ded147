// After a run: compare with `--baseline` and with `--history`, print the tables, and say whether anything
// regressed (the caller turns that into the exit code with --fail-on-regression), and hand the tables to
// summary.md.
import { readResultsFile } from '../../results/io.ts';
import type { Comparison, ResultsFile } from '../../results/schema.ts';
import type { AgainstModel } from '../../report/index.ts';
import { InputError } from '../../common/problem.ts';
import { appendToHistory, compareRefs, compareRuns, compareWithHistory, formatComparisonTable, lastRuns, loadHistory } from '../../compare/index.ts';
import { stripControl, stripControlLines } from '../terminal.ts';
import type { RunArgs } from '../run-options.ts';

/**
 * The run against --baseline and --history: printed, and returned for summary.md. `regressed` is true when
 * a variant is slower than the threshold allows (`regressions` are those comparisons); `judgedAgainst` holds the earlier runs it was compared with
 * (the baseline, the last K of the history), oldest first, so the report can draw the trend it was judged on.
 */
export async function compareAgainst(opts: {
  results: ResultsFile;
  args: RunArgs;
  print: (text: string) => void;
}): Promise<{ regressed: boolean; regressions: Comparison[]; sections: AgainstModel[]; judgedAgainst: ResultsFile[] }> {
  const { results, args, print } = opts;
  const settings = { thresholdPct: args.threshold, noisePct: args.noise, alpha: args.alpha };
  const sections: AgainstModel[] = [];
  const judgedAgainst: ResultsFile[] = [];
  const regressions: Comparison[] = [];
  const show = (title: string, outcome: ReturnType<typeof compareRuns>) => {
    for (const w of outcome.warnings) print(`warning: ${stripControl(w)}\n`);
    print(`\n${stripControlLines(`against ${title}:\n${formatComparisonTable(outcome.comparisons)}`)}\n`);
    regressions.push(...outcome.regressions);
    if (outcome.regressions.length > 0) print(`regression: ${stripControl(outcome.regressions.map((r) => r.variant).join(', '))}\n`);
    sections.push({
      title: `Against ${title}`,
      comparisons: outcome.comparisons,
      regressions: outcome.regressions.map((r) => r.variant),
      thresholdPct: args.threshold ?? args.noise,
    });
  };
  const refs = results.config.refs ?? [];
  if (refs.length > 1) show(`${refs[0]} (measured in this run, interleaved)`, compareRefs(results, settings));
  if (args.baseline) {
    const read = readResultsFile(args.baseline);
    if (!read.value) throw new InputError(read.problems);
    show(args.baseline, compareRuns({ baseline: read.value, current: results, ...settings }));
    judgedAgainst.push(read.value);
  }
  if (args.history) {
    const history = loadHistory(args.history);
    for (const w of history.warnings) print(`warning: ${stripControl(w)}\n`);
    if (history.runs.length > 0) {
      const k = Math.min(args.historyK, history.runs.length);
      show(`the last ${k === 1 ? 'run' : `${k} runs`} of ${args.history}`, compareWithHistory({ history: history.runs, current: results, lastK: args.historyK, ...settings }));
      judgedAgainst.push(...lastRuns(history.runs, results, args.historyK).filter((r) => !judgedAgainst.some((j) => j.runId === r.runId)));
    }
    if (!results.interrupted) appendToHistory(args.history, results);
  }
  judgedAgainst.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  return { regressed: regressions.length > 0, regressions, sections, judgedAgainst };
}
