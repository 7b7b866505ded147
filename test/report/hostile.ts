// Strings a pull request could put into a scenario, a log or a results file, meant to run in the report,
// break its Markdown or paint a terminal. Each must come out as inert text.
export const HTML_ATTACK = '<img src=x onerror=alert(1)>';
export const SCRIPT_ATTACK = '</script><script>alert(1)</script>';
export const ANSI_ATTACK = '\u001b[31mred\u001b[0m';
export const CONTROL_ATTACK = 'bell\u0007 and nul\u0000';
export const MARKDOWN_ATTACK = '| col | `code` *em* [link](http://x) <b>bold</b>\nnext line';

/** Everything at once, as one string. */
export const ALL_ATTACKS = `${HTML_ATTACK} ${SCRIPT_ATTACK} ${ANSI_ATTACK} ${CONTROL_ATTACK}`;
