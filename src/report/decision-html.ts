// The decision tables of one scenario as HTML, from the partials report.html renders them with
// (templates/partials/decision-tables.hbs and decision-note.hbs) and their styles (templates/decision.css): the
// dashboard puts the newest run's tables on top of a scenario's page through this, so its verdict words and
// figures are report.html's and summary.md's (all three read buildDecisions).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { templatesDir } from './assets.ts';
import { buildDecisions, DECISION_COLUMNS } from './decision.ts';
import type { ScenarioModel } from './model.ts';

let templates: Promise<typeof Handlebars> | undefined;

/** A Handlebars environment with every partial of templates/partials registered, read once per process; rejects when a partial cannot be read. */
export function loadTemplates(): Promise<typeof Handlebars> {
  templates ??= (async () => {
    const hbs = Handlebars.create();
    const partials = join(templatesDir, 'partials');
    for (const file of (await readdir(partials)).filter((f) => f.endsWith('.hbs'))) {
      hbs.registerPartial(file.slice(0, -4), await readFile(join(partials, file), 'utf8'));
    }
    return hbs;
  })();
  return templates;
}

/** The styles of the decision tables (marks, ratios, winners, muted rows); rejects when the file cannot be read. */
export const readDecisionCss = (): Promise<string> => readFile(join(templatesDir, 'decision.css'), 'utf8');

/**
 * The decision tables of scenario `sc` (one per cache state and run, the sentences, the noise notes, the other
 * compared metrics, the footnotes) as an HTML fragment; `index` numbers the footnotes' anchors
 * (`note-<index>-<n>`), unique on the page. Every string is escaped by Handlebars.
 */
export async function renderDecisionTables(o: { sc: ScenarioModel; index: number }): Promise<string> {
  const hbs = await loadTemplates();
  return hbs.compile('{{> decision-tables}}', { strict: false })({ index: o.index, decisions: buildDecisions(o.sc), decisionColumns: DECISION_COLUMNS });
}

/** The note under the decision tables that says what a cell shows, as an HTML fragment. */
export async function renderDecisionNote(): Promise<string> {
  return (await loadTemplates()).compile('{{> decision-note}}')({});
}
