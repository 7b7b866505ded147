// `buildbench show` prints a scenario as it will run, with where each value came from; `run --dry-run --json`
// prints the plan as JSON. Real files, the real CLI; exact lines.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioDir, startCli } from '../reliability/helpers.ts';

const APP = `name: app
project: proj
cache: [cold, incremental]
env: { MODE: fast }
variants:
  - name: zip
    baseline: true
    build: python3 -m zipapp src -o {cache}/app.pyz
    artifact: out/app.pyz
    clean: [out]
    mutate: { append: { file: src/__main__.py, text: "# edit" } }
    env: { MODE: slow }
`;

async function cli(args: string[], cwd: string) {
  const c = startCli({ args, cwd });
  const { code } = await c.exit;
  return { code, stdout: c.stdout(), stderr: c.stderr() };
}

describe('buildbench show', () => {
  it('prints every command in full, the placeholders, and the line or preset each value came from', async () => {
    const dir = scenarioDir(APP);
    mkdirSync(path.join(dir, 'scenarios'));
    // A preset file beside it: its values are the preset's unless the file sets them.
    writeFileSync(path.join(dir, 'scenarios', 'env.yaml'), 'name: env\nproject: ../proj\npreset: python-env\nwith: { requirements: req.txt }\nruns: 2\n');
    const { code, stdout } = await cli(['show', 's.yaml', 'scenarios/env.yaml'], dir);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines).toContain('s.yaml: scenario app');
    expect(lines).toContain('  variant zip (baseline): 5 runs, 1 warm-up    ← default');
    expect(lines).toContain('    cache states: cold, incremental    ← s.yaml:3');
    expect(lines).toContain('      cold: removes out, {cache} before each sample');
    expect(lines).toContain('      incremental: removes nothing; applies the mutate edit before each sample; its first build is a full one, kept as a warm-up');
    expect(lines).toContain('    build: python3 -m zipapp src -o {cache}/app.pyz    ← s.yaml:8');
    expect(lines).toContain('    mutate: append to src/__main__.py: "# edit"    ← s.yaml:11');
    expect(lines).toContain('    env MODE: slow    ← s.yaml:12');
    expect(lines).toContain("    placeholder {cache}: the variant's own tool-cache folder (PYINSTALLER_CONFIG_DIR, PEX_ROOT, UV_CACHE_DIR … point into it)");
    expect(lines).toContain('scenarios/env.yaml: scenario env, from preset python-env');
    expect(lines).toContain('    requirements: "req.txt"    ← scenarios/env.yaml:4');
    expect(lines).toContain('  variant pip (baseline): 2 runs, 1 warm-up    ← scenarios/env.yaml:5');
    expect(lines.some((l) => /^ {4}build: .*pip install.*← preset python-env$/.test(l))).toBe(true);
  });

  it('--json gives each variant as data; a missing file is one line and exit 2', async () => {
    const dir = scenarioDir(APP);
    const json = await cli(['show', 's.yaml', '--json'], dir);
    const [scenario] = JSON.parse(json.stdout) as { name: string; variants: { build: string; env: Record<string, string>; placeholders: Record<string, string> }[] }[];
    expect([scenario!.name, scenario!.variants[0]!.build, scenario!.variants[0]!.env, Object.keys(scenario!.variants[0]!.placeholders)]).toEqual([
      'app', 'python3 -m zipapp src -o {cache}/app.pyz', { MODE: 'slow' }, ['{cache}'],
    ]);
    const missing = await cli(['show', 'nope.yaml'], dir);
    expect([missing.code, missing.stderr]).toEqual([2, 'nope.yaml: no such file\n']);
  });
});

describe('run --dry-run --json', () => {
  it('prints the plan as JSON: variants with their commands and cost, the rounds, the estimate', async () => {
    const dir = scenarioDir(APP);
    const { code, stdout } = await cli(['run', 's.yaml', '--dry-run', '--json', '--runs', '3', '--seed', '9'], dir);
    expect(code).toBe(0);
    const plan = JSON.parse(stdout) as { seed: number; variants: { id: string; build: string; runs: number; costMs: number | null }[]; rounds: string[][]; estimate: { unknown: string[] } };
    expect(plan.seed).toBe(9);
    expect(plan.variants.map((v) => [v.id, v.runs, v.build, v.costMs])).toEqual([
      ['app/zip@cold', 3, 'python3 -m zipapp src -o {cache}/app.pyz', null],
      ['app/zip@incremental', 3, 'python3 -m zipapp src -o {cache}/app.pyz', null],
    ]);
    expect(plan.rounds).toHaveLength(3);
    expect(plan.estimate.unknown).toEqual(['app/zip@cold', 'app/zip@incremental']);
  });
});
