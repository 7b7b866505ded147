// Malformed results files, each invalid by construction: a valid results file (the report fixtures' builder)
// broken in one known way. Which fields are required and which types they take is read from the schema
// itself, so a deletion or a replacement is known to be invalid without asking the validator.
import fc from 'fast-check';
import type { TSchema } from '@sinclair/typebox';
import { ResultsFileSchema, type ResultsFile } from '../../src/results/schema.ts';
import { makeResults } from '../report/fixtures.ts';
import type { FuzzCase } from './cli-harness.ts';
import { BAD_UTF8, clone, deepFlow, sampleOf, seeded, setAt, spliceBytes, type Rng } from './random.ts';

type Path = (string | number)[];
type Schema = TSchema & { anyOf?: Schema[]; properties?: Record<string, Schema>; patternProperties?: Record<string, Schema>; items?: Schema; required?: string[] };

export function baseResults(): ResultsFile {
  return makeResults({
    variants: [
      { name: 'a', baseline: true, phases: { compile: 100 } },
      { name: 'b', status: 'failed', reason: 'exit code 2', logTail: ['error: x'] },
      { name: 'c' },
    ],
    samples: 4,
  });
}
export const BASE_JSON = JSON.stringify(baseResults(), null, 2);

/** The schema of the value at `at` (through objects, records, arrays and nullable unions). */
function schemaAt(at: Path): Schema | undefined {
  let s: Schema | undefined = ResultsFileSchema as Schema;
  for (const key of at) {
    const branches: Schema[] = s?.anyOf ?? (s ? [s] : []);
    s = undefined;
    for (const b of branches) {
      const child = typeof key === 'number' ? b.items : (b.properties?.[key] ?? Object.values(b.patternProperties ?? {})[0]);
      if (child) s = child;
    }
  }
  return s;
}

/** Whether a value of this JSON type could satisfy the schema (types only: a `{}` for an object counts as fitting). */
function fits(schema: Schema | undefined, value: unknown): boolean {
  if (!schema) return true;
  if (schema.anyOf) return schema.anyOf.some((b) => fits(b, value));
  if (schema.const !== undefined) return value === schema.const;
  const type = schema.type as string | undefined;
  if (type === 'string') return typeof value === 'string';
  if (type === 'number') return typeof value === 'number';
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'boolean') return typeof value === 'boolean';
  if (type === 'null') return value === null;
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
  return true; // unconstrained: nothing is wrong here
}

/** Every path in a JSON value, with whether its parent requires it. */
function pathsOf(root: unknown): { at: Path; required: boolean }[] {
  const out: { at: Path; required: boolean }[] = [];
  const stack: [unknown, Path][] = [[root, []]];
  while (stack.length > 0) {
    const [value, at] = stack.pop()!;
    if (Array.isArray(value)) value.forEach((v, i) => stack.push([v, [...at, i]]));
    else if (value && typeof value === 'object') {
      const parent = schemaAt(at);
      const required = (parent?.anyOf ?? [parent]).flatMap((p) => p?.required ?? []);
      for (const [k, v] of Object.entries(value)) {
        out.push({ at: [...at, k], required: required.includes(k) });
        stack.push([v, [...at, k]]);
      }
    }
  }
  return out.sort((a, b) => a.at.join('.').localeCompare(b.at.join('.')));
}

const CANDIDATES: unknown[] = [0, 1.5, -3, 'x', '', true, null, [], [1], {}, { a: 1 }];
// Not `0x10` or `01`: YAML reads those as the numbers 16 and 1, which are fine.
const NUMBER_TOKENS = ['NaN', 'Infinity', '-Infinity', '1e999', '-1e999', '.nan', '.inf', '-.inf', '+.inf', '1_000', '1.2.3', '--1'];

function make(kind: string, n: number, positioned: boolean, gen: (i: number, rng: Rng) => string | Uint8Array): FuzzCase[] {
  const rng = seeded(kind.length * 104_729 + n);
  return Array.from({ length: n }, (_, i) => ({ id: `${kind}-${String(i).padStart(3, '0')}`, kind, positioned, content: gen(i, rng) }));
}

/**
 * Record keys holding a line break. TypeBox writes `Type.Record(Type.String(), …)` as patternProperties
 * `^(.*)$`, and `.` matches no line terminator, so under such a key any value passes unchecked.
 */
export function lineBreakKeyCases(): FuzzCase[] {
  return ['a\nb', '\r', 'x\u2028y'].map((key, i) => {
    const r = baseResults();
    (r.variants[0]!.stats as Record<string, unknown>)[key] = { n: 'not a summary' };
    (r.variants[0]!.samples[0]!.phases as Record<string, unknown>)[key] = 'not a number';
    return { id: `line-break-key-${i}`, kind: 'line-break-key', positioned: true, content: JSON.stringify(r, null, 2) };
  });
}

export function resultsCases(): FuzzCase[] {
  const base = baseResults();
  // schemaVersion has its own cases: a results file without it is "not a results file", a problem with no position.
  const paths = pathsOf(base).filter((p) => p.at[0] !== 'schemaVersion');
  const required = paths.filter((p) => p.required);
  const numeric = paths.filter((p) => fits(schemaAt(p.at), 1.5) && !fits(schemaAt(p.at), 'x'));
  const json = sampleOf(fc.json({ maxDepth: 4 }), 30);
  const bytes = sampleOf(fc.uint8Array({ minLength: 1, maxLength: 3000 }), 20);
  const edit = (change: (r: ResultsFile) => void) => {
    const r = clone(base);
    change(r);
    return JSON.stringify(r, null, 2);
  };
  return [
    ...make('random-json', 30, false, (i) => json[i]!),
    ...make('schema-version', 10, false, (i) => edit((r) => setAt(r, ['schemaVersion'], [0, 3, '1', null, [], true, undefined, 1.5, -1, { v: 1 }][i]))),
    ...make('truncated', 40, true, (_, rng) => BASE_JSON.slice(0, rng.int(1, BASE_JSON.length - 2))),
    ...make('missing-field', 45, true, (i) => edit((r) => setAt(r, required[(i * 37) % required.length]!.at, undefined))),
    ...make('wrong-type', 60, true, (i, rng) =>
      edit((r) => {
        const { at } = paths[(i * 53) % paths.length]!;
        const wrong = CANDIDATES.filter((v) => !fits(schemaAt(at), v));
        setAt(r, at, wrong.length > 0 ? rng.pick(wrong) : 'x');
        if (wrong.length === 0) setAt(r, ['interrupted'], 'unfit'); // an unconstrained field: break another
      }),
    ),
    ...make('number-text', 30, true, (i) => {
      const { at } = numeric[(i * 31) % numeric.length]!;
      return edit((r) => setAt(r, at, '__TOKEN__')).replace('"__TOKEN__"', NUMBER_TOKENS[i % NUMBER_TOKENS.length]!);
    }),
    ...make('binary', 20, false, (i) => {
      const b = Buffer.from(bytes[i]!);
      if (i % 2 === 0) b[0] = 0;
      return b;
    }),
    ...make('invalid-utf8', 10, true, (i) => {
      const digit = BASE_JSON.indexOf('"wallMs": ') + '"wallMs": 1'.length; // inside a number: it becomes a string
      return spliceBytes(BASE_JSON, i % 2 ? digit : BASE_JSON.indexOf('"runId"') + 4, BAD_UTF8[i % BAD_UTF8.length]!);
    }),
    ...make('duplicate-key', 8, true, (i) => {
      const key = ['runId', 'interrupted', 'variants', 'config'][i % 4]!;
      const at = i < 4 ? 1 : BASE_JSON.indexOf('"round"');
      return `${BASE_JSON.slice(0, at)}"${i < 4 ? key : 'round'}": 1,${BASE_JSON.slice(at)}`;
    }),
    ...make('deep', 10, true, (i, rng) => {
      const flow = deepFlow({ depth: i < 3 ? 10_000 : rng.int(65, 5000), shape: rng.pick(['seq', 'map', 'mixed'] as const), closed: i % 2 === 0 });
      return i % 3 === 0 ? flow : BASE_JSON.replace('"runId": ', `"runId": ${flow}, "x": `);
    }),
    ...make('control', 10, true, (i) =>
      edit((r) => {
        const evil = ['\u001b[2J', '\u001b]0;pwned\u0007', '\u0007', 'x\u001b[31m', '\u009b1m'][i % 5]!;
        (r.variants[0]!.stats as Record<string, unknown>)[evil] = { n: evil };
      }),
    ),
    // Over 1 MiB: read as JSON only. A big log tail keeps them real; the break is at the end or in the middle.
    ...make('large', 4, false, (i) => {
      const big = edit((r) => (r.variants[1]!.logTail = Array.from({ length: 30_000 }, (_, k) => `line ${k} ${'x'.repeat(40)}`)));
      return [big.slice(0, -10), big.replace('"runs": 4', '"runs": "four"'), big.replace('"kernel"', 'kernel'), `${big}\n{}`][i]!;
    }),
    ...make('huge-array', 3, false, (i) =>
      [
        `[${'0,'.repeat(3_000_000)}0]`,
        edit((r) => (r.variants[0]!.samples = Array.from({ length: 20_000 }, () => ({ ...r.variants[0]!.samples[0]!, wallMs: 'slow' as unknown as number })))),
        JSON.stringify({ ...base, config: { ...base.config, order: Array.from({ length: 50_000 }, () => [1]) } }),
      ][i]!,
    ),
    { id: 'empty', kind: 'empty', positioned: false, content: '' },
    { id: 'empty-space', kind: 'empty', positioned: false, content: ' \n\t\n' },
    { id: 'json-null', kind: 'empty', positioned: false, content: 'null' },
    { id: 'special-dir', kind: 'special', positioned: false, special: 'dir' },
    { id: 'special-dir-with-dir', kind: 'special', positioned: false, special: 'dir-with-dir' },
    { id: 'special-fifo', kind: 'special', positioned: false, special: 'fifo' },
    { id: 'special-dev-zero', kind: 'special', positioned: false, special: 'dev-zero' },
    { id: 'special-missing', kind: 'special', positioned: false, special: 'missing' },
  ];
}
