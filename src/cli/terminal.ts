// Text that reaches a terminal: strings from scenarios and build logs may carry escape sequences that would
// repaint, hide or retitle the user's terminal, so they are neutralised before printing.

import { stripEscapes } from '../common/escapes.ts';

// After the escape sequences, any other C0/C1 control character except tab.
const CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

export function stripControl(text: string): string {
  return stripEscapes(text).replace(CONTROLS, (c) => (c === '\n' ? ' ' : '?'));
}

/** stripControl for a block of lines: the line breaks stay. */
export function stripControlLines(text: string): string {
  return text.split('\n').map(stripControl).join('\n');
}

// Figures read the same in the terminal as in the report.
export { formatBytes, formatMs } from '../report/format.ts';

/** A plain table with aligned columns. */
export function formatTable(header: string[], rows: string[][]): string {
  const all = [header, ...rows].map((r) => r.map(stripControl));
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (c ?? '').padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(all[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}
