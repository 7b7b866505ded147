// The lines that explain a failure, not merely the last one: a Python traceback from its header to the
// exception line (the last traceback when there are several, since the first is often "During handling of
// the above exception…"), else the last lines that say error/fatal/panic/exception, else the output's tail;
// headed by the failure's known cause where it is a published one (common/known-breakage.ts), since the last
// traceback is then a consequence.
import { knownCause } from '../common/known-breakage.ts';

const MAX_LINES = 40;
const ERROR_LINE = /\b(error|fatal|panic(ked)?|exception|failed|not found|cannot|could not)\b/i;

/** Output text → the explaining lines, at most 40 (and a known cause's line first), without trailing blank lines. */
export function errorBlock(text: string): string[] {
  const cause = knownCause(text);
  const block = explainingLines(text);
  return cause ? [cause, ...block] : block;
}

/** The one line that says why, of an errorBlock: its known cause when it has one, else its last line. */
export function headlineOf(block: readonly string[]): string | undefined {
  return block[0]?.startsWith('known cause: ') ? block[0] : block.at(-1);
}

function explainingLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trimEnd());
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  const traceback = lines.findLastIndex((l) => l.startsWith('Traceback (most recent call last):'));
  if (traceback >= 0) return clip(lines.slice(traceback));
  const lastError = lines.findLastIndex((l) => ERROR_LINE.test(l));
  if (lastError >= 0) {
    let start = lastError;
    while (start > 0 && lastError - start < 10 && ERROR_LINE.test(lines[start - 1]!)) start--;
    return clip(lines.slice(start, lastError + 1));
  }
  return lines.slice(-10);
}

/** Header and end of a long block: the exception is at the end, where the frames were called from at the top. */
function clip(block: string[]): string[] {
  if (block.length <= MAX_LINES) return block;
  return [...block.slice(0, 5), `… ${block.length - MAX_LINES + 1} lines …`, ...block.slice(-(MAX_LINES - 6))];
}
