// Reading and writing results.json. Writes are atomic (a temp file renamed over the old one), so a crash or
// an interruption leaves the last complete file readable, never a half-written one.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isTemporaryOf, writeFileAtomicSync } from '../common/write-atomic.ts';
import { readDocumentFile, validateDocument } from '../common/validate-document.ts';
import { readEach, type Problem } from '../common/problem.ts';
import { migrateComparisonV1 } from './comparison-schema.ts';
import { ResultsFileSchema, ResultsFileV1Schema, SCHEMA_VERSION, type ResultsFile, type ResultsFileV1 } from './schema.ts';

export const RESULTS_FILE = 'results.json';

/** Write `results` to `file` as indented JSON, atomically (common/write-atomic.ts), creating its folder; throws the file system's error. */
export function writeResultsAtomic(file: string, results: ResultsFile): void {
  writeFileAtomicSync(file, `${JSON.stringify(results, null, 2)}\n`);
}

/** Remove the `results.json.<pid>.tmp` files in `outDir` that a harness killed between writing and renaming left behind. */
export function removeStaleResultsTemps(outDir: string): void {
  for (const name of readdirSync(outDir)) if (isTemporaryOf(RESULTS_FILE, name)) rmSync(path.join(outDir, name), { force: true });
}

/** Read and validate a results file; a directory means its results.json. Version 1 files are migrated. */
export function readResultsFile(input: string): { value?: ResultsFile; problems: Problem[] } {
  const file = input;
  const read = readDocumentFile(file);
  if (read.directory) return readResultsFile(path.join(input, RESULTS_FILE));
  if (read.text === undefined) return { problems: [{ file, message: read.message }] };
  // A results file is a JSON object; anything else (a README, a scenario) gets one line, not the YAML parser's
  // every complaint about a Markdown file (a new user's `compare README.md run/`: 18 lines).
  if (!/^[{[]/.test(read.text.trimStart()) && !isJson(read.text)) return { problems: [{ file, message: 'not a buildbench results file (results.json is a JSON object; give it or its run folder)' }] };
  const version = peekVersion(read.text);
  if (version === 1) {
    const old = validateDocument<ResultsFileV1>({ file, text: read.text, schema: ResultsFileV1Schema });
    return old.value ? { value: migrateResultsV1(old.value), problems: [] } : { problems: old.problems };
  }
  const doc = validateDocument<ResultsFile>({ file, text: read.text, schema: ResultsFileSchema });
  const found = (doc.data as { schemaVersion?: unknown } | undefined)?.schemaVersion;
  if (doc.data !== undefined && typeof doc.data === 'object' && found !== SCHEMA_VERSION) {
    const shown = JSON.stringify(found ?? null).slice(0, 80);
    return { problems: [{ file, message: `not a buildbench results file of schemaVersion 1 or ${SCHEMA_VERSION} (found ${shown})` }] };
  }
  return doc.value ? { value: doc.value, problems: [] } : { problems: doc.problems };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** schemaVersion of a JSON text without validating it; undefined when it is not a JSON object. */
function peekVersion(text: string): unknown {
  try {
    const data: unknown = JSON.parse(text);
    return data !== null && typeof data === 'object' ? (data as { schemaVersion?: unknown }).schemaVersion : undefined;
  } catch {
    return undefined; // YAML or broken JSON: the validator reports it with a position
  }
}

/** A version 1 file in today's shape; its numbers are kept and its comparisons say which method made them. */
function migrateResultsV1(old: ResultsFileV1): ResultsFile {
  const noisePct = old.config.noisePct ?? 2;
  return { ...old, schemaVersion: SCHEMA_VERSION, comparisons: old.comparisons.map((c) => migrateComparisonV1(c, noisePct)) };
}

/** Read several results files; every problem of every file is collected before failing. */
export function readResultsFiles(files: readonly string[]): ResultsFile[] {
  return readEach(files, readResultsFile);
}
