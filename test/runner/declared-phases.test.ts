// A scenario's `phases:` rules are the runner's own job: a run with no probe hooks at all records them, and a
// declared phase that no line of the build's output matched is listed, not left out silently.
import { describe, expect, it } from 'vitest';
import { runScenario, writeScenario } from './helpers.ts';

describe('declared phases', () => {
  it('are recorded by the runner without any probe hooks', async () => {
    const build = `sh -c 'echo step one; sleep 0.2; echo step two'`;
    const file = writeScenario({
      yaml: [
        'name: phased',
        'project: project',
        'runs: 1',
        'warmup: 0',
        'cache: warm',
        'variants:',
        '  - name: only',
        `    build: "${build}"`,
        '    phases:',
        '      - {name: one, pattern: "^step one"}',
        '      - {name: two, pattern: "^step two"}',
        '      - {name: three, pattern: "^step three"}',
        '',
      ].join('\n'),
    });
    const results = await runScenario({ file });
    const [sample] = results.variants[0]!.samples;
    expect(Object.keys(sample!.phases)).toEqual(['one', 'two']);
    expect(sample!.phases.two!).toBeGreaterThanOrEqual(sample!.phases.one!);
    expect(sample!.phasesMissing).toEqual(['three']);
  });
});
