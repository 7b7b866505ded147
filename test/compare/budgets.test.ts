// Budgets: absolute limits of a scenario's `budget:`, checked on every run whatever the baseline, on real
// builds (a file of known size, a sleep far from its limit), and written with units a person uses.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildbench, explain, tempDir } from '../e2e/helpers.ts';
import { resolveBudget } from '../../src/scenario/budget.ts';

describe('resolveBudget', () => {
  it('reads sizes and times with their units, the variant\'s limits over the scenario\'s', () => {
    expect(resolveBudget({ artifact: '40 MiB', build: '1.5 min' }, { build: '90 s', startup: '800 ms', installed: '2 MB' })).toEqual({
      bytes: 40 * 2 ** 20,
      wallMs: 90_000,
      startupFirstMs: 800,
      installedBytes: 2_000_000,
    });
    expect(resolveBudget({ artifact: 1024 }, undefined)).toEqual({ bytes: 1024 });
    expect(resolveBudget(undefined, undefined)).toBeUndefined();
  });
});

describe('run with budget:', () => {
  it('fails a variant past its budget with the figure and the limit, whatever the baseline, and lists every limit in summary.md', async () => {
    const dir = tempDir('budget');
    writeFileSync(
      path.join(dir, 'budget.yaml'),
      [
        'name: budget',
        'project: proj',
        'runs: 2',
        'warmup: 0',
        'cache: [cold]',
        'budget: { build: 1 min }',
        'variants:',
        '  - name: small',
        '    baseline: true',
        '    build: head -c 1000 /dev/zero > out.bin',
        '    artifact: out.bin',
        '    budget: { artifact: 1 kB }',
        '  - name: large',
        '    build: head -c 3000 /dev/zero > out.bin',
        '    artifact: out.bin',
        '    budget: { artifact: 2 KiB }',
        '',
      ].join('\n'),
    );
    const out = path.join(dir, 'out');
    const r = await buildbench(['run', 'budget.yaml', '--out', out], dir);
    expect(r.code, explain(r)).toBe(1);
    expect(r.stdout).toContain('\nover budget: budget/large@cold: Artifact size 2.93 KiB > budget 2 KiB\n');
    expect(r.stdout).not.toContain('over budget: budget/small');
    const { readFileSync } = await import('node:fs');
    const summary = readFileSync(path.join(out, 'summary.md'), 'utf8');
    expect(summary).toContain('## Budgets\n\n| Variant | Figure and limit |  |\n|---|---|---|\n| budget/large@cold | Artifact size 2.93 KiB &gt; budget 2 KiB | OVER BUDGET |\n');
    expect(summary).toMatch(/\| budget\/small@cold \| Artifact size 1000 B ≤ budget 1000 B \| within \|\n/);
    expect(summary).toMatch(/\| budget\/small@cold \| Build time [\d.]+ ms \(median of 2\) ≤ budget 60 s \| within \|\n/);
    expect(summary).toContain('**A budget is exceeded**: the run fails.\n');
  });

  it('a limit without a known unit is named at file:line:col by validate', async () => {
    const dir = tempDir('budget-bad');
    writeFileSync(path.join(dir, 'bad.yaml'), 'name: bad\nproject: proj\nvariants:\n  - name: a\n    build: "true"\n    budget: { artifact: 40 Mb }\n');
    const r = await buildbench(['validate', 'bad.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('bad.yaml:6:25 variants[0].budget.artifact: must be a size with its unit, e.g. "40 MiB" (B, kB, KB, KiB, MB, MiB, GB, GiB; kB, MB and GB are powers of 1000)\n');
  });
});
