// `$VAR` in env values: expanded from the run's environment as shells and Compose files do, layered (a
// variant's env reads the scenario's), an unset variable a validate warning with file:line:col, and the case
// that failed: `PATH: "{workdir}/bin:$PATH"` used to reach the build literally (`cannot run sh`).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandEnvValue, readReferences } from '../../src/scenario/env-values.ts';
import { BIN } from '../e2e/helpers.ts';
import { runScenario, writeScenario } from '../runner/helpers.ts';

describe('expandEnvValue', () => {
  const vars = { HOME: '/home/u', EMPTY: '', PATH: '/usr/bin' };
  const placeholders = { workdir: '/w d' };
  it.each([
    ['$HOME/x', '/home/u/x'],
    ['${HOME}x', '/home/ux'],
    ['{workdir}/bin:$PATH', '/w d/bin:/usr/bin'],
    ['${NOPE:-fallback}', 'fallback'],
    ['${EMPTY:-fallback}', 'fallback'],
    ['${EMPTY-fallback}', ''],
    ['${NOPE-{workdir}/d}', '/w d/d'],
    ['${NOPE:-$HOME}', '/home/u'],
    ['$NOPE|', '|'],
    ['cost $$5 and $$HOME', 'cost $5 and $HOME'],
    ['a $ b $1 $-', 'a $ b $1 $-'],
  ])('%s → %s', (value, expected) => {
    expect(expandEnvValue(value, { vars, placeholders })).toBe(expected);
  });

  it('names what a malformed reference lacks', () => {
    expect(readReferences('a ${HOME')).toEqual({ error: 'unclosed "${"', offset: 2 });
    expect(readReferences('${HOME:?x}')).toEqual({
      error: '"${HOME:?x}" is not a variable reference (${NAME}, ${NAME:-default} or ${NAME-default})',
      offset: 0,
    });
  });
});

describe('env values in a run', () => {
  it('reach the build expanded, a variant reading the scenario env', async () => {
    const file = writeScenario({
      yaml: [
        'name: envs',
        'project: project',
        'runs: 1',
        'env:',
        '  PATH: "{workdir}/bin:$PATH"',
        '  GREETING: "hello ${BB_TEST_WHO:-world}"',
        'variants:',
        '  - name: a',
        '    build: mytool > out.txt && echo "$GREETING|$PRICE" >> out.txt',
        '    artifact: out.txt',
        '    env: { GREETING: "$GREETING again", PRICE: "$$5" }',
      ].join('\n'),
    });
    const bin = path.join(path.dirname(file), 'project', 'bin');
    mkdirSync(bin);
    writeFileSync(path.join(bin, 'mytool'), '#!/bin/sh\necho "mytool ran"\n');
    chmodSync(path.join(bin, 'mytool'), 0o755);
    const results = await runScenario({ file });
    const v = results.variants[0]!;
    expect({ status: v.status, reason: v.reason, tail: v.logTail }).toEqual({ status: 'ok', reason: null, tail: undefined });
    const out = spawnSync('cat', [path.join(path.dirname(file), 'work', 'envs+a@warm', 'work', 'out.txt')], { encoding: 'utf8' }).stdout;
    expect(out).toBe('mytool ran\nhello world again|$5\n');
  });

  it('validate warns of an unset variable with file:line:col and still exits 0', () => {
    const file = writeScenario({
      yaml: 'name: w\nproject: project\nenv:\n  A: "$BB_SURELY_UNSET/x"\nvariants:\n  - name: a\n    build: "true"\n    env: {B: "${A}${BB_SURELY_UNSET:-d}", C: "${BB_ALSO_UNSET}"}\n',
    });
    const r = spawnSync(process.execPath, [BIN, 'validate', 'scenario.yaml'], { cwd: path.dirname(file), encoding: 'utf8' });
    expect({ code: r.status, stderr: r.stderr }).toEqual({
      code: 0,
      stderr: [
        'warning: scenario.yaml:4:6 env.A: $BB_SURELY_UNSET is not set here, so it expands to an empty string (set it, or write ${BB_SURELY_UNSET:-default})',
        'warning: scenario.yaml:8:46 variants[0].env.C: $BB_ALSO_UNSET is not set here, so it expands to an empty string (set it, or write ${BB_ALSO_UNSET:-default})',
        '',
      ].join('\n'),
    });
  });

  it('validate refuses a malformed reference', () => {
    const file = writeScenario({ yaml: 'name: w\nproject: project\nvariants:\n  - {name: a, build: "true", env: {A: "x${HOME"}}\n' });
    const r = spawnSync(process.execPath, [BIN, 'validate', 'scenario.yaml'], { cwd: path.dirname(file), encoding: 'utf8' });
    expect({ code: r.status, stderr: r.stderr }).toEqual({ code: 2, stderr: 'scenario.yaml:4:39 variants[0].env.A: unclosed "${" at character 2\n' });
  });
});
