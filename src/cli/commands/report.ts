// `buildbench report RESULTS…`: re-render every format from one or more results files.
import path from 'node:path';
import { readResultsFiles } from '../../results/io.ts';
import { renderReports } from '../../report/index.ts';
import { readRunHistory } from './run-history.ts';
import type { ReportArgs } from '../command-options.ts';
import { EXIT } from '../exit-codes.ts';
import { stripControl } from '../terminal.ts';

/**
 * `report RESULTS…`: renders the formats asked for (default: all) into --out (default: the folder of the first
 * results file) and prints the files written; returns EXIT.ok. Errors: InputError for an unreadable or
 * invalid results file.
 */
export async function reportCommand(opts: ReportArgs): Promise<number> {
  const results = readResultsFiles(opts.results);
  const history = opts.history ? readRunHistory(opts.history) : undefined;
  const outDir = path.resolve(opts.out ?? (opts.results[0]!.endsWith('.json') ? path.dirname(opts.results[0]!) : opts.results[0]!));
  const formats = opts.format?.split(',').map((f) => f.trim());
  const files = await renderReports({ results, history: history?.runs, outDir, formats });
  for (const w of history?.warnings ?? []) process.stderr.write(`warning: ${stripControl(w)}\n`);
  process.stdout.write(`${files.map((f) => stripControl(path.relative(process.cwd(), f) || f)).join('\n')}\n`);
  return EXIT.ok;
}
