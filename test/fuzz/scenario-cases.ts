// Malformed scenario files, each invalid by construction (the base is valid; every case breaks it in one
// known way), so each must be refused with exit 2. The files live beside `proj/` (a folder with a symlink
// `out-link` leading outside) and `afile.txt` (a file, to name as a project).
import fc from 'fast-check';
import { stringify } from 'yaml';
import type { FuzzCase } from './cli-harness.ts';
import { BAD_UTF8, clone, deepFlow, sampleOf, seeded, setAt, spliceBytes, type Rng } from './random.ts';

interface VariantDoc {
  [key: string]: unknown;
  name: string;
  phases?: { name: string; pattern: string }[];
}
interface ScenarioDoc {
  [key: string]: unknown;
  variants: VariantDoc[];
}

/** A valid scenario using most of the schema; `validate` must accept it (the control case). */
export const BASE: ScenarioDoc = {
  name: 'demo',
  project: 'proj',
  runs: 3,
  cache: ['cold', 'warm'],
  env: { A: '1' },
  variants: [
    { name: 'a', build: 'true' },
    {
      name: 'b',
      build: 'make',
      artifact: 'dist/app',
      clean: ['dist'],
      caches: ['build'],
      smoke: { run: '{artifact}', ready: 'http://127.0.0.1:{port}/', timeoutS: 5 },
      phases: [{ name: 'p', pattern: '^done' }],
      env: { B: '2' },
      requires: ['sh'],
      mutate: { touch: 'src/main.c' },
      expect: { linker: 'lld' },
      network: false,
    },
  ],
};
export const BASE_TEXT = stringify(BASE);

type Kind = 'id' | 'string' | 'bool' | 'int' | 'number' | 'strings' | 'cache' | 'env' | 'variants' | 'map' | 'list';
const V = ['variants', 1] as const;
const FIELDS: [(string | number)[], Kind][] = [
  [['name'], 'id'], [['description'], 'string'], [['default'], 'bool'], [['project'], 'string'], [['requires'], 'strings'],
  [['setup'], 'string'], [['runs'], 'int'], [['warmup'], 'int'], [['cache'], 'cache'], [['env'], 'env'], [['timeoutS'], 'number'],
  [['ignore'], 'strings'], [['variants'], 'variants'], [['variants', 0], 'map'], [[...V, 'name'], 'id'], [[...V, 'description'], 'string'],
  [[...V, 'baseline'], 'bool'], [[...V, 'build'], 'string'], [[...V, 'setup'], 'string'], [[...V, 'artifact'], 'string'],
  [[...V, 'clean'], 'strings'], [[...V, 'caches'], 'strings'], [[...V, 'cache'], 'cache'], [[...V, 'mutate'], 'map'], [[...V, 'smoke'], 'map'],
  [[...V, 'smoke', 'run'], 'string'], [[...V, 'smoke', 'timeoutS'], 'number'], [[...V, 'env'], 'env'], [[...V, 'requires'], 'strings'],
  [[...V, 'timeoutS'], 'number'], [[...V, 'phases'], 'list'], [[...V, 'phases', 0], 'map'], [[...V, 'phases', 0, 'pattern'], 'string'],
  [[...V, 'expect'], 'map'], [[...V, 'network'], 'bool'], [[...V, 'mutate', 'touch'], 'string'],
];
const BAD_ID = ['', '-a', 'a b', 'é', 'a'.repeat(81), 'a/b', '\u001b[31mred', 'a\nb', '.hidden'];
const WRONG: Record<Kind, unknown[]> = {
  id: [1, 2.5, true, null, ['a'], { a: 1 }, ...BAD_ID],
  string: [1, -0.5, false, null, ['x'], { x: 1 }],
  bool: ['yes', 'true', 1, 0, null, [true], { a: true }],
  int: ['3', 1.5, true, null, [3], { n: 3 }],
  number: ['5', true, null, [5], { s: 5 }],
  strings: ['dist', 3, null, { a: 'b' }, [1], [null], [['x']], [true]],
  cache: [1, 'hot', ['cold', 'hot'], [], ['cold', 'cold'], { cold: true }, null],
  // Keys that are no variable name ({ '1A': 'x' }) belong here too, but pass: see ENV_KEY_CASES.
  env: ['A=1', ['A=1'], { A: 1 }, { A: null }, { A: ['x'] }, null],
  variants: [[], 'a', { name: 'a' }, [1], [null], null],
  map: ['x', 3, true, null, [1, 2]],
  list: ['x', 3, { name: 'p' }, [1], null],
};
const TOP_KEYS = ['$schema', ...Object.keys(BASE), 'description', 'default', 'requires', 'setup', 'warmup', 'timeoutS', 'ignore'];
const VARIANT_KEYS = [...Object.keys(BASE.variants[1]!), 'description', 'baseline', 'setup', 'cache', 'timeoutS'];
const INVALID_REGEX = ['(', ')', '[', '*', '+a', 'a**', '?', 'a{2,1}', '(?<n>a)(?<n>b)', '\\', '(?<', '[z-a]', '(?=', '(?<1a>x)', 'a)b('];
const isBadRegex = (s: string) => {
  try {
    new RegExp(s);
    return false;
  } catch {
    return true;
  }
};

function withChange(rng: Rng, change: (doc: ScenarioDoc) => void): string {
  const doc = clone(BASE);
  change(doc);
  return stringify(doc);
}

function make(kind: string, n: number, positioned: boolean, gen: (i: number, rng: Rng) => string | Uint8Array): FuzzCase[] {
  const rng = seeded(kind.length * 7919 + n);
  return Array.from({ length: n }, (_, i) => ({ id: `${kind}-${String(i).padStart(3, '0')}`, kind, positioned, content: gen(i, rng) }));
}

export function scenarioCases(): FuzzCase[] {
  const keyNames = sampleOf(fc.string({ minLength: 1, maxLength: 24 }), 200).filter((k) => !TOP_KEYS.includes(k) && !VARIANT_KEYS.includes(k) && k !== 'touch');
  const regexes = [...INVALID_REGEX, ...sampleOf(fc.string({ unit: fc.constantFrom(...'()[]{}*+?\\a|^$<>=!-:,1'.split('')), minLength: 1, maxLength: 12 }), 400).filter(isBadRegex)];
  const values = sampleOf(fc.anything({ maxDepth: 4 }), 80);
  const bytes = sampleOf(fc.uint8Array({ minLength: 1, maxLength: 3000 }), 60);
  return [
    ...make('random-yaml', 60, false, (i) => (i % 2 ? stringify(values[i]) : JSON.stringify(values[i]) ?? 'null')),
    ...make('wrong-type', 90, true, (i, rng) => {
      const [at, kind] = FIELDS[i % FIELDS.length]!;
      return withChange(rng, (d) => setAt(d, at, rng.pick(WRONG[kind])));
    }),
    ...make('out-of-range', 30, true, (i, rng) =>
      withChange(rng, (d) => {
        const [at, bad] = rng.pick([
          [['runs'], [0, -1, 1001, 1e400, 2 ** 53, 1.5, -Infinity]],
          [['warmup'], [-1, 101, 0.5, NaN]],
          [['timeoutS'], [0, -5, 86_401, Infinity, NaN, -Infinity, 1e-400]],
          [[...V, 'timeoutS'], [0, 86_400.5, Infinity]],
          [[...V, 'smoke', 'timeoutS'], [-1, 1e309, NaN]],
        ] as [(string | number)[], number[]][]);
        setAt(d, at, bad[i % bad.length]);
      }),
    ),
    ...make('unknown-key', 60, true, (i, rng) =>
      withChange(rng, (d) => {
        const key = keyNames[i % keyNames.length]!;
        const where = rng.pick([[], ['variants', 0], [...V, 'smoke'], [...V, 'mutate'], [...V, 'expect'], [...V, 'phases', 0]] as (string | number)[][]);
        setAt(d, [...where, key], rng.pick([1, 'x', null, [], { a: 1 }]));
      }),
    ),
    ...make('duplicate', 30, true, (i, rng) => {
      if (i % 3 === 0) return withChange(rng, (d) => (d.variants[1]!.name = 'a'));
      if (i % 3 === 1) return `${BASE_TEXT}${rng.pick(TOP_KEYS.slice(1, 6))}: again\n`;
      const key = rng.pick(VARIANT_KEYS);
      return `name: demo\nproject: proj\nvariants:\n  - {name: a, build: x, ${key}: 1, ${key}: 2}\n`;
    }),
    ...make('huge-string', 16, true, (i, rng) =>
      withChange(rng, (d) => {
        const [at, max] = rng.pick([[['description'], 2000], [['name'], 80], [[...V, 'build'], 10_000], [[...V, 'artifact'], 1000], [['env', 'A'], 10_000]] as [(string | number)[], number][]);
        setAt(d, at, 'x'.repeat(max + 1 + rng.int(0, 200_000)));
      }),
    ),
    { id: 'huge-string-yaml-over-1mib', kind: 'huge-string', positioned: false, content: withChange(seeded(1), (d) => ((d as { description?: string }).description = 'y'.repeat(1_200_000))) },
    { id: 'huge-string-json-over-1mib', kind: 'huge-string', positioned: false, content: JSON.stringify({ ...BASE, description: 'z'.repeat(1_200_000) }) },
    { id: 'huge-file-over-32mib', kind: 'huge-string', positioned: false, content: `description: ${'w'.repeat(33 * 1024 * 1024)}\n` },
    ...make('deep', 40, true, (i, rng) => {
      const depth = i < 6 ? rng.int(30, 64) : i < 12 ? 10_000 : rng.int(65, 12_000);
      const flow = deepFlow({ depth, shape: rng.pick(['seq', 'map', 'mixed'] as const), closed: rng.next() < 0.7 });
      switch (i % 5) {
        case 0: return flow;
        case 1: return BASE_TEXT.replace('name: demo', `name: demo\ndescription: ${flow}`);
        case 2: return BASE_TEXT.replace('A: "1"', `A: ${flow}`);
        case 3: return `${'- '.repeat(depth)}1\n`;
        default: return Array.from({ length: Math.min(depth, 400) }, (_, k) => `${' '.repeat(k)}k${k}:`).join('\n') + ' 1\n';
      }
    }),
    ...['', ' ', '\n\n\n', '# only a comment\n', '---\n', '...\n', '~\n', 'null\n', '---\n...\n', '\ufeff', '\ufeff# bom\n', '%YAML 1.2\n---\n', '\t\n', '\r\n'].map(
      (content, i): FuzzCase => ({ id: `empty-${i}`, kind: 'empty', positioned: false, content }),
    ),
    ...make('binary', 60, false, (i) => {
      const b = Buffer.from(bytes[i]!);
      if (i % 2 === 0) b[i % b.length] = 0; // half carry a NUL
      else for (let k = 0; k < b.length; k++) if (b[k] === 0) b[k] = 1;
      return b;
    }),
    ...make('invalid-utf8', 24, true, (i) => {
      const bad = BAD_UTF8[i % BAD_UTF8.length]!;
      const at = [BASE_TEXT.indexOf('demo') + 2, BASE_TEXT.indexOf('runs'), 0][i % 3]!;
      return spliceBytes(BASE_TEXT, at, bad);
    }),
    ...make('alias', 30, false, (i, rng) => {
      if (i % 3 === 0) return `${BASE_TEXT}description: *nowhere\n`;
      if (i % 3 === 1) return BASE_TEXT.replace('variants:\n  - name: a\n    build: "true"', 'variants:\n  - &v\n    name: a\n    build: "true"\n  - *v');
      const width = rng.int(3, 10);
      const depth = rng.int(3, 9);
      const lines = ['a0: &a0 [x, x, x]'];
      for (let k = 1; k <= depth; k++) lines.push(`a${k}: &a${k} [${Array(width).fill(`*a${k - 1}`).join(', ')}]`);
      return `${lines.join('\n')}\nname: *a${depth}\n`;
    }),
    ...make('tab', 16, true, (i) => {
      const lines = BASE_TEXT.split('\n');
      const indented = lines.map((l, k) => (/^ +\S/.test(l) ? k : -1)).filter((k) => k >= 0);
      const k = indented[(i * 7) % indented.length]!;
      lines[k] = lines[k]!.replace(/^ +/, (s) => '\t'.repeat(1 + (i % 2)) + s.slice(2));
      return lines.join('\n');
    }),
    ...['afile.txt', './afile.txt', '../fuzz-outside-file', 'proj/../afile.txt', 'nope', '/dev/null', '', 'proj/out-link/../../afile.txt'].map(
      (project, i): FuzzCase => ({ id: `project-${i}`, kind: 'project', positioned: true, content: stringify({ ...BASE, project }) }),
    ),
    ...make('confinement', 60, true, (i, rng) =>
      withChange(rng, (d) => {
        const value = ['/etc', '/tmp/x', 'C:\\x', 'C:/x', '..', '../x', 'a/../../x', './../x', 'a/b/../../../x', '.', './', '', 'out-link', 'out-link/x', 'a\\..\\..\\x', '//abs'][i % 16]!;
        const at = rng.pick([[...V, 'clean', 0], [...V, 'caches', 0], [...V, 'artifact'], [...V, 'mutate', 'touch'], ['ignore']] as (string | number)[][]);
        setAt(d, at, at[0] === 'ignore' ? [value] : value);
      }),
    ),
    ...make('regex', 30, true, (i, rng) => withChange(rng, (d) => (d.variants[1]!.phases![0]!.pattern = regexes[i % regexes.length]!))),
    ...make('semantic', 24, true, (i, rng) =>
      withChange(rng, (d) => {
        const v = d.variants[1] as Record<string, unknown>;
        [
          () => ((d.variants[0] as Record<string, unknown>).baseline = true, (v.baseline = true)),
          () => ((v.cache = 'incremental'), delete v.mutate),
          () => ((v.smoke as Record<string, unknown>).ready = rng.pick(['ftp://x', 'localhost:8080', 'javascript:alert(1)', 'file:///etc/passwd'])),
          () => (v.mutate = { touch: 'a', append: { file: 'b', text: 'c' } }),
          () => (v.mutate = { append: { file: 'b' } }),
          () => (v.requires = ['']),
          () => ((v.phases as { name: string }[])[0]!.name = 'bad name'),
          () => (v.expect = { linker: 'gnu' }),
        ][i % 8]!();
      }),
    ),
    ...make('control', 20, true, (i) => {
      const evil = ['\u001b[2J\u001b[H', '\u001b]0;pwned\u0007', 'a\r\nb', '\u0007bell', '\u009b31m', 'x\u001b[31m'][i % 6]!;
      return i % 2 ? stringify({ ...BASE, [evil]: 1 }) : stringify({ ...BASE, project: `${evil}dir` });
    }),
    ...make('nul', 12, true, (i, rng) =>
      withChange(rng, (d) => {
        const at = [['description'], ['setup'], ['env', 'A'], [...V, 'build'], [...V, 'smoke', 'run'], [...V, 'clean', 0], [...V, 'requires', 0], [...V, 'env', 'B']][i % 8]!;
        if (i % 8 === 7) (d.variants[1]!.env as Record<string, string>)['B\u0000X'] = '1';
        else setAt(d, at, 'a\u0000b');
      }),
    ),
    ...make('crlf', 8, true, (i) => withChange(seeded(i), (d) => (d.runs = 0)).replace(/\n/g, i % 2 ? '\r\n' : '\r')),
    ...make('multi-doc', 6, true, (i) => [`${BASE_TEXT}---\n${BASE_TEXT}`, `${BASE_TEXT}...\n---\nx: 1\n`, `--- !!str\nfoo\n--- \n${BASE_TEXT}`][i % 3]!),
    { id: 'special-dir', kind: 'special', positioned: false, special: 'dir' },
    { id: 'special-fifo', kind: 'special', positioned: false, special: 'fifo' },
    { id: 'special-dev-zero', kind: 'special', positioned: false, special: 'dev-zero' },
    { id: 'special-missing', kind: 'special', positioned: false, special: 'missing' },
  ];
}

/**
 * Environment keys that are no variable name. The schema means to refuse them (Env's key pattern) but TypeBox's
 * Record puts the pattern in `patternProperties` without `additionalProperties: false`, so any key passes.
 */
export const ENV_KEY_CASES: FuzzCase[] = [{ '1A': 'x' }, { 'A-B': 'x' }, { '': 'x' }, { 'A=B': 'x' }, { 'A B': 'x' }].map((env, i) => ({
  id: `env-key-${i}`,
  kind: 'env-key',
  positioned: true,
  content: stringify({ ...BASE, env }),
}));

/** Random byte-level edits of the valid base: not invalid by construction, so they may pass; none may crash. */
export function mutatedCases(n: number): FuzzCase[] {
  const rng = seeded(4242);
  const alphabet = [':', '[', ']', '{', '}', '-', "'", '"', '&', '*', '!', '|', '>', '#', '%', '@', '\t', '\n', ' ', '\\', '?', ',', 'x', '0'];
  return Array.from({ length: n }, (_, i) => {
    let text = BASE_TEXT;
    for (let k = rng.int(1, 4); k > 0; k--) {
      const at = rng.int(0, text.length - 1);
      const op = rng.int(0, 2);
      text = op === 0 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + rng.pick(alphabet) + text.slice(at + (op === 1 ? 0 : 1));
    }
    return { id: `mutated-${String(i).padStart(3, '0')}`, kind: 'mutated', positioned: false, content: text };
  });
}
