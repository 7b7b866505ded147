// Text that reaches a terminal: strings from scenarios, build logs and results files may carry escape
// sequences that would repaint, hide or retitle the user's terminal, or bidi controls that make a line read
// differently from what it is, so they are cleaned by the one rule of common/clean-text.ts before printing.
// Unlike a report, a terminal line is never cut short.

import { cleanLine, cleanText } from '../common/clean-text.ts';
import { formatTable as formatPlainTable } from '../common/table.ts';

/** `text` as one clean terminal line (cleanLine with no length limit): newlines and tabs become spaces. */
export function stripControl(text: string): string {
  return cleanLine(text, Infinity);
}

/** stripControl for a block of lines: the line breaks and tabs stay. */
export function stripControlLines(text: string): string {
  return cleanText(text, Infinity);
}

// Figures read the same in the terminal as in the report.
export { formatBytes, formatMs } from '../results/units.ts';

/** A plain table with aligned columns and a `─` rule under the header; cells are cleaned. */
export function formatTable(header: string[], rows: string[][]): string {
  return formatPlainTable(header, rows, { rule: '─' });
}
