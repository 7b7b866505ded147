// A set-up that stands in for something it could not do says so in every output: a line it prints with the
// warning mark becomes the variant's warning, with the error line of what failed before it and its log — in
// results.json, the terminal, report.html and summary.md. The numbers stay (the variant is measured).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResultsFile } from '../../src/results/io.ts';
import { scenarioDir, startCli } from '../reliability/helpers.ts';

describe("a set-up's warning", () => {
  it('is kept with the failed step\'s own error line and shown in every output', async () => {
    const dir = scenarioDir(`name: s
project: proj
runs: 2
warmup: 0
cache: cold
variants:
  - name: base
    baseline: true
    build: sleep 0.05
  - name: stood-in
    setup: '( echo "Failed to compile."; echo "error: fonts.example is unreachable"; exit 1 ) || { echo "buildbench: warning: the frontend build failed, so a placeholder stands in" && mkdir -p out; }'
    build: sleep 0.05
`);
    const cli = startCli({ args: ['run', 's.yaml', '--out', 'out', '--seed', '1'], cwd: dir });
    expect((await cli.exit).code).toBe(0);
    const results = readResultsFile(path.join(dir, 'out')).value!;
    const stoodIn = results.variants.find((v) => v.variant === 'stood-in')!;
    const warning = 'set-up: the frontend build failed, so a placeholder stands in (error: fonts.example is unreachable; log: logs/s+stood-in@cold/setup1.log)';
    expect(stoodIn).toMatchObject({ status: 'ok', warnings: [warning] });
    expect(stoodIn.samples).toHaveLength(2);
    expect(results.variants.find((v) => v.variant === 'base')!.warnings).toBeUndefined();
    expect(cli.stdout()).toContain(`warning: s/stood-in@cold: ${warning}`);
    expect(readFileSync(path.join(dir, 'out', 'summary.md'), 'utf8')).toContain('the frontend build failed, so a placeholder stands in (error: fonts.example is unreachable');
    expect(readFileSync(path.join(dir, 'out', 'report.html'), 'utf8')).toContain('the frontend build failed, so a placeholder stands in (error: fonts.example is unreachable');
  });
});
