// A variant's workdir is a copy of the project without .git, buildbench's own .buildbench/ (tool env,
// wheelhouse) and runs (reports/), and the scenario's ignore list: a user's `project: ..` must not copy the tool env into every workdir.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/plan/plan.ts';
import { createWorkdir } from '../../src/plan/workdir.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/scenario.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe('createWorkdir', () => {
  it('copies the project without .git, .buildbench/ and the ignored paths', () => {
    const dir = tempDir('bb-workdir-');
    const project = path.join(dir, 'project');
    // reports/ and out/ hold buildbench's own runs (a run folder: results.json and logs/); notes/ only looks like one.
    const files = ['src/app.py', '.git/HEAD', '.buildbench/tools/venv/bin/python', '.venv/bin/python', 'scenarios/app.yaml'];
    const runs = ['reports/2026-12-06T19-35-59/results.json', 'reports/2026-12-06T19-35-59/logs/a/1.log', 'out/results.json', 'out/logs/a/1.log', 'notes/results.json'];
    for (const f of [...files, ...runs]) {
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
    // A build that packs its folder (pex -D .) must not pack the team's reports.
    expect([has('reports'), has('out'), has('notes/results.json')]).toEqual([false, false, true]);
  });
});

describe('the one ignore rule', () => {
  // A real project in a real git repository, loaded from a plain scenario file (no preset, no `ignore`).
  it('leaves out dependency folders, caches and generated outputs whatever the scenario, and keeps what `copy` names', () => {
    const dir = tempDir('bb-rule-');
    const project = path.join(dir, 'app');
    const files = [
      'main.py', 'node_modules/left-pad/index.js', 'frontend/node_modules/vite/index.js', 'frontend/src/main.ts', 'pkg/__pycache__/m.pyc',
      'src-tauri/Cargo.toml', 'src-tauri/target/debug/app', 'docs/target/index.md', 'dist/app', 'build/app.toc', 'web/dist/index.html',
      'venv/pyvenv.cfg', '.mypy_cache/x.json', 'ui/node_modules/kept.js',
    ];
    for (const f of files) {
      mkdirSync(path.dirname(path.join(project, f)), { recursive: true });
      writeFileSync(path.join(project, f), 'x');
    }
    writeFileSync(path.join(project, '.gitignore'), '/dist/\n/build/\n');
    execFileSync('git', ['init', '-q', project]);
    writeFileSync(path.join(dir, 'app.yaml'), ['name: app', 'project: app', 'copy: [ui/node_modules]', 'variants:', '  - name: a', '    build: "true"', ''].join('\n'));
    const loaded = loadScenarioFile(path.join(dir, 'app.yaml'));
    expect(loaded.problems).toEqual([]);
    const plan = buildPlan({ scenarios: [loaded.scenario!], runId: 'r', seed: 1, outDir: path.join(dir, 'out'), workRoot: path.join(dir, 'work') });
    createWorkdir(plan.variants[0]!);
    const copied = files.filter((f) => existsSync(path.join(plan.variants[0]!.workdir, f)));
    // target only beside a Cargo.toml; dist and build only where git ignores them (web/dist is the project's own).
    expect(copied).toEqual(['main.py', 'frontend/src/main.ts', 'src-tauri/Cargo.toml', 'docs/target/index.md', 'web/dist/index.html', 'ui/node_modules/kept.js']);
  });
});
