import path from 'node:path';
import { readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/load.ts';

const root = path.resolve(import.meta.dirname, '../..');
const strip = (s: unknown) => JSON.parse(JSON.stringify(s, (k, v) => (['file', 'path', 'sha256'].includes(k) ? undefined : v)));
it.each(readdirSync(path.join(root, '.presets-draft')))('%s', (f) => {
  const old = loadScenarioFile(path.join(root, 'scenarios', f));
  const neu = loadScenarioFile(path.join(root, '.presets-draft', f));
  expect(neu.problems).toEqual([]);
  expect(strip(neu.scenario)).toEqual(strip(old.scenario));
});
