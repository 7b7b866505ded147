// A braced word that looks like a placeholder but is none (`{artifcat}`) is not replaced: it reached the smoke's
// shell as written and failed only at launch, after every build (a new user's trial: `sh: 1: {artifcat}: not
// found`). validate warns with file:line:col and the placeholder meant; --strict refuses it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { misspeltPlaceholders } from '../../src/scenario/placeholders.ts';
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
