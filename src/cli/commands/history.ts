// `buildbench history add RESULTS… --to DIR` keeps a compact record of each run; `buildbench history DIR` reads
// the history back: its runs, and the change points and creeps found in its series.
import path from 'node:path';
import { readResultsFiles } from '../../results/io.ts';
import { makeRecord, readCommitInfo, readHistory, writeRecord, type HistoryRecord } from '../../history/index.ts';
import type { HistoryAddArgs, HistoryShowArgs } from '../command-options.ts';
import { EXIT } from '../exit-codes.ts';
import { formatTable, stripControl } from '../terminal.ts';

/**
 * `history add RESULTS… --to DIR`: one record per results file (or run folder), written as DIR/<runId>.json,
 * with the commit's subject and date read from the git repository in the current folder when it has the commit.
 * Prints each file written; returns EXIT.ok. Errors: InputError for an unreadable or invalid results file
 * (nothing is written then).
 */
export async function historyAddCommand(args: HistoryAddArgs): Promise<number> {
  const runs = readResultsFiles(args.results);
  for (const results of runs) {
    const sha = args.commit ?? results.environment.git?.commit;
    const info = sha ? await readCommitInfo({ sha, cwd: process.cwd() }) : {};
    const record = makeRecord(results, { runner: args.runner, branch: args.branch, commit: args.commit, ...info });
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
 * `history DIR [--json]`: the runs of the history, oldest first, then the change points and creeps of its series.
 * Warnings (unreadable files, skipped) go to stderr. Returns EXIT.ok; an empty or missing folder is an empty history.
 */
export async function historyShowCommand(args: HistoryShowArgs): Promise<number> {
  const { records, warnings } = readHistory(args.dir);
  for (const w of warnings) process.stderr.write(`warning: ${stripControl(w)}\n`);
  const runs = records.map(runLine);
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ runs }, null, 2)}\n`);
    return EXIT.ok;
  }
  if (runs.length === 0) {
    process.stdout.write(`no runs in ${stripControl(args.dir)}\n`);
    return EXIT.ok;
  }
  const rows = runs.map((r) => [r.runId, r.commit?.slice(0, 10) ?? '—', r.branch ?? '—', r.runner, String(r.variants)]);
  process.stdout.write(`${formatTable(['run', 'commit', 'branch', 'runner', 'variants'], rows)}\n`);
  return EXIT.ok;
}
