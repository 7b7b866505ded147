// `buildbench dashboard DIR --out SITE`: the history folder as a static site (src/dashboard/).
import path from 'node:path';
import { buildDashboard, reportLinks, writeDashboard } from '../../dashboard/index.ts';
import { readHistory } from '../../history/index.ts';
import type { DashboardArgs } from '../command-options.ts';
import { EXIT } from '../exit-codes.ts';
import { stripControl } from '../terminal.ts';

/**
 * `dashboard DIR --out SITE [--last-runs N]`: reads the history (history/store.ts; unreadable files are skipped
 * with a warning on stderr), writes SITE/index.html, one page per scenario and SITE/assets/, each run's points
 * linked to its report where one was kept (dashboard/report-links.ts), and prints the index's path and the
 * number of pages. Returns EXIT.ok; an empty or missing history gives an index that says "no runs".
 * Errors: the file system's, when SITE cannot be written.
 */
export async function dashboardCommand(args: DashboardArgs): Promise<number> {
  const { records, warnings, files: read } = readHistory(args.dir);
  for (const w of warnings) process.stderr.write(`warning: ${stripControl(w)}\n`);
  const reports = reportLinks({ records, files: read, historyDir: args.dir, outDir: args.out });
  const model = buildDashboard(records, { lastRuns: args.lastRuns, noisePct: args.noise, alpha: args.alpha, reports });
  const files = await writeDashboard(model, args.out);
  const index = path.relative(process.cwd(), files[0]!) || files[0]!;
  process.stdout.write(`${stripControl(index)}: ${records.length} runs, ${model.scenarios.length} scenario page${model.scenarios.length === 1 ? '' : 's'}\n`);
  return EXIT.ok;
}
