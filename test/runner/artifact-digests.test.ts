// Each build's artifact digest is recorded, and every output says whether the builds wrote the same artifact:
// "artifact identical in all 4 builds" or "4 distinct artifacts in 4 builds" (pyinstaller/pyinstaller#1668:
// three builds of a onefile app, three different archives, one digest shown).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResultsFile } from '../../src/results/io.ts';
import { scenarioDir, startCli } from '../reliability/helpers.ts';

describe('per-build artifact digests', () => {
  it('records each build’s digest and says in every output how many distinct artifacts the builds wrote', async () => {
    const dir = scenarioDir(`name: repro
project: proj
runs: 3
warmup: 1
cache: cold
variants:
  - name: same
    baseline: true
    build: echo same > app.zip
    artifact: app.zip
    clean: [app.zip]
  - name: stamped
    build: date +%s%N > app.zip
    artifact: app.zip
    clean: [app.zip]
`);
    const run = async (out: string) => {
      const cli = startCli({ args: ['run', 's.yaml', '--out', out, '--seed', '1', '--interference-threshold', 'off'], cwd: dir });
      expect((await cli.exit).code, cli.stderr()).toBe(0);
      return cli.stdout();
    };
    const stdout = await run('out');
    const results = readResultsFile(path.join(dir, 'out')).value!;
    const [same, stamped] = results.variants;
    const digests = (v: typeof same) => [...v!.warmups, ...v!.samples].map((s) => s.artifact?.sha256);
    expect(new Set(digests(same)).size).toBe(1);
    expect(digests(same)[0]).toBe(same!.artifact!.sha256);
    expect(new Set(digests(stamped)).size).toBe(4);
    expect(stamped!.samples.map((s) => s.artifact?.bytes)).toEqual([20, 20, 20]);

    const said = ['artifact identical in all 4 builds', '4 distinct artifacts in 4 builds'];
    expect(stdout.split('\n').filter((l) => said.some((s) => l.endsWith(s)))).toEqual([`repro/same@cold: ${said[0]}`, `repro/stamped@cold: ${said[1]}`]);
    for (const file of ['summary.md', 'report.html']) {
      const text = readFileSync(path.join(dir, 'out', file), 'utf8');
      for (const s of said) expect(text, `${file}: ${s}`).toContain(s);
    }
    // The run against itself: each side says it the same way.
    const compare = startCli({ args: ['compare', 'out', 'out'], cwd: dir });
    expect((await compare.exit).code).toBe(0);
    expect(compare.stdout().split('\n').filter((l) => l.startsWith('artifact of'))).toEqual([
      `artifact of repro/same@cold: baseline ${said[0]}; current ${said[0]}`,
      `artifact of repro/stamped@cold: baseline ${said[1]}; current ${said[1]}`,
    ]);
  });
});
