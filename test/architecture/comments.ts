// What a comment under src/ may not say: a `.ts` file that does not exist (a comment left behind by a
// move), or a ticket number ("issue 7"), which means nothing to a reader of the code.
import { existsSync } from 'node:fs';
import path from 'node:path';

export interface CommentLine {
  line: number;
  text: string;
}

// A `//` comment starts at a line's start or after white space (so `https://…` inside a string is not one).
const LINE_COMMENT = /(?:^|\s)\/\/(.*)$/;
const TS_PATH = /(?:[\w.-]+\/)*[\w.-]+\.ts\b/g;
const ISSUE = /\bissues?\s*#?\d+/i;

/** The comment text of each line of `text`: `//` comments and the lines of `/* … *\/` blocks, 1-based lines. */
export function commentLines(text: string): CommentLine[] {
  const out: CommentLine[] = [];
  let inBlock = false;
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (inBlock || raw.trimStart().startsWith('/*')) {
      out.push({ line, text: raw.replace(/^\s*\/?\*+\/?/, '') });
      inBlock = !raw.includes('*/');
      return;
    }
    const m = LINE_COMMENT.exec(raw);
    if (m) out.push({ line, text: m[1]! });
  });
  return out;
}

/**
 * The problems of the comments of `file` (text `text`), each as `file:line: why`: a `.ts` path that exists
 * neither relative to the file, nor to `srcDir`, nor to the checkout root `root`; a ticket number.
 */
export function commentProblems(opts: { file: string; text: string; srcDir: string; root: string }): string[] {
  const rel = path.relative(opts.root, opts.file);
  const exists = (p: string) => [path.dirname(opts.file), opts.srcDir, opts.root].some((base) => existsSync(path.resolve(base, p)));
  return commentLines(opts.text).flatMap(({ line, text }) => [
    ...[...text.matchAll(TS_PATH)].filter((m) => !exists(m[0])).map((m) => `${rel}:${line}: names ${m[0]}, which does not exist`),
    ...(ISSUE.test(text) ? [`${rel}:${line}: names a ticket (${ISSUE.exec(text)![0]})`] : []),
  ]);
}
