// A history folder: one record per run, `<runId>.json`, written atomically. One file per run means two CI jobs
// that add a run each never touch the same file, so their git commits never conflict (ci-bench.sh rebases
// them onto each other). The folder may also hold full results files (what `run --history` wrote before
// records existed, or run folders with a results.json): they are read and turned into records.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Value } from '@sinclair/typebox/value';
import { writeFileAtomicSync } from '../common/write-atomic.ts';
import { formatProblem } from '../common/problem.ts';
import { RESULTS_FILE, readResultsFile } from '../results/io.ts';
import { makeRecord } from './make-record.ts';
import { HistoryRecordSchema, RECORD_FORMAT, type HistoryRecord } from './record-schema.ts';

/** Records larger than this are refused unread: the default plan's record is a few KiB. */
const MAX_RECORD_BYTES = 4 * 1024 * 1024;

/** The file name of a run's record: its run id with every character but `A-Za-z0-9._-` replaced by `-`, then `.json`. */
export function recordFileName(record: Pick<HistoryRecord, 'runId'>): string {
  return `${record.runId.replace(/[^A-Za-z0-9._-]/g, '-')}.json`;
}

/** The record as written: compact JSON, one line per variant so a diff of a record reads variant by variant. */
export function serializeRecord(record: HistoryRecord): string {
  const { variants, ...head } = record;
  const lines = variants.map((v) => JSON.stringify(v));
  const headText = JSON.stringify({ ...head, variants: [] });
  return `${headText.replace(/"variants":\[\]/, `"variants":[\n${lines.join(',\n')}\n]`)}\n`;
}

/** Writes `record` into the folder `dir` (created if needed) atomically as recordFileName; returns the path. An existing record of the same run is replaced. Throws the file system's error. */
export function writeRecord(dir: string, record: HistoryRecord): string {
  const file = path.join(dir, recordFileName(record));
  writeFileAtomicSync(file, serializeRecord(record));
  return file;
}

/** Reads one record file: the record, or why it cannot be used (one line). Never throws. */
export function readRecordFile(file: string): { value?: HistoryRecord; problem?: string } {
  let data: unknown;
  try {
    if (statSync(file).size > MAX_RECORD_BYTES) return { problem: `${file}: larger than ${MAX_RECORD_BYTES} bytes, not a history record` };
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return { problem: `${file}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` };
  }
  const format = (data as { format?: unknown } | null)?.format;
  if (format === undefined && (data as { schemaVersion?: unknown } | null)?.schemaVersion !== undefined) {
    const read = readResultsFile(file);
    return read.value ? { value: makeRecord(read.value) } : { problem: read.problems.map(formatProblem).join('; ') };
  }
  if (format !== RECORD_FORMAT) return { problem: `${file}: not a buildbench history record (format ${JSON.stringify(format ?? null).slice(0, 60)}, expected "${RECORD_FORMAT}")` };
  if (!Value.Check(HistoryRecordSchema, data)) {
    const first = Value.Errors(HistoryRecordSchema, data).First();
    return { problem: `${file}${first ? ` ${first.path}` : ''}: ${first?.message ?? 'invalid'}` };
  }
  return { value: data };
}

const byStart = (a: HistoryRecord, b: HistoryRecord) => (Date.parse(a.startedAt) || 0) - (Date.parse(b.startedAt) || 0) || a.runId.localeCompare(b.runId);

/**
 * Every run in the history folder `dir`, oldest first: each `.json` file (a record, or a results file turned into
 * one) and `results.json` one folder down. A missing folder is an empty history; an unreadable file is skipped
 * with a warning (one line each); a run id seen twice is read once, from the first file in name order.
 * `files` maps each run id to the file it was read from.
 */
export function readHistory(dir: string): { records: HistoryRecord[]; warnings: string[]; files: Map<string, string> } {
  const files = new Map<string, string>();
  if (!existsSync(dir)) return { records: [], warnings: [], files };
  const found = new Map<string, HistoryRecord>();
  const warnings: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    const isDir = statSync(full).isDirectory();
    const file = isDir ? path.join(full, RESULTS_FILE) : full;
    if (isDir ? !existsSync(file) : !entry.endsWith('.json')) continue;
    const read = readRecordFile(file);
    if (!read.value) warnings.push(`skipped ${read.problem}`);
    else if (!found.has(read.value.runId)) {
      found.set(read.value.runId, read.value);
      files.set(read.value.runId, isDir ? full : file);
    }
  }
  return { records: [...found.values()].sort(byStart), warnings, files };
}
