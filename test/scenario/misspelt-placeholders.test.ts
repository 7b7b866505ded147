// A braced word that looks like a placeholder but is none (`{artifcat}`) is not replaced: it reached the smoke's
// shell as written and failed only at launch, after every build (a new user's trial: `sh: 1: {artifcat}: not
// found`). validate warns with file:line:col and the placeholder meant; --strict refuses it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { misspeltPlaceholders } from '../../src/scenario/placeholders.ts';
import { checkMisspeltPlaceholders } from '../../src/scenario/check-scenario.ts';
import { BIN } from '../e2e/helpers.ts';
import { writeScenario } from '../runner/helpers.ts';

describe('misspelt placeholders', () => {
  it('finds words close to a placeholder, and leaves f-strings, awk and ${VAR} alone', () => {
    expect(misspeltPlaceholders('{artifcat} && echo {tool} {tool}')).toEqual([
      { written: '{artifcat}', meant: '{artifact}' },
      { written: '{tool}', meant: '{tools}' },
    ]);
    expect(misspeltPlaceholders(`python3 -c "print(f'{x} {name} {value}')"; awk '{print $1}'; echo \${workdri} {workdir} {needs.a}`)).toEqual([]);
  });

  it('looks in every text placeholders are replaced in: scenario-wide, and a variant\'s smoke and mutate text too', () => {
    const raw = {
      setup: 'echo {tool}',
      env: { A: '{workdri}/x' },
      variants: [{ name: 'a', build: 'true', smoke: { run: 'x', ready: 'http://127.0.0.1:{prot}/' }, mutate: { append: { file: 'a.py', text: '# {rounds}' } } }],
    };
    const at = (segments: (string | number)[], message: string) => ({ file: 's.yaml', message: `${segments.join('.')}: ${message.split(' is no')[0]}` });
    expect(checkMisspeltPlaceholders(raw, at).map((p) => p.message)).toEqual(['setup: {tool}', 'env.A: {workdri}', 'variants.0.smoke.ready: {prot}', 'variants.0.mutate.append.text: {rounds}']);
  });

  it('validate warns with file:line:col and exits 0; --strict exits 2', () => {
    const file = writeScenario({
      yaml: 'name: w\nproject: project\nvariants:\n  - name: a\n    build: "echo {tool}"\n    artifact: out\n    smoke: {run: "{artifcat}"}\n',
    });
    const cwd = path.dirname(file);
    const r = spawnSync(process.execPath, [BIN, 'validate', 'scenario.yaml'], { cwd, encoding: 'utf8' });
    expect({ code: r.status, stderr: r.stderr }).toEqual({
      code: 0,
      stderr: [
        'warning: scenario.yaml:5:12 variants[0].build: {tool} is no placeholder (did you mean {tools}?): it reaches the command as written',
        'warning: scenario.yaml:7:18 variants[0].smoke.run: {artifcat} is no placeholder (did you mean {artifact}?): it reaches the command as written',
        '',
      ].join('\n'),
    });
    const strict = spawnSync(process.execPath, [BIN, 'validate', '--strict', 'scenario.yaml'], { cwd, encoding: 'utf8' });
    expect(strict.status).toBe(2);
    expect(strict.stderr).toContain('{artifcat} is no placeholder (did you mean {artifact}?)');
  });
});
