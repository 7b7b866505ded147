// After a run: compare with `--baseline` and with `--history`, print the tables, and say whether anything
// regressed (the caller turns that into the exit code with --fail-on-regression), and hand the tables to
// summary.md.
import { readResultsFile } from '../../results/io.ts';
import type { Comparison, ResultsFile } from '../../results/schema.ts';
import type { AgainstModel } from '../../report/index.ts';
import { InputError } from '../../common/problem.ts';
import { compareRefs, compareRuns, compareWithHistory, formatComparisonTable, lastRuns, nameRegressions } from '../../compare/index.ts';
import { runnerLabel } from '../../history/index.ts';
import { appendRun, historyAlerts, readRunHistory } from './run-history.ts';
import { stripControl, stripControlLines } from '../terminal.ts';
import type { RunArgs } from '../run-options.ts';
import { acknowledge, acknowledgedLines, readAcknowledgements } from './acknowledged.ts';

/**
 * The run against --baseline and --history: printed, and returned for summary.md. `regressed` is true when
 * a variant is slower than the threshold allows (`regressions` are those comparisons) or the history shows a change point at
 * the newest runs or a creep past the threshold (`historyRegressions`, one line each, run-history.ts); `judgedAgainst` holds the earlier runs it was compared with
 * (the baseline, the last K of the history), oldest first, so the report can draw the trend it was judged on.
 */
export async function compareAgainst(opts: {
  results: ResultsFile;
  args: RunArgs;
  print: (text: string) => void;
}): Promise<{ regressed: boolean; regressions: Comparison[]; historyRegressions: string[]; sections: AgainstModel[]; judgedAgainst: ResultsFile[] }> {
  const { results, args, print } = opts;
  const settings = { thresholdPct: args.threshold, noisePct: args.noise, alpha: args.alpha };
  const sections: AgainstModel[] = [];
  const judgedAgainst: ResultsFile[] = [];
  const regressions: Comparison[] = [];
  const historyRegressions: string[] = [];
  const cwd = process.cwd();
  const rules = readAcknowledgements(cwd);
  // `baselineRun`: where the baseline side's builds are (the current run for --ref; none of them for --history, pooled).
  const show = (title: string, outcome: ReturnType<typeof compareRuns>, baselineRun: Pick<ResultsFile, 'variants'> | undefined, baselineCommit?: string) => {
    for (const w of outcome.warnings) print(`warning: ${stripControl(w)}\n`);
    print(`\n${stripControlLines(`against ${title}:\n${formatComparisonTable(outcome.comparisons)}`)}\n`);
    const sorted = acknowledge({ regressions: outcome.regressions, rules, cwd, baselineCommit });
    regressions.push(...sorted.standing);
    for (const line of acknowledgedLines(sorted)) print(line);
    if (sorted.standing.length > 0) print(`regression: ${stripControl(nameRegressions(sorted.standing, { current: results, baseline: baselineRun }))}\n`);
    sections.push({
      title: `Against ${title}`,
      comparisons: outcome.comparisons,
      regressions: sorted.standing.map((r) => r.variant),
      thresholdPct: args.threshold ?? args.noise,
      ...(sorted.acknowledged.length > 0
        ? { acknowledged: sorted.acknowledged.map((a) => ({ variant: a.comparison.variant, metric: a.comparison.metric, ratio: a.comparison.ratio, why: a.rule.why, until: a.rule.until })) }
        : {}),
      ...(sorted.notes.length > 0 ? { notes: sorted.notes } : {}),
    });
  };
  const refs = results.config.refs ?? [];
  if (refs.length > 1) show(`${refs[0]} (measured in this run, interleaved)`, compareRefs(results, settings), undefined, refs[0]);
  if (args.baseline) {
    const read = readResultsFile(args.baseline);
    if (!read.value) throw new InputError(read.problems);
    show(args.baseline, compareRuns({ baseline: read.value, current: results, ...settings }), read.value, read.value.environment.git?.commit);
    judgedAgainst.push(read.value);
  }
  if (args.history) {
    const history = readRunHistory(args.history, runnerLabel(results.environment));
    for (const w of history.warnings) print(`warning: ${stripControl(w)}\n`);
    if (history.runs.length > 0) {
      const k = Math.min(args.historyK, history.runs.length);
      show(`the last ${k === 1 ? 'run' : `${k} runs`} of ${args.history}`, compareWithHistory({ history: history.runs, current: results, lastK: args.historyK, ...settings }), { variants: [] });
      judgedAgainst.push(...lastRuns(history.runs, results, args.historyK).filter((r) => !judgedAgainst.some((j) => j.runId === r.runId)));
    }
    if (!results.interrupted) {
      const current = appendRun(args.history, results);
      const records = [...history.records.filter((r) => r.runId !== current.runId), current];
      const alerts = historyAlerts({ records, current, thresholdPct: args.threshold ?? args.noise, noisePct: args.noise, alpha: args.alpha });
      for (const a of alerts) print(`regression: ${stripControl(a)}\n`);
      historyRegressions.push(...alerts);
    }
  }
  judgedAgainst.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  return { regressed: regressions.length > 0 || historyRegressions.length > 0, regressions, historyRegressions, sections, judgedAgainst };
}
