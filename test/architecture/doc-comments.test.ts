// Every exported function of the stages listed here has a doc comment (`/** … */` right above it), which says
// its shapes, units and errors. The stages not listed yet are being documented; add them when they are.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './boundaries.ts';

const SRC = path.resolve(import.meta.dirname, '../../src');
const DOCUMENTED_STAGES = ['scenario', 'plan', 'results', 'probe', 'init', 'runner', 'cli', 'report', 'stats', 'compare', 'common'];

const EXPORTED_FUNCTION = /^export (?:async )?function (\w+)|^export const (\w+) = (?:async )?(?:\([^)]*\)|\w+) =>/;

/** `file:line name` of each exported function in `text` whose previous non-blank line does not end a doc comment. */
export function undocumentedFunctions(file: string, text: string): string[] {
  const lines = text.split('\n');
  return lines.flatMap((line, i) => {
    const m = EXPORTED_FUNCTION.exec(line);
    if (!m) return [];
    let j = i - 1;
    while (j >= 0 && lines[j]!.trim() === '') j--;
    const above = lines.slice(0, j + 1).join('\n');
    const documented = /\*\/\s*$/.test(lines[j] ?? '') && above.lastIndexOf('/**') > above.lastIndexOf('*/', above.length - 3);
    return documented ? [] : [`${file}:${i + 1} ${m[1] ?? m[2]}`];
  });
}

describe('doc comments', () => {
  it.each(DOCUMENTED_STAGES)('every exported function of src/%s/ has one', (stage) => {
    const files = sourceFiles(path.join(SRC, stage));
    expect(files.flatMap((f) => undocumentedFunctions(path.relative(SRC, f), readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('finds a function with no comment or a plain one, and accepts a doc comment', () => {
    const text = ['/** Doc. */', 'export function a() {}', '', '// plain', 'export async function b() {}', 'export const c = (x: number) => x;', '/*', ' * block', ' */', 'export const d = async () => 1;'].join('\n');
    expect(undocumentedFunctions('x.ts', text)).toEqual(['x.ts:5 b', 'x.ts:6 c', 'x.ts:10 d']);
  });
});
