// The bundled scenarios are presets applied to bench/. golden/bundled-scenarios.json is what each file loaded
// to when it was still written out by hand (generated from those files before they were replaced): a preset
// that changes what a bundled scenario measures fails here, and the golden is updated on purpose, not by drift.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { BUILDBENCH_ROOT } from '../../src/common/where.ts';

const dir = path.join(BUILDBENCH_ROOT, 'scenarios');
const golden = JSON.parse(readFileSync(new URL('golden/bundled-scenarios.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('bundled scenarios from presets', () => {
  it('covers every file in scenarios/', () => {
    expect(Object.keys(golden)).toEqual(readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort());
  });

  it.each(Object.keys(golden))('%s starts from a preset and loads to what it measured when written out by hand', (file) => {
    expect(readFileSync(path.join(dir, file), 'utf8')).toMatch(/^preset: [a-z-]+$/m);
    const { scenario, problems } = loadScenarioFile(path.join(dir, file));
    expect(problems).toEqual([]);
    const { file: _file, path: _path, sha256: _sha, ...rest } = scenario!;
    // Positions (a need's `at.file`) name the file where it lies: compared relative to the checkout.
    const relative = JSON.parse(JSON.stringify({ ...rest, project: path.relative(BUILDBENCH_ROOT, rest.project) }).replaceAll(`"${BUILDBENCH_ROOT}/`, '"'));
    expect(relative).toEqual(golden[file]);
  });
});
