// Comments under src/ name only files that exist and no ticket numbers (see comments.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './boundaries.ts';
import { commentLines, commentProblems } from './comments.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SRC = path.join(ROOT, 'src');

describe('comments under src/', () => {
  it('name no missing .ts file and no ticket', () => {
    const problems = sourceFiles(SRC).flatMap((file) => commentProblems({ file, text: readFileSync(file, 'utf8'), srcDir: SRC, root: ROOT }));
    expect(problems).toEqual([]);
  });

  it('finds a moved file, a ticket, and leaves code and existing paths alone', () => {
    const file = path.join(SRC, 'report', 'example.ts');
    const text = [
      "// Escapes as in report/markdown.ts and ../results/schema.ts; once in report/text-old.ts.",
      "const url = 'https://example.com/not-a-comment.ts';",
      '/**',
      ' * Kept for issue 7.',
      ' */',
      'export const x = 1; // after insight/recommend.ts',
    ].join('\n');
    expect(commentProblems({ file, text, srcDir: SRC, root: ROOT })).toEqual([
      'src/report/example.ts:1: names report/text-old.ts, which does not exist',
      'src/report/example.ts:4: names a ticket (issue 7)',
      'src/report/example.ts:6: names insight/recommend.ts, which does not exist',
    ]);
  });

  it('reads line comments, block comments and trailing comments with their line numbers', () => {
    expect(commentLines("a(); // one\n/* two\n three */\nb('//x');")).toEqual([
      { line: 1, text: ' one' },
      { line: 2, text: ' two' },
      { line: 3, text: ' three */' },
    ]);
  });
});
