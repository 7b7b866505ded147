// Seeded choices for the fuzz generators: the same cases on every run, so a failure can be reproduced by id.
import fc from 'fast-check';

export const SEED = 20261120;

/** mulberry32: a tiny seeded generator. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

export type Rng = ReturnType<typeof seeded>;

/** `n` values of a fast-check arbitrary, reproducible from the seed. */
export function sampleOf<T>(arb: fc.Arbitrary<T>, n: number, seed = SEED): T[] {
  return fc.sample(arb, { seed, numRuns: n });
}

/** Deep copy of JSON-like data. */
export const clone = <T>(v: T): T => structuredClone(v);

/** Set (or with `undefined`, delete) the value at a path of objects and arrays. */
export function setAt(root: unknown, at: readonly (string | number)[], value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = at.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

/** Invalid UTF-8: a lone continuation byte, a truncated sequence, an overlong form, a surrogate, 0xFF. */
export const BAD_UTF8: readonly number[][] = [[0xff], [0x80], [0xc3, 0x28], [0xe2, 0x82], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf0, 0x28, 0x8c, 0xbc], [0xfe, 0xfe]];

/** `text` with `bytes` spliced in at `offset` (an offset in the UTF-8 encoding). */
export function spliceBytes(text: string, offset: number, bytes: readonly number[]): Uint8Array {
  const buf = Buffer.from(text, 'utf8');
  return Buffer.concat([buf.subarray(0, offset), Buffer.from(bytes), buf.subarray(offset)]);
}

/** Flow collections nested `depth` deep: `[[[…]]]`, `{a: {a: …}}` or a mix, optionally never closed. */
export function deepFlow(opts: { depth: number; shape: 'seq' | 'map' | 'mixed'; closed: boolean }): string {
  const open = { seq: '[', map: '{a: ', mixed: '[{a: ' }[opts.shape];
  const close = { seq: ']', map: '}', mixed: '}]' }[opts.shape];
  const times = opts.shape === 'mixed' ? Math.ceil(opts.depth / 2) : opts.depth;
  return open.repeat(times) + (opts.shape === 'seq' ? '' : '1') + (opts.closed ? close.repeat(times) : '');
}
