// `run --history DIR`: the history's records read back as results files (for the pooled comparison with the last
// K runs and the report's trend), this run appended as a record, and the alerts the history raises on this run:
// a change point at the newest runs, or a creep past the threshold, on a metric a user decides on.
import { findMetric } from '../../results/metrics.ts';
import type { ResultsFile } from '../../results/schema.ts';
import { expandRecord, findChanges, formatChange, formatCreep, makeRecord, readHistory, writeRecord, type HistoryRecord } from '../../history/index.ts';

/** A change point counts as "at the newest runs" when its first run after is one of the series' last NEWEST_RUNS runs. */
export const NEWEST_RUNS = 3;

/**
 * The history in DIR: its records, the same as results files (oldest first), and the warnings of reading it;
 * with `runner`, only that runner's runs (a history shared by several machines compares like with like).
 */
export function readRunHistory(dir: string, runner?: string): { records: HistoryRecord[]; runs: ResultsFile[]; warnings: string[] } {
  const read = readHistory(dir);
  const records = runner === undefined ? read.records : read.records.filter((r) => r.runner === runner);
  return { records, runs: records.map(expandRecord), warnings: read.warnings };
}

/** Appends `results` to the history folder `dir` as a record (history/store.ts); returns the record. Throws the file system's error. */
export function appendRun(dir: string, results: ResultsFile): HistoryRecord {
  const record = makeRecord(results);
  writeRecord(dir, record);
  return record;
}

/**
 * What the history says of the run `current` (already among `records`, the newest): one line per slowdown that
 * fails it — a change point on a metric a user decides on (build time, start-up, pipeline) whose first run after
 * is among the series' last NEWEST_RUNS runs, slower by more than `thresholdPct` and still in effect; or a creep
 * over the last runs up to this one, slower by more than `thresholdPct` in all. Only this run's runner's series,
 * and only variants this run measured. Pure.
 */
export function historyAlerts(opts: { records: readonly HistoryRecord[]; current: HistoryRecord; thresholdPct: number; noisePct?: number; alpha?: number }): string[] {
  const { current, thresholdPct } = opts;
  const measured = new Set(current.variants.filter((v) => v.status === 'ok').map((v) => v.id));
  const relevant = (s: { runner: string; variant: string; metric: string; ratio: number }) =>
    s.runner === current.runner && measured.has(s.variant) && findMetric(s.metric)?.decides === true && s.ratio > 1 + thresholdPct / 100;
  const { changes, creeps } = findChanges(opts.records, { noisePct: opts.noisePct, alpha: opts.alpha });
  return [
    ...changes.filter((c) => relevant(c) && c.inEffect && c.runsSince <= NEWEST_RUNS).map((c) => `change point at the newest runs: ${formatChange(c)}`),
    ...creeps.filter((c) => relevant(c) && c.to.runId === current.runId).map((c) => `creep past ${thresholdPct}%: ${formatCreep(c)}`),
  ];
}
