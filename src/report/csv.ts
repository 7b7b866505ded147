// samples.csv: every build and every start-up launch of the runs reported, one row each, for the people who
// take the numbers elsewhere (a spreadsheet, R, pandas). Builds carry their figures; a launch carries its
// state and launch-to-ready time; the columns that do not apply to a row are empty.
import { join } from 'node:path';
import type { ResultsFile, RunSample, VariantResult } from '../results/schema.ts';
import type { Reporter } from './reporter.ts';
import { writeFileAtomic } from '../common/write-atomic.ts';

/** The columns of samples.csv, in order. `kind`: build (measured), warmup, failed (not in the statistics) or launch. */
export const CSV_COLUMNS = [
  'run', 'variant', 'scenario', 'cache', 'kind', 'round', 'position', 'state',
  'wallMs', 'userMs', 'sysMs', 'maxRssKb', 'treeRssKb', 'pipelineMs', 'exitCode', 'launchMs', 'extractBytes',
] as const;

type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string | number | null>>;

/**
 * One CSV field as RFC 4180 (section 2) writes it: enclosed in double quotes when it holds a comma, a double
 * quote, CR or LF, with each double quote doubled; as it is otherwise. null and undefined are empty.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record: the fields of `row` in CSV_COLUMNS order, separated by commas, ended by CRLF (RFC 4180). */
function csvLine(row: Row): string {
  return `${CSV_COLUMNS.map((c) => csvField(row[c])).join(',')}\r\n`;
}

function buildRow(run: ResultsFile, v: VariantResult, s: RunSample, kind: string): Row {
  return {
    run: run.runId, variant: v.id, scenario: v.scenario, cache: v.cache, kind, round: s.round, position: s.position,
    wallMs: s.wallMs, userMs: s.userMs, sysMs: s.sysMs, maxRssKb: s.maxRssKb, treeRssKb: s.treeRssKb, pipelineMs: s.pipelineMs, exitCode: s.exitCode,
  };
}

/** The rows of samples.csv for `runs`, as text with the header first: per run, per variant, its builds, warm-ups, failed builds, then launches. Pure. */
export function samplesCsv(runs: readonly ResultsFile[]): string {
  const lines = [csvLine(Object.fromEntries(CSV_COLUMNS.map((c) => [c, c])))];
  for (const run of runs) {
    for (const v of run.variants) {
      for (const s of v.samples) lines.push(csvLine(buildRow(run, v, s, 'build')));
      for (const s of v.warmups) lines.push(csvLine(buildRow(run, v, s, 'warmup')));
      for (const s of v.failures ?? []) lines.push(csvLine(buildRow(run, v, s, 'failed')));
      for (const l of v.startup?.launches ?? []) {
        lines.push(csvLine({ run: run.runId, variant: v.id, scenario: v.scenario, cache: v.cache, kind: 'launch', round: l.round, position: l.position, state: l.state, launchMs: l.ms, extractBytes: l.extractBytes }));
      }
    }
  }
  return lines.join('');
}

/** The CSV reporter: samples.csv of every run reported; its render rejects when the file cannot be written. */
export function csvReporter(results: readonly ResultsFile[]): Reporter {
  return {
    name: 'csv',
    async render(_model, outDir) {
      return [await writeFileAtomic(join(outDir, 'samples.csv'), samplesCsv(results))];
    },
  };
}
