// Plain-text tables for the terminal and for text pasted into issues or CI logs: no colours and no borders,
// columns left-aligned and two spaces apart. Every cell is untrusted text (variant ids from a results file,
// tool paths from PATH), so it is cleaned by cleanLine first. Widths are display columns as string-width
// counts them (Unicode East Asian Width, UAX #11), so a name in CJK or with an emoji keeps the columns aligned.
import stringWidth from 'string-width';
import { cleanLine } from './clean-text.ts';

export interface TableOptions {
  /** The character repeated under each header cell as a rule (`─`, `-`); no rule line when omitted. */
  rule?: string;
}

/**
 * `header` and `rows` as lines joined by `\n`: each cell cleaned to one line (no length limit), padded with
 * spaces to its column's widest cell, cells joined by two spaces, trailing spaces trimmed. A row shorter than
 * the header gets empty cells; cells past the header's length are dropped. Never throws.
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], opts: TableOptions = {}): string {
  const cells = [header, ...rows].map((row) => header.map((_, i) => cleanLine(row[i] ?? '', Infinity)));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => stringWidth(row[i]!))));
  const line = (row: readonly string[]) => row.map((cell, i) => cell + ' '.repeat(widths[i]! - stringWidth(cell))).join('  ').trimEnd();
  const rule = opts.rule === undefined ? [] : [line(widths.map((w) => opts.rule!.repeat(w)))];
  return [line(cells[0]!), ...rule, ...cells.slice(1).map(line)].join('\n');
}
