// Untrusted text (scenario and variant names, descriptions, build log tails, paths, anything read from a results
// file someone else wrote) is cleaned here before a terminal or a report shows it, by one rule: terminal escape
// sequences are dropped (they are formatting, not content), other control characters become visible symbols,
// and bidirectional controls — which can make text read differently from what it is ("Trojan Source",
// CVE-2021-42574, https://trojansource.codes) — are replaced. Escaping for HTML (handlebars) and Markdown
// (escapeMarkdown in report/markdown.ts) happens later, per format.

import { stripEscapes } from './escapes.ts';

// C0 controls but tab and newline, DEL, C1 controls.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// The Unicode bidirectional formatting characters (UAX #9, section 2): the Arabic letter mark, the LRM/RLM
// marks, the embeddings and overrides U+202A–U+202E and the isolates U+2066–U+2069.
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The longest string a report shows in one place, in UTF-16 code units; a results file can hold megabytes in a name. */
export const MAX_TEXT = 500;

function showControl(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code); // Unicode Control Pictures, e.g. ␛ for ESC
  if (code === 0x7f) return '\u2421'; // ␡
  return '\ufffd';
}

/**
 * `raw` safe to show as text: escape sequences dropped, CR LF and lone CR turned into LF, other control
 * characters but tab and LF shown as their Control Picture (U+2400 block; C1 as U+FFFD), bidi controls
 * replaced by U+FFFD; cut to `max` UTF-16 code units (the last one an ellipsis) when longer. Never throws.
 */
export function cleanText(raw: string, max = MAX_TEXT): string {
  const text = stripEscapes(raw.replace(/\r\n?/g, '\n')).replace(CONTROL, showControl).replace(BIDI, '\ufffd');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** cleanText for a string that must stay on one line (a name, a table cell): newlines and tabs become spaces. */
export function cleanLine(raw: string, max = MAX_TEXT): string {
  return cleanText(raw, max).replace(/[\n\t]/g, ' ');
}
