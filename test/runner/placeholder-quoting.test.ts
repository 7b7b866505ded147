// A TMPDIR whose name holds a space, quotes and a `$`: every command that gets a path placeholder (set-up,
// build, smoke run) receives it as one word, and the run measures the variant as it would anywhere else.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { runScenario, writeScenario } from './helpers.ts';

const savedTmp = process.env.TMPDIR;
afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
});

describe('placeholders with spaces', () => {
  it('reach set-up, build and smoke run as one word each', async () => {
    const odd = mkdtempSync(path.join(os.tmpdir(), `bb dir 'q' "d" $x-`));
    process.env.TMPDIR = odd;
    try {
      const file = writeScenario({
        yaml: [
          'name: spaces',
          'project: project',
          'runs: 2',
          'setup: test -d {workdir} && test -d "{cache}" && ls {workdir} > /dev/null',
          'variants:',
          '  - name: a',
          '    build: ls {workdir} > /dev/null && mkdir -p dist && printf "#!/bin/sh\\ntest \\"\\$2\\" -gt 0\\n" > dist/app && chmod +x dist/app',
          '    artifact: dist/app',
          '    smoke: { run: "{artifact} --port {port}" }',
        ].join('\n'),
      });
      expect(file.startsWith(odd)).toBe(true);
      const results = await runScenario({ file });
      const v = results.variants[0]!;
      expect({ status: v.status, reason: v.reason }).toEqual({ status: 'ok', reason: null });
      expect(v.samples.map((s) => s.exitCode)).toEqual([0, 0]);
      expect(v.startup?.readyOk).toBe(true);
    } finally {
      rmSync(odd, { recursive: true, force: true });
    }
  });

  it('are refused in paths, where they would stay literal', () => {
    const file = writeScenario({ yaml: 'name: p\nproject: project\nvariants:\n  - {name: a, build: "true", clean: ["{workdir}/dist"]}\n' });
    expect(loadScenarioFile(file).problems.map((p) => `${p.line}:${p.col} ${p.path}: ${p.message}`)).toEqual([
      '4:38 variants[0].clean[0]: placeholders are not expanded in paths ({workdir}): write the path relative to the workdir',
    ]);
  });
});
