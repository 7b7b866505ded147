import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMAS } from '../../scripts/schemas.ts';

describe('committed JSON Schemas', () => {
  it.each(SCHEMAS.map((s) => [s.file, s.schema] as const))('%s equals the one generated from its TypeBox source (npm run schema)', (file, schema) => {
    const committed = JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(schema)));
  });
});
