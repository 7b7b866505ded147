// Terminal escape sequences (ANSI CSI such as colours, OSC such as titles and hyperlinks, DCS/APC strings, C1
// controls) are formatting, not content: every reader of build output, every terminal line and every report
// string drops them here. strip-ansi (ansi-regex 6.2) parses OSC ended by BEL or ST and the 8-bit forms,
// which Node's util.stripVTControlCharacters does not (it leaves an OSC 8 hyperlink's URL behind).
import stripAnsi from 'strip-ansi';

/**
 * `text` without terminal escape sequences (ECMA-48 CSI, OSC, DCS/APC strings, in 7- and 8-bit forms); other
 * characters, control characters included, are kept (common/clean-text.ts shows those). Never throws.
 */
export function stripEscapes(text: string): string {
  return text.includes('\u001b') || /[\u0080-\u009f]/.test(text) ? stripAnsi(text) : text;
}
