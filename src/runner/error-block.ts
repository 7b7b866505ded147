// The lines that explain a failure, not merely the last one: a Python traceback from its header to the
// exception line (the last traceback when there are several, since the first is often "During handling of
// the above exception…"), else the last lines that say error/fatal/panic/exception, else the output's tail;
// headed by the failure's known cause where it is a published one (common/known-breakage.ts), since the last
// traceback is then a consequence.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { knownCause } from '../common/known-breakage.ts';
import { stripEscapes } from '../common/escapes.ts';

const MAX_LINES = 40;
const ERROR_LINE = /\b(error|fatal|panic(ked)?|exception|failed|not found|cannot|could not)\b/i;

/** Output text → the explaining lines, at most 40 (and a known cause's line first), without trailing blank lines. */
export function errorBlock(text: string): string[] {
  const cause = knownCause(text);
  const block = explainingLines(text);
  return cause ? [cause, ...block] : block;
}

/**
 * A tool's closing words that only say that it failed, not why ("error: could not compile `app`", Next's "Build
 * failed because of webpack errors", make's "*** [target] Error 1", a package manager's exit report): the
 * headline is then the error line before them.
 */
const WRAPPER_LINE = /could not compile|^> ?Build failed because of|^(make|gmake)(\[\d+\])?: \*\*\*|ELIFECYCLE|^npm (ERR!|error) (code|path|command|A complete log)|Command failed with exit code|^For more information about this error|^error: Recipe `|^Failed to compile\.?$/;

/**
 * The one line that says why, of an errorBlock: its known cause when it has one, else its last error line that
 * is not a tool's closing report (WRAPPER_LINE), joined to the line after it when it only introduces it
 * ("`next/font` error:" + "Failed to fetch `Inter` from Google Fonts."); else its last line.
 */
export function headlineOf(block: readonly string[]): string | undefined {
  if (block[0]?.startsWith('known cause: ')) return block[0];
  if (block[0]?.startsWith('Traceback (')) return block.at(-1);
  const said = block.map((l) => l.trim());
  for (let i = said.length - 1; i >= 0; i--) {
    const line = said[i]!;
    if (line === '' || WRAPPER_LINE.test(line) || !ERROR_LINE.test(line)) continue;
    if (line.endsWith(':') && said[i + 1]) return `${line} ${said[i + 1]}`;
    const intro = said[i - 1];
    return intro?.endsWith(':') && ERROR_LINE.test(intro) ? `${intro} ${line}` : line;
  }
  return said.findLast((l) => l !== '') ?? block.at(-1);
}

/** The headline of a log file's failure (its last 64 KiB read, escape sequences dropped), or undefined when it cannot be read or says nothing. */
export function logHeadline(file: string): string | undefined {
  let text: string;
  try {
    const fd = openSync(file, 'r');
    try {
      const size = fstatSync(fd).size;
      const length = Math.min(size, 64 * 1024);
      const buffer = Buffer.alloc(length);
      readSync(fd, buffer, 0, length, size - length);
      text = stripEscapes(buffer.toString('utf8'));
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  const headline = failureHeadline(text);
  return headline ? clipLine(headline) : undefined;
}

/** A compiler's own diagnostic line: `error[E0425]: …` (rustc), `error: …`, `fatal error: …`, `ERROR: …`. */
const DIAGNOSTIC = /^(\S+:\d+:(\d+:)? )?(fatal )?(error|fatal|panic)(\[[\w-]+\])?: |^(ERROR|FATAL): /i;

/**
 * The one line that says why a command failed, from its output: a known cause, a traceback's exception, the
 * last compiler diagnostic that is not a closing report (cargo's "could not compile" comes after the
 * `error[E…]` that says why), else headlineOf(errorBlock(text)).
 */
export function failureHeadline(text: string): string | undefined {
  const block = errorBlock(text);
  if (block[0]?.startsWith('known cause: ') || block[0]?.startsWith('Traceback (')) return headlineOf(block);
  const lines = linesOf(text).slice(-400).map((l) => l.trim());
  const diagnostic = lines.findLast((l) => DIAGNOSTIC.test(l) && !WRAPPER_LINE.test(l) && !/^error: aborting/.test(l));
  return diagnostic ?? headlineOf(block);
}

const clipLine = (line: string) => (line.length > 200 ? `${line.slice(0, 199)}…` : line);

function explainingLines(text: string): string[] {
  const lines = unprefixed(linesOf(text).map((l) => l.trimEnd()));
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  const traceback = lines.findLastIndex((l) => l.startsWith('Traceback (most recent call last):'));
  if (traceback >= 0) {
    // To its exception line, the first that is not indented: what the program printed after it (an app that
    // logs on while shutting down) is not the error.
    const end = lines.findIndex((l, i) => i > traceback && l !== '' && !/^\s/.test(l));
    return clip(lines.slice(traceback, end < 0 ? undefined : end + 1));
  }
  const lastError = lines.findLastIndex((l) => ERROR_LINE.test(l));
  if (lastError >= 0) {
    let start = lastError;
    // Up the run of error lines, over blank lines between them (Next's "Failed to fetch …", "", "", "> Build failed").
    while (start > 0 && lastError - start < 10 && (ERROR_LINE.test(lines[start - 1]!) || lines[start - 1] === '')) start--;
    while (lines[start] === '') start++;
    return clip(lines.slice(start, lastError + 1));
  }
  return lines.slice(-10);
}

/** Header and end of a long block: the exception is at the end, where the frames were called from at the top. */
function clip(block: string[]): string[] {
  if (block.length <= MAX_LINES) return block;
  return [...block.slice(0, 5), `… ${block.length - MAX_LINES + 1} lines …`, ...block.slice(-(MAX_LINES - 6))];
}

/**
 * A program's output relayed line by line with a prefix of the relaying app's (a Tauri app printing its sidecar's
 * stderr as "Sidecar stderr: …", one relayed line and a blank one at a time): where a traceback is found only after
 * such a prefix, the prefixed lines without it, so the traceback is read as the sidecar printed it.
 */
function unprefixed(lines: string[]): string[] {
  if (lines.some((l) => l.startsWith('Traceback (most recent call last):'))) return lines;
  const prefix = lines.map((l) => /^(.+?)Traceback \(most recent call last\):$/.exec(l)?.[1]).findLast((p) => p !== undefined);
  return prefix === undefined ? lines : lines.filter((l) => l.startsWith(prefix)).map((l) => l.slice(prefix.length));
}

/** The text's lines, CR LF and a lone CR taken as line ends. */
const linesOf = (text: string): string[] => text.replace(/\r\n?/g, '\n').split('\n');
