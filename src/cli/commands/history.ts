// `buildbench history add RESULTS… --to DIR` keeps a compact record of each run; `buildbench history DIR` reads
// the history back: its runs, and the change points and creeps found in its series.
import path from 'node:path';
import { readResultsFiles } from '../../results/io.ts';
import { findChanges, formatChange, formatCreep, makeRecord, readCommitInfo, readHistory, writeRecord, type HistoryRecord } from '../../history/index.ts';
import type { HistoryAddArgs, HistoryShowArgs } from '../command-options.ts';
import { EXIT } from '../exit-codes.ts';
import { formatTable, stripControl, stripControlLines } from '../terminal.ts';

/**
 * `history add RESULTS… --to DIR`: one record per results file (or run folder), written as DIR/<runId>.json,
 * with the commit's subject and date read from the git repository in the current folder when it has the commit,
 * and `--report-url` (the same for every file given) as where its report was kept.
 * Prints each file written; returns EXIT.ok. Errors: InputError for an unreadable or invalid results file
 * (nothing is written then).
 */
export async function historyAddCommand(args: HistoryAddArgs): Promise<number> {
  const runs = readResultsFiles(args.results);
  for (const results of runs) {
    const sha = args.commit ?? results.environment.git?.commit;
    const info = sha ? await readCommitInfo({ sha, cwd: process.cwd() }) : {};
    const record = makeRecord(results, { runner: args.runner, branch: args.branch, commit: args.commit, reportUrl: args.reportUrl, ...info });
    const file = writeRecord(args.to, record);
    process.stdout.write(`${stripControl(path.relative(process.cwd(), file) || file)}\n`);
  }
  return EXIT.ok;
}

/** One run as `history DIR` lists it and `--json` gives it. */
export interface RunLine {
  runId: string;
  startedAt: string;
  commit: string | null;
  branch: string | null;
  runner: string;
  variants: number;
}

const runLine = (r: HistoryRecord): RunLine => ({ runId: r.runId, startedAt: r.startedAt, commit: r.commit.sha, branch: r.commit.branch, runner: r.runner, variants: r.variants.length });

/**
 * `history DIR [--json]`: the runs of the history, oldest first, then the change points and creeps of its series
 * (history/changes.ts), one line each; `--json` gives `{ runs, changes, creeps }`. Warnings (unreadable files, skipped) go to stderr. Returns EXIT.ok; an empty or missing folder is an empty history.
 */
export async function historyShowCommand(args: HistoryShowArgs): Promise<number> {
  const { records, warnings } = readHistory(args.dir);
  for (const w of warnings) process.stderr.write(`warning: ${stripControl(w)}\n`);
  const runs = records.map(runLine);
  const { changes, creeps } = findChanges(records, { noisePct: args.noise, alpha: args.alpha });
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ runs, changes, creeps }, null, 2)}\n`);
    return EXIT.ok;
  }
  if (runs.length === 0) {
    process.stdout.write(`no runs in ${stripControl(args.dir)}\n`);
    return EXIT.ok;
  }
  const rows = runs.map((r) => [r.runId, r.commit?.slice(0, 8) ?? '—', r.branch ?? '—', r.runner, String(r.variants)]);
  const out = [formatTable(['run', 'commit', 'branch', 'runner', 'variants'], rows), ''];
  out.push(changes.length === 0 ? 'no change points' : `${changes.length} change point${changes.length === 1 ? '' : 's'}:`, ...changes.map(formatChange));
  out.push(creeps.length === 0 ? 'no creep' : `${creeps.length} creep${creeps.length === 1 ? '' : 's'}:`, ...creeps.map(formatCreep));
  out.push('', 'change points: E-divisive means (Matteson & James 2014) over every build of each run, permutation test of whole runs at p ≤ 0.05; step = Hodges–Lehmann ratio of up to 6 runs after to 6 before, 95% Moses interval; creep = Theil–Sen slope over the last 20 runs, 95% interval');
  process.stdout.write(`${stripControlLines(out.join('\n'))}\n`);
  return EXIT.ok;
}
