// Reading and writing results.json. Writes are atomic (a temp file renamed over the old one), so a crash or
// an interruption leaves the last complete file readable, never a half-written one.
import { renameSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { readDocumentFile, validateDocument } from '../common/validate-document.ts';
import { readEach, type Problem } from '../common/problem.ts';
import { ResultsFileSchema, SCHEMA_VERSION, type ResultsFile } from './schema.ts';

export const RESULTS_FILE = 'results.json';

export function writeResultsAtomic(file: string, results: ResultsFile): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(results, null, 2)}\n`);
  renameSync(temp, file);
}

/** Read and validate a results file; a directory means its results.json. */
export function readResultsFile(input: string): { value?: ResultsFile; problems: Problem[] } {
  const file = input;
  const read = readDocumentFile(file);
  if (read.directory) return readResultsFile(path.join(input, RESULTS_FILE));
  if (read.text === undefined) return { problems: [{ file, message: read.message }] };
  const doc = validateDocument<ResultsFile>({ file, text: read.text, schema: ResultsFileSchema });
  const version = (doc.data as { schemaVersion?: unknown } | undefined)?.schemaVersion;
  if (doc.data !== undefined && typeof doc.data === 'object' && version !== SCHEMA_VERSION) {
    const found = JSON.stringify(version ?? null).slice(0, 80);
    return { problems: [{ file, message: `not a buildbench results file of schemaVersion ${SCHEMA_VERSION} (found ${found})` }] };
  }
  return doc.value ? { value: doc.value, problems: [] } : { problems: doc.problems };
}

/** Read several results files; every problem of every file is collected before failing. */
export function readResultsFiles(files: readonly string[]): ResultsFile[] {
  return readEach(files, readResultsFile);
}
