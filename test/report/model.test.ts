// Building the report model: merging runs and machines, keys that stay unique, comparisons that follow
// their variants, cleaned strings, and reports that show why a variant has no numbers.
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReports } from '../../src/report/index.ts';
import { buildReportModel } from '../../src/report/model.ts';
import { makeOutDir, makeResults } from './fixtures.ts';

const twoVariants = [{ name: 'onefile', baseline: true }, { name: 'onedir' }];

describe('buildReportModel', () => {
  it('merges two machines into one scenario, telling equal ids apart by hostname', () => {
    const a = makeResults({ hostname: 'laptop', runId: 'run-a', variants: twoVariants });
    const b = makeResults({ hostname: 'ci-runner', runId: 'run-b', variants: twoVariants });
    const model = buildReportModel({ results: [a, b] });
    expect(model.sources.map((s) => s.hostname)).toEqual(['laptop', 'ci-runner']);
    expect(model.scenarios.map((s) => s.name)).toEqual(['sidecar']);
    expect(model.scenarios[0]!.variants.map((v) => v.key)).toEqual([
      'sidecar/onefile@cold (laptop)',
      'sidecar/onedir@cold (laptop)',
      'sidecar/onefile@cold (ci-runner)',
      'sidecar/onedir@cold (ci-runner)',
    ]);
    expect(model.scenarios[0]!.variants.map((v) => v.group)).toEqual(['onefile (laptop)', 'onedir (laptop)', 'onefile (ci-runner)', 'onedir (ci-runner)']);
    expect(model.scenarios[0]!.comparisons.map((c) => `${c.variant} vs ${c.baseline}`)).toEqual([
      'sidecar/onedir@cold (laptop) vs sidecar/onefile@cold (laptop)',
      'sidecar/onedir@cold (ci-runner) vs sidecar/onefile@cold (ci-runner)',
    ]);
  });

  it('falls back to hostname and run id when two runs come from the same machine', () => {
    const a = makeResults({ runId: 'run-a', variants: twoVariants });
    const b = makeResults({ runId: 'run-b', variants: twoVariants });
    const keys = buildReportModel({ results: [a, b] }).scenarios[0]!.variants.map((v) => v.key);
    expect(keys).toEqual([
      'sidecar/onefile@cold (bench-host run-a)',
      'sidecar/onedir@cold (bench-host run-a)',
      'sidecar/onefile@cold (bench-host run-b)',
      'sidecar/onedir@cold (bench-host run-b)',
    ]);
  });

  it('keeps ids as they are when they do not collide, and keys unique even for a file repeating an id', () => {
    const a = makeResults({ variants: [...twoVariants, { name: 'onedir' }] });
    expect(buildReportModel({ results: [a] }).scenarios[0]!.variants.map((v) => v.key)).toEqual([
      'sidecar/onefile@cold',
      'sidecar/onedir@cold (bench-host 20261120-100000-abcd)',
      'sidecar/onedir@cold (bench-host 20261120-100000-abcd) #2',
    ]);
  });

  it('keeps the reason and log tail of failed and unavailable variants and invents no numbers', () => {
    const file = makeResults({ variants: [{ name: 'ok', baseline: true }, { name: 'bad', status: 'failed', reason: 'exit code 101', logTail: ['error[E0425]: cannot find value'] }] });
    const bad = buildReportModel({ results: [file] }).scenarios[0]!.variants[1]!;
    expect(bad).toMatchObject({ status: 'failed', reason: 'exit code 101', logTail: ['error[E0425]: cannot find value'], samples: [], artifact: null, stats: {} });
  });

  it('cleans strings: escape sequences dropped, controls made visible, bidi overrides replaced, long text cut', () => {
    const file = makeResults({ hostname: 'h\u001b]0;title\u0007ost', variants: [{ name: 'v', baseline: true, description: `a\u202eb${'x'.repeat(2000)}`, logTail: ['\u001b[1;31merror\u001b[0m\ttab\r'] }] });
    const model = buildReportModel({ results: [file] });
    const v = model.scenarios[0]!.variants[0]!;
    expect(model.sources[0]!.hostname).toBe('host');
    expect(v.description!.slice(0, 4)).toBe('a\ufffdbx');
    expect(v.description).toHaveLength(500);
    expect(v.description!.endsWith('…')).toBe(true);
    // a lone carriage return ends a line, and a name or log line is one line
    expect(v.logTail).toEqual(['error tab ']);
  });
});

describe('renderReports', () => {
  it('merges two results files from different hosts into one report that lists both', async () => {
    const outDir = await makeOutDir();
    const a = makeResults({ hostname: 'laptop', runId: 'run-a', variants: twoVariants });
    const b = makeResults({ hostname: 'ci-runner', runId: 'run-b', variants: twoVariants });
    const files = await renderReports({ results: [a, b], outDir, formats: ['html', 'markdown', 'json'] });
    expect(files.map((f) => f.slice(outDir.length + 1))).toEqual(['report.html', 'summary.md', 'report.json']);
    const html = await readFile(join(outDir, 'report.html'), 'utf8');
    const markdown = await readFile(join(outDir, 'summary.md'), 'utf8');
    expect(html).toContain('sidecar/onedir@cold (laptop)');
    expect(html).toContain('sidecar/onedir@cold (ci-runner)');
    // summary.md: a decision table per run, its rows named by variant and host.
    expect(markdown).toContain('**cold builds (run 1)**');
    expect(markdown).toContain('| onedir (laptop) |');
    expect(markdown).toContain('| onedir (ci-runner) |');
    expect(html).toContain('Run run-a on laptop');
    expect(html).toContain('Run run-b on ci-runner');
    const merged = JSON.parse(await readFile(join(outDir, 'report.json'), 'utf8'));
    expect(merged.sources.map((s: { hostname: string }) => s.hostname)).toEqual(['laptop', 'ci-runner']);
  });

  it('writes the results file itself as results.json when there is one input', async () => {
    const outDir = await makeOutDir();
    const file = makeResults({ variants: twoVariants });
    await renderReports({ results: [file], outDir, formats: ['json'] });
    expect(JSON.parse(await readFile(join(outDir, 'results.json'), 'utf8'))).toEqual(file);
  });

  it('refuses an unknown format by name', async () => {
    await expect(renderReports({ results: [], outDir: tmpdir(), formats: ['html', 'pdf'] })).rejects.toThrow(
      'unknown report format: pdf (valid: html, png, markdown, json, csv)',
    );
  });
});
