// `$VAR` in env values, as shells and Compose files write it: `$VAR`, `${VAR}`, `${VAR:-default}` (unset or
// empty → default), `${VAR-default}` (unset → default) and `$$` for a literal `$` (Compose's escape; see
// https://docs.docker.com/reference/compose-file/interpolation/). A `$` followed by anything else stays as
// it is. Placeholders (`{workdir}`) are replaced in the same pass, so neither a variable's value nor a
// placeholder's is read again.
import { expandText, type PlaceholderValues } from './placeholders.ts';

/** One `$` reference in a value: the variable, where it starts, and whether it has a default. */
export interface VariableRef {
  name: string;
  offset: number;
  hasDefault: boolean;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const BRACED = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([\s\S]*))?$/;

type Part = { kind: 'text'; text: string } | { kind: 'var'; ref: VariableRef; op?: string; fallback?: string };

/** Index of the `}` closing the `{` at `open`, counting the braces of placeholders in a default. */
function closingBrace(value: string, open: number): number {
  let depth = 0;
  for (let i = open; i < value.length; i++) {
    if (value[i] === '{') depth++;
    else if (value[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The value split into text and references; a malformed `${…}` is a reason instead. */
function parse(value: string): Part[] | { error: string; offset: number } {
  const parts: Part[] = [];
  let text = '';
  let i = 0;
  while (i < value.length) {
    const next = value[i + 1];
    if (value[i] !== '$' || next === undefined) {
      text += value[i++];
      continue;
    }
    if (next === '$') {
      text += '$';
      i += 2;
      continue;
    }
    const bare = NAME.exec(value.slice(i + 1));
    if (next !== '{' && !bare) {
      text += value[i++];
      continue;
    }
    parts.push({ kind: 'text', text });
    text = '';
    const offset = i;
    if (bare) {
      parts.push({ kind: 'var', ref: { name: bare[0], offset, hasDefault: false } });
      i += 1 + bare[0].length;
      continue;
    }
    const close = closingBrace(value, i + 1);
    if (close < 0) return { error: 'unclosed "${"', offset };
    const inner = value.slice(i + 2, close);
    const braced = BRACED.exec(inner);
    if (!braced) return { error: `"\${${inner}}" is not a variable reference (\${NAME}, \${NAME:-default} or \${NAME-default})`, offset };
    parts.push({ kind: 'var', ref: { name: braced[1]!, offset, hasDefault: braced[2] !== undefined }, op: braced[2], fallback: braced[3] });
    i = close + 1;
  }
  parts.push({ kind: 'text', text });
  return parts;
}

/** The variables a value reads, or why it cannot be read. */
export function readReferences(value: string): { refs: VariableRef[] } | { error: string; offset: number } {
  const parts = parse(value);
  if (!Array.isArray(parts)) return parts;
  return { refs: parts.flatMap((p) => (p.kind === 'var' ? [p.ref] : [])) };
}

/**
 * The value with its references replaced from `vars` (an unset variable is empty, as in a shell) and its
 * placeholders from `placeholders`. A malformed value was refused by validate; here it stays as written.
 */
export function expandEnvValue(value: string, opts: { vars: Readonly<Record<string, string | undefined>>; placeholders: PlaceholderValues }): string {
  const parts = parse(value);
  if (!Array.isArray(parts)) return expandText(value, opts.placeholders);
  return parts
    .map((p) => {
      if (p.kind === 'text') return expandText(p.text, opts.placeholders);
      const set = opts.vars[p.ref.name];
      const useDefault = p.op === ':-' ? !set : p.op === '-' ? set === undefined : false;
      return useDefault ? expandEnvValue(p.fallback ?? '', opts) : (set ?? '');
    })
    .join('');
}
