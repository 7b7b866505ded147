// Entry point of the report stage: results files in, report files out. The CLI calls this after `run`
// and for `buildbench report RESULTS… --out DIR`.
import type { ResultsFile } from '../results/schema.ts';
import type { BudgetCheck } from '../compare/index.ts';
import { REPORT_FORMATS } from './formats.ts';
import { htmlReporter } from './html.ts';
import { jsonReporter } from './json.ts';
import { csvReporter } from './csv.ts';
import { markdownReporter } from './markdown.ts';
import { buildReportModel, type AgainstModel } from './model.ts';
import { pngReporter } from './png.ts';
import type { Reporter } from './reporter.ts';

export type { Reporter } from './reporter.ts';
export type { AgainstModel, ReportModel, ScenarioModel } from './model.ts';
export { readDecisionCss, renderDecisionNote, renderDecisionTables } from './decision-html.ts';
export { buildReportModel } from './model.ts';
export { REPORT_FORMATS } from './formats.ts';

export interface RenderOptions {
  results: ResultsFile[];
  /** Earlier results files, sorted by time: trend charts. */
  history?: ResultsFile[];
  outDir: string;
  /** Subset of REPORT_FORMATS; all by default. */
  formats?: string[];
  /** The run against earlier results (run --baseline / --history), for summary.md. */
  against?: AgainstModel[];
  /** Every variant's limits of its scenario's `budget:`, judged, for summary.md. */
  budgets?: BudgetCheck[];
}

/** Renders the chosen formats into outDir; returns the files written. Throws on an unknown format name. */
export async function renderReports({ results, history = [], outDir, formats = [...REPORT_FORMATS], against, budgets }: RenderOptions): Promise<string[]> {
  const reporters: Reporter[] = [htmlReporter, pngReporter, markdownReporter, jsonReporter(results), csvReporter(results)];
  const unknown = formats.filter((f) => !reporters.some((r) => r.name === f));
  if (unknown.length > 0) throw new Error(`unknown report format: ${unknown.join(', ')} (valid: ${REPORT_FORMATS.join(', ')})`);
  const model = { ...buildReportModel({ results, history }), ...(against && against.length > 0 ? { against } : {}), ...(budgets && budgets.length > 0 ? { budgets } : {}) };
  const written: string[] = [];
  for (const reporter of reporters.filter((r) => formats.includes(r.name))) written.push(...(await reporter.render(model, outDir)));
  return written;
}
