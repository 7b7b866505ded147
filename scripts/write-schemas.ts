// Writes the committed JSON Schemas from their TypeBox source (`npm run schema`); a test checks they match.
import { writeFileSync } from 'node:fs';
import { SCHEMAS } from './schemas.ts';

for (const { file, schema } of SCHEMAS) {
  writeFileSync(new URL(`../${file}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${file}`);
}
