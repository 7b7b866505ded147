// After a run: compare with `--baseline` and with `--history`, print the tables, and say whether anything
// regressed (the caller turns that into the exit code with --fail-on-regression).
import { readResultsFile } from '../../results/io.ts';
import type { ResultsFile } from '../../results/schema.ts';
import { InputError } from '../../common/problem.ts';
import { appendToHistory, compareRuns, compareWithHistory, formatComparisonTable, loadHistory } from '../../compare/index.ts';
import { stripControl, stripControlLines } from '../terminal.ts';
import type { RunArgs } from './run.ts';

export async function compareAgainst(opts: { results: ResultsFile; args: RunArgs; print: (text: string) => void }): Promise<boolean> {
  const { results, args, print } = opts;
  const settings = { thresholdPct: args.threshold, noisePct: args.noise, alpha: args.alpha };
  let regressed = false;
  const show = (title: string, outcome: ReturnType<typeof compareRuns>) => {
    for (const w of outcome.warnings) print(`warning: ${stripControl(w)}\n`);
    print(`\n${stripControlLines(`${title}\n${formatComparisonTable(outcome.comparisons)}`)}\n`);
    if (outcome.regressions.length > 0) {
      regressed = true;
      print(`regression: ${stripControl(outcome.regressions.map((r) => r.variant).join(', '))}\n`);
    }
  };
  if (args.baseline) {
    const read = readResultsFile(args.baseline);
    if (!read.value) throw new InputError(read.problems);
    show(`against ${args.baseline}:`, compareRuns({ baseline: read.value, current: results, ...settings }));
  }
  if (args.history) {
    const history = loadHistory(args.history);
    for (const w of history.warnings) print(`warning: ${stripControl(w)}\n`);
    if (history.runs.length > 0) {
      const k = Math.min(args.historyK, history.runs.length);
      show(`against the last ${k === 1 ? 'run' : `${k} runs`} of ${args.history}:`, compareWithHistory({ history: history.runs, current: results, lastK: args.historyK, ...settings }));
    }
    if (!results.interrupted) appendToHistory(args.history, results);
  }
  return regressed;
}
