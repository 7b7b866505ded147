// Every field of results.json is described in its committed JSON Schema (from src/results/schema.ts), so a
// reader of the file, or an editor completing it, learns what each number is and its unit.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Node = Record<string, unknown>;
const SCHEMA = JSON.parse(readFileSync(new URL('../../schema/results.schema.json', import.meta.url), 'utf8')) as Node;

/** The dotted path of every property in `node` and below (through items, unions and records) that has no description. */
function undescribed(node: unknown, at = ''): string[] {
  if (node === null || typeof node !== 'object') return [];
  const n = node as Node;
  const own = Object.entries((n.properties ?? {}) as Record<string, Node>).flatMap(([key, child]) => [
    ...(typeof child.description === 'string' && child.description.trim() !== '' ? [] : [`${at}.${key}`]),
    ...undescribed(child, `${at}.${key}`),
  ]);
  const nested = [
    ...[n.items, n.additionalProperties].map((c) => undescribed(c, `${at}[]`)),
    ...[n.anyOf, n.oneOf, n.allOf].flatMap((list) => (Array.isArray(list) ? list.map((c) => undescribed(c, at)) : [])),
    ...Object.values((n.patternProperties ?? {}) as Record<string, unknown>).map((c) => undescribed(c, `${at}{}`)),
  ].flat();
  return [...own, ...nested];
}

describe('results.schema.json', () => {
  it('describes every property', () => {
    expect(undescribed(SCHEMA)).toEqual([]);
  });

  it('finds a property without a description, however deep', () => {
    const schema = { properties: { a: { description: 'x', type: 'array', items: { anyOf: [{ properties: { b: { type: 'string' } } }, { type: 'null' }] } } } };
    expect(undescribed(schema)).toEqual(['.a[].b']);
  });
});
