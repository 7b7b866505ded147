// A variant's workdir is a copy of the project without .git, buildbench's own .buildbench/ (tool env,
// wheelhouse) and the scenario's ignore list: a user's `project: ..` must not copy the tool env into every workdir.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/plan/plan.ts';
import { createWorkdir } from '../../src/plan/workdir.ts';
import type { Scenario } from '../../src/scenario/scenario.ts';

describe('createWorkdir', () => {
  it('copies the project without .git, .buildbench/ and the ignored paths', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bb-workdir-'));
    const project = path.join(dir, 'project');
    for (const f of ['src/app.py', '.git/HEAD', '.buildbench/tools/venv/bin/python', '.venv/bin/python', 'scenarios/app.yaml']) {
      mkdirSync(path.dirname(path.join(project, f)), { recursive: true });
      writeFileSync(path.join(project, f), '');
    }
    const scenario: Scenario = {
      name: 'app', file: 'app.yaml', path: path.join(project, 'scenarios/app.yaml'), sha256: '', default: true, project, ignore: ['.venv'],
      variants: [{ scenario: 'app', name: 'a', baseline: true, build: 'true', setup: [], clean: [], caches: [], cacheStates: ['warm'], plainStates: ['warm'], envLayers: [], requires: [], phases: [], network: false, runs: 1, warmup: 0 }],
    };
    const plan = buildPlan({ scenarios: [scenario], runId: 'r', seed: 1, outDir: path.join(dir, 'out'), workRoot: path.join(dir, 'work') });
    const planned = plan.variants[0]!;
    createWorkdir(planned);
    const has = (f: string) => existsSync(path.join(planned.workdir, f));
    expect([has('src/app.py'), has('scenarios/app.yaml')]).toEqual([true, true]);
    expect([has('.git'), has('.buildbench'), has('.venv')]).toEqual([false, false, false]);
  });
});
