// Reading and writing results.json. Writes are atomic (a temp file renamed over the old one), so a crash or
// an interruption leaves the last complete file readable, never a half-written one.
import { readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { validateDocument } from '../common/validate-document.ts';
import type { Problem } from '../common/problem.ts';
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
  let file = input;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') return readResultsFile(path.join(input, RESULTS_FILE));
    return { problems: [{ file, message: code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? String(err)})` }] };
  }
  file = input;
  const doc = validateDocument<ResultsFile>({ file, text, schema: ResultsFileSchema });
  const version = (doc.data as { schemaVersion?: unknown } | undefined)?.schemaVersion;
  if (doc.data !== undefined && typeof doc.data === 'object' && version !== SCHEMA_VERSION) {
    return { problems: [{ file, message: `not a buildbench results file of schemaVersion ${SCHEMA_VERSION} (found ${JSON.stringify(version ?? null)})` }] };
  }
  return doc.value ? { value: doc.value, problems: [] } : { problems: doc.problems };
}
