// Anchors, aliases and merge keys (`<<: *base`) are checked on the composed document before it is turned into
// data: yaml's toJS throws on an alias with no anchor before it, or on a merge of something that is not a
// mapping, and its message carries no position. Each such node is found here with its offset instead, so the
// user reads file:line:col like every other problem (eemeli/yaml#284; merge keys are YAML 1.1, enabled with
// the `merge` option, https://eemeli.org/yaml/#options).
import { isAlias, isMap, isPair, isScalar, isSeq, visit, type CST, type Document, type Node } from 'yaml';

/** A problem found in a composed document: its offset in the text and what is wrong. */
export interface RefProblem {
  offset: number | undefined;
  message: string;
}

/**
 * Every alias of `doc` whose anchor is not defined before it, and every merge key (`<<`) whose value is not a
 * mapping, an alias of one, or a list of those; in document order. Empty when toJS can resolve them all.
 */
export function findRefProblems(doc: Document): RefProblem[] {
  const problems: RefProblem[] = [];
  visit(doc, {
    Alias(_, alias) {
      if (alias.resolve(doc) === undefined) {
        problems.push({ offset: alias.range?.[0], message: `undefined alias *${alias.source}: no anchor &${alias.source} before it` });
      }
    },
    Pair(_, pair) {
      if (!isPair(pair) || !isScalar(pair.key) || pair.key.source !== '<<' || typeof pair.key.value !== 'symbol') return; // a merge key, not a quoted '<<'
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const source of sources) {
        const target = isAlias(source) ? source.resolve(doc) : source;
        if (isAlias(source) && target === undefined) continue; // reported as an undefined alias
        if (!isMap(target)) {
          const at = (source as Node | null)?.range?.[0] ?? pair.key.range?.[0];
          problems.push({ offset: at, message: 'a merge key (<<) takes a mapping, an alias of one (<<: *base) or a list of those' });
        }
      }
    },
  });
  return problems;
}

/** Offset of the first alias in `doc`, where an alias bomb (too many aliases) is reported; undefined if none. */
export function firstAliasOffset(doc: Document): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, alias) {
      offset = alias.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}

/**
 * Walks the CST of `tokens` without recursion (yaml's composer recurses, so a deep file must not reach it first),
 * each token with its collection depth; stops at the first token for which `visit` returns an offset.
 */
function walkCst(tokens: CST.Token[], visit: (token: CST.Token, depth: number) => number | undefined): number | undefined {
  const stack: [CST.Token | null | undefined, number][] = tokens.map((t) => [t, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (!token) continue;
    const found = visit(token, depth);
    if (found !== undefined) return found;
    if (token.type === 'document') stack.push([token.value, depth]);
    else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      for (const item of token.items) stack.push(['key' in item ? item.key : undefined, depth + 1], [item.value, depth + 1]);
    }
  }
  return undefined;
}

/** Offset of the first collection of `tokens` nested deeper than `maxDepth`. */
export function findTooDeep(tokens: CST.Token[], maxDepth: number): number | undefined {
  const collection = (t: CST.Token) => t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection';
  return walkCst(tokens, (t, depth) => (collection(t) && depth >= maxDepth ? t.offset : undefined));
}

/**
 * Where a quoted scalar that never closes starts, or undefined when all close: yaml reports the missing quote
 * at the end of the file (a line past the last), and the quote's own line is where the fix goes.
 */
export function unclosedQuoteOffset(tokens: CST.Token[]): number | undefined {
  const closes = (source: string, quote: string) => {
    if (source.length < 2 || !source.endsWith(quote)) return false;
    if (quote === "'") return true;
    let backslashes = 0; // "a\\" closes, "a\" does not (an escaped quote)
    for (let i = source.length - 2; i > 0 && source[i] === '\\'; i--) backslashes++;
    return backslashes % 2 === 0;
  };
  return walkCst(tokens, (t) => {
    if (t.type === 'double-quoted-scalar') return closes(t.source, '"') ? undefined : t.offset;
    if (t.type === 'single-quoted-scalar') return closes(t.source, "'") ? undefined : t.offset;
    return undefined;
  });
}

/**
 * The node under `segment` (a key or an index) of `node` as the data has it: through aliases to their anchor,
 * and into what a merge key brings (the anchor's own line, where the user wrote the value); null when absent.
 */
export function childOf(doc: Document, node: Node | null, segment: string | number): Node | null {
  const at = isAlias(node) ? (node.resolve(doc) as Node | undefined) ?? null : node;
  if (isSeq(at)) return typeof segment === 'number' ? ((at.items[segment] as Node | null) ?? null) : null;
  if (!isMap(at)) return null;
  const own = at.items.find((p) => isScalar(p.key) && typeof p.key.value !== 'symbol' && String(p.key.value) === String(segment));
  if (own) return (own.value as Node | null) ?? null;
  for (const merge of at.items.filter((p) => isScalar(p.key) && typeof p.key.value === 'symbol')) {
    const sources = isSeq(merge.value) ? merge.value.items : [merge.value];
    for (const source of sources) {
      const found = childOf(doc, source as Node | null, segment);
      if (found) return found;
    }
  }
  return null;
}
