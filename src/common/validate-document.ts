// Parse a YAML (or JSON: YAML is a superset) document and validate it against a JSON Schema, reporting every
// problem at once with its file:line:col. The parser keeps source positions, so an ajv error's instance path
// can be mapped back to the node the user wrote (gradle-profiler reports scenario problems this way).
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import type { TSchema } from '@sinclair/typebox';
import { Composer, LineCounter, Parser, isMap, isPair, isScalar, type Document, type Node } from 'yaml';
import { formatPath, type Problem } from './problem.ts';
import { suggest } from './did-you-mean.ts';
import { childOf, findRefProblems, findTooDeep, firstAliasOffset, unclosedQuoteOffset } from './yaml-refs.ts';

/** Inputs larger than this are refused before parsing: no scenario or results file needs more. */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;
/**
 * Larger inputs must be JSON and are read with JSON.parse: the yaml parser needs about a second per MiB on a
 * slow core (a 6 MiB array took 40 s, test/fuzz), and only results files, which are JSON, grow that big.
 */
export const MAX_YAML_BYTES = 1024 * 1024;
/**
 * Deeper YAML is refused before it is composed. yaml's composer recurses once per level; past ~800 levels it
 * overflows the stack, and on Node 20 the next parse in the same process then aborts it with a fatal
 * "RegExpCompiler Allocation failed" (test/fuzz: `validate` of two 10 000-level files). Real files nest < 10.
 */
export const MAX_NESTING = 64;

/**
 * Problems listed per file. A file can hold 200 000 of them (a huge array of wrong types): nobody reads past
 * the first screen, and callers that spread them into `push(...)` overflowed the stack (test/fuzz).
 */
export const MAX_PROBLEMS = 100;

/** The first MAX_PROBLEMS of `problems`, then one problem of `file` saying how many more of `total` there are. */
export function limitProblems(file: string, problems: Problem[], total = problems.length): Problem[] {
  if (total <= MAX_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_PROBLEMS), { file, message: `… and ${total - MAX_PROBLEMS} more problems` }];
}

export interface Validated<T> {
  /** The document, when it is valid. */
  value: T | undefined;
  /** The parsed document whether valid or not, for further checks that guard their own types. */
  data?: unknown;
  problems: Problem[];
  /** Position of a path in the source, for checks made after schema validation. */
  locate: (path: readonly (string | number)[]) => { line: number; col: number } | undefined;
}

const ajv = new Ajv({ allErrors: true, verbose: true, strict: false, strictNumbers: true });
const compiled = new WeakMap<TSchema, ValidateFunction>();

function compile(schema: TSchema): ValidateFunction {
  let fn = compiled.get(schema);
  if (!fn) compiled.set(schema, (fn = ajv.compile(schema)));
  return fn;
}

/**
 * Read an input file as text, refusing what is not a regular file of at most MAX_DOCUMENT_BYTES before reading
 * it: a scenario committed as a symlink to /dev/zero, or a FIFO, would otherwise hang the command (test/fuzz).
 * O_NONBLOCK keeps the open of a FIFO from waiting for a writer.
 */
export function readDocumentFile(file: string): { text: string; directory?: undefined } | { text?: undefined; directory?: boolean; message: string } {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { directory: true, message: 'is a directory' };
    if (!stat.isFile()) return { message: 'not a regular file' };
    if (stat.size > MAX_DOCUMENT_BYTES) return { message: `file too large (${stat.size} bytes)` };
    return { text: readFileSync(fd, 'utf8') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { message: code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? firstLine(err)})` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

type Position = { line: number; col: number } | undefined;
interface Parsed {
  data?: unknown;
  doc?: Document;
  lineCounter?: LineCounter;
  problems: Problem[];
}

/**
 * `text` (YAML, or JSON past MAX_YAML_BYTES) of `file` parsed and checked against the TypeBox `schema` with Ajv:
 * `value` when valid, else every problem (at most MAX_PROBLEMS, then a count) with its line:col and dotted path;
 * a file too large, with NUL bytes, nested too deep, empty or unparsable is one problem. Never throws.
 */
export function validateDocument<T>(opts: { file: string; text: string; schema: TSchema }): Validated<T> {
  const { file, text } = opts;
  const noPosition = () => undefined;
  if (text.length > MAX_DOCUMENT_BYTES) {
    return { value: undefined, locate: noPosition, problems: [{ file, message: `file too large (${text.length} bytes)` }] };
  }
  if (text.includes('\u0000')) {
    return { value: undefined, locate: noPosition, problems: [{ file, message: 'not a text file (contains NUL bytes)' }] };
  }
  const { data, doc, lineCounter, problems: parseProblems } = text.length > MAX_YAML_BYTES ? parseJson(file, text) : parseYaml(file, text);
  const locate = (path: readonly (string | number)[]) => (doc && lineCounter ? position(lineCounter, nodeAt(doc, path)) : undefined);
  if (parseProblems.length > 0) return { value: undefined, locate, problems: parseProblems };
  if (data === null || data === undefined) {
    return { value: undefined, locate, problems: [{ file, message: 'the file is empty' }] };
  }
  const validate = compile(opts.schema);
  if (validate(data)) return { value: data as T, data, problems: [], locate };
  const errors = selectErrors(validate.errors ?? []);
  const problems = dedupe(errors.slice(0, MAX_PROBLEMS).map((e) => toProblem({ file, error: e, doc, lineCounter })));
  return { value: undefined, data, problems: limitProblems(file, problems, errors.length), locate };
}

function parseYaml(file: string, text: string): Parsed {
  const lineCounter = new LineCounter();
  const at = (offset: number | undefined): Position => (offset === undefined || offset < 0 ? undefined : lineCounter.linePos(offset));
  try {
    const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
    const tooDeep = findTooDeep(tokens, MAX_NESTING);
    if (tooDeep !== undefined) return { problems: [{ file, ...at(tooDeep), message: `nested deeper than ${MAX_NESTING} levels` }] };
    // What parseDocument does, on tokens already checked; logLevel 'error' keeps yaml from printing warnings.
    // `merge` applies YAML 1.1 merge keys (`<<: *base`), which people use to share fields between variants.
    const docs = [...new Composer({ uniqueKeys: true, merge: true, logLevel: 'error' }).compose(tokens, true, text.length)];
    const doc = docs[0]!;
    const unclosed = (e: { code: string }) => (e.code === 'MISSING_CHAR' ? unclosedQuoteOffset(tokens) : undefined);
    const problems: Problem[] = doc.errors.map((e) => ({ file, ...at(unclosed(e) ?? e.pos[0]), message: firstLine(e.message) }));
    if (problems.length === 0) problems.push(...findRefProblems(doc).map((p) => ({ file, ...at(p.offset), message: p.message })));
    if (docs.length > 1) problems.push({ file, ...at(docs[1]!.range[0]), message: 'a second YAML document (after ---); a file holds one' });
    if (problems.length > 0) return { doc, lineCounter, problems: limitProblems(file, dedupe(problems)) };
    try {
      return { doc, lineCounter, data: doc.toJS({ maxAliasCount: 100 }), problems: [] };
    } catch (err) {
      // An alias bomb (a billion laughs) ends here: placed at its first alias.
      return { doc, lineCounter, problems: [{ file, ...at(firstAliasOffset(doc)), message: `cannot parse: ${firstLine(err)}` }] };
    }
  } catch (err) {
    return { problems: [{ file, line: 1, col: 1, message: `cannot parse: ${firstLine(err)}` }] };
  }
}

function parseJson(file: string, text: string): Parsed {
  try {
    return { data: JSON.parse(text), problems: [] };
  } catch (err) {
    const message = firstLine(err);
    const offset = /at position (\d+)/.exec(message)?.[1] ?? (/end of JSON input/.test(message) ? text.length : undefined);
    const reason = message.replace(/,? ".*$/, '').replace(/ (in JSON )?at position \d+.*$/, '');
    const where = offset === undefined ? {} : lineColAt(text, Number(offset));
    return { problems: [{ file, ...where, message: `not valid JSON (${reason}); a file over ${MAX_YAML_BYTES / 1024 / 1024} MiB must be JSON` }] };
  }
}

function lineColAt(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) [line, start] = [line + 1, i + 1];
  return { line, col: offset - start + 1 };
}

/**
 * ajv reports every branch of a failed `anyOf`. Keep only the branch that fits the value's type best (the one
 * with no type error at the union's own path, and fewest errors), so `cache: hot` says "must be one of …"
 * rather than also "must be array".
 */
function selectErrors(errors: ErrorObject[]): ErrorObject[] {
  const unions = errors.filter((e) => e.keyword === 'anyOf');
  // An `if`/`then` (a preset's parameters) fails with its inner errors and a summary saying only that: drop it.
  let kept = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'if');
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
    // No branch fits the value's type: say what the union is, not why each branch refused it.
    const keep = best && fits(best) ? best : [];
    kept = kept.filter((e) => !inUnion.includes(e) || keep.includes(e));
    if (best && !fits(best)) kept.push(u);
  }
  return kept;
}

function toProblem(opts: { file: string; error: ErrorObject; doc?: Document; lineCounter?: LineCounter }): Problem {
  const { file, error: e, doc, lineCounter } = opts;
  const segments = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  let target = doc && nodeAt(doc, segments);
  let path = segments;
  if (e.keyword === 'additionalProperties') {
    const key = (e.params as { additionalProperty: string }).additionalProperty;
    target = (doc && keyNodeAt(doc, segments, key)) ?? target;
    path = [...segments, key];
  }
  const at = lineCounter && position(lineCounter, target);
  return { file, line: at?.line, col: at?.col, path: formatPath(path) || undefined, message: describeError(e) };
}

function describeError(e: ErrorObject): string {
  const params = e.params as Record<string, unknown>;
  const schema = e.parentSchema as { description?: string; properties?: Record<string, unknown> } | undefined;
  switch (e.keyword) {
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const guess = typeof e.data === 'string' ? suggest(e.data, allowed) : undefined;
      return `must be one of ${allowed.join(', ')}${guess ? ` (did you mean "${guess}"?)` : ''}`;
    }
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const valid = Object.keys(schema?.properties ?? {}).filter((k) => k !== '$schema');
      // A record (env, stats) has no fixed keys, only a pattern its keys must match.
      if (valid.length === 0) return 'not an allowed key here (env keys are variable names: letters, digits, _)';
      const guess = suggest(key, valid);
      const free = Object.keys((schema as { patternProperties?: object } | undefined)?.patternProperties ?? {}).includes('^x-') ? '; keys starting with x- are free' : '';
      return guess ? `unknown key (did you mean "${guess}"?)` : `unknown key (valid: ${valid.join(', ')}${free})`;
    }
    case 'required':
      return `missing required key "${String(params.missingProperty)}"`;
    case 'type':
      // strictNumbers: 1e999 and YAML's .inf/.nan parse as numbers but are no measurement.
      return typeof e.data === 'number' ? 'must be a finite number' : `must be ${article(String(params.type))}`;
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
    node = childOf(doc, node, segment);
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
