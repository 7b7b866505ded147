// Every string in a report comes from a scenario, a log or a results file someone else wrote, so it is
// cleaned once, when the model is built: terminal escape sequences are dropped (they are formatting, not
// content), other control characters become visible symbols, and bidirectional overrides — which can make
// text read differently from what it is ("Trojan Source", CVE-2021-42574) — are replaced. Escaping for
// HTML (handlebars) and Markdown (markdown.ts) happens later, per format.

import { stripEscapes } from '../common/escapes.ts';

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The longest string a report shows in one place; a results file can hold megabytes in a name. */
export const MAX_TEXT = 500;

function showControl(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code); // Unicode Control Pictures, e.g. ␛ for ESC
  if (code === 0x7f) return '\u2421'; // ␡
  return '\ufffd';
}

/** A string safe to show as text: no escape sequences, no invisible controls, at most `max` characters. */
export function cleanText(raw: string, max = MAX_TEXT): string {
  const text = stripEscapes(raw.replace(/\r\n?/g, '\n')).replace(CONTROL, showControl).replace(BIDI, '\ufffd');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Like cleanText, for a string that must stay on one line (a name, a table cell). */
export function cleanLine(raw: string, max = MAX_TEXT): string {
  return cleanText(raw, max).replace(/[\n\t]/g, ' ');
}
