// Parse a YAML (or JSON: YAML is a superset) document and validate it against a JSON Schema, reporting every
// problem at once with its file:line:col. The parser keeps source positions, so an ajv error's instance path
// can be mapped back to the node the user wrote (gradle-profiler reports scenario problems this way).
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { TSchema } from '@sinclair/typebox';
import { LineCounter, parseDocument, isMap, isSeq, isPair, isScalar, type Document, type Node } from 'yaml';
import { formatPath, type Problem } from './problem.ts';
import { suggest } from './did-you-mean.ts';

/** Inputs larger than this are refused before parsing: no scenario or results file needs more. */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;

export interface Validated<T> {
  /** The document, when it is valid. */
  value: T | undefined;
  /** The parsed document whether valid or not, for further checks that guard their own types. */
  data?: unknown;
  problems: Problem[];
  /** Position of a path in the source, for checks made after schema validation. */
  locate: (path: readonly (string | number)[]) => { line: number; col: number } | undefined;
}

const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
const compiled = new WeakMap<TSchema, ValidateFunction>();

function compile(schema: TSchema): ValidateFunction {
  let fn = compiled.get(schema);
  if (!fn) compiled.set(schema, (fn = ajv.compile(schema)));
  return fn;
}

export function validateDocument<T>(opts: { file: string; text: string; schema: TSchema }): Validated<T> {
  const { file, text } = opts;
  const lineCounter = new LineCounter();
  const noPosition = () => undefined;
  if (text.length > MAX_DOCUMENT_BYTES) {
    return { value: undefined, locate: noPosition, problems: [{ file, message: `file too large (${text.length} bytes)` }] };
  }
  if (text.includes('\u0000')) {
    return { value: undefined, locate: noPosition, problems: [{ file, message: 'not a text file (contains NUL bytes)' }] };
  }
  let doc: Document;
  let data: unknown;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
    if (doc.errors.length === 0) data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    // Deep nesting or alias bombs end here; the parser's own message is enough for one line.
    return { value: undefined, locate: noPosition, problems: [{ file, message: `cannot parse: ${firstLine(err)}` }] };
  }
  const locate = (path: readonly (string | number)[]) => position(lineCounter, nodeAt(doc, path));
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => ({
      file,
      line: e.linePos?.[0].line,
      col: e.linePos?.[0].col,
      // prettyErrors adds " at line L, column C:" and a source excerpt; the position is already in front.
      message: firstLine(e.message).replace(/ at line \d+, column \d+:?$/, ''),
    }));
    return { value: undefined, locate, problems };
  }
  if (data === null || data === undefined) {
    return { value: undefined, locate, problems: [{ file, message: 'the file is empty' }] };
  }
  const validate = compile(opts.schema);
  if (validate(data)) return { value: data as T, data, problems: [], locate };
  const problems = selectErrors(validate.errors ?? []).map((e) => toProblem({ file, error: e, doc, lineCounter }));
  return { value: undefined, data, problems: dedupe(problems), locate };
}

/**
 * ajv reports every branch of a failed `anyOf`. Keep only the branch that fits the value's type best (the one
 * with no type error at the union's own path, and fewest errors), so `cache: hot` says "must be one of …"
 * rather than also "must be array".
 */
function selectErrors(errors: ErrorObject[]): ErrorObject[] {
  const unions = errors.filter((e) => e.keyword === 'anyOf');
  let kept = errors.filter((e) => e.keyword !== 'anyOf');
  for (const u of unions) {
    const prefix = `${u.schemaPath.slice(0, -'/anyOf'.length)}/anyOf/`;
    const inUnion = kept.filter(
      (e) =>
        e.schemaPath.startsWith(prefix) &&
        (e.instancePath === u.instancePath || e.instancePath.startsWith(`${u.instancePath}/`)),
    );
    const branches = new Map<string, ErrorObject[]>();
    for (const e of inUnion) {
      const branch = e.schemaPath.slice(prefix.length).split('/')[0]!;
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    const fits = (list: ErrorObject[]) => !list.some((e) => e.keyword === 'type' && e.instancePath === u.instancePath);
    const ranked = [...branches.values()].sort((a, b) => Number(fits(b)) - Number(fits(a)) || a.length - b.length);
    const best = ranked[0];
    kept = kept.filter((e) => !inUnion.includes(e) || best?.includes(e));
    if (best && !fits(best)) kept.push(u); // no branch fits the type: say what the union is
  }
  return kept;
}

function toProblem(opts: { file: string; error: ErrorObject; doc: Document; lineCounter: LineCounter }): Problem {
  const { file, error: e, doc, lineCounter } = opts;
  const segments = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  let target = nodeAt(doc, segments);
  let path = segments;
  if (e.keyword === 'additionalProperties') {
    const key = (e.params as { additionalProperty: string }).additionalProperty;
    target = keyNodeAt(doc, segments, key) ?? target;
    path = [...segments, key];
  }
  const at = position(lineCounter, target);
  return { file, line: at?.line, col: at?.col, path: formatPath(path) || undefined, message: describeError(e) };
}

function describeError(e: ErrorObject): string {
  const params = e.params as Record<string, unknown>;
  const schema = e.parentSchema as { description?: string; properties?: Record<string, unknown> } | undefined;
  switch (e.keyword) {
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const valid = Object.keys(schema?.properties ?? {}).filter((k) => k !== '$schema');
      const guess = suggest(key, valid);
      return guess ? `unknown key (did you mean "${guess}"?)` : `unknown key (valid: ${valid.join(', ')})`;
    }
    case 'required':
      return `missing required key "${String(params.missingProperty)}"`;
    case 'type':
      return `must be ${article(String(params.type))}`;
    case 'pattern':
      return schema?.description ? `must be ${schema.description}` : `must match ${String(params.pattern)}`;
    case 'anyOf':
      return schema?.description ? `must be ${schema.description}` : 'does not match any allowed form';
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    default:
      return e.message ?? 'is invalid';
  }
}

function article(type: string): string {
  const names: Record<string, string> = { object: 'a mapping', array: 'a list', integer: 'a whole number', null: 'null' };
  return names[type] ?? `a ${type.replace(/,/g, ' or ')}`;
}

function nodeAt(doc: Document, path: readonly (string | number)[]): Node | undefined {
  let node = doc.contents as Node | null;
  let last: Node | undefined = node ?? undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      node = (pair?.value as Node | null) ?? null;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = (node.items[segment] as Node | null) ?? null;
    } else node = null;
    if (!node) break;
    last = node;
  }
  return last;
}

function keyNodeAt(doc: Document, path: readonly (string | number)[], key: string): Node | undefined {
  const parent = nodeAt(doc, path);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
  return (pair?.key as Node | undefined) ?? undefined;
}

function position(lineCounter: LineCounter, node: Node | undefined) {
  const offset = node?.range?.[0];
  return offset === undefined ? undefined : lineCounter.linePos(offset);
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.col}:${p.path}:${p.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

function firstLine(value: unknown): string {
  const text = value instanceof Error ? value.message : String(value);
  return text.split('\n')[0]!.trim();
}
