// `seed:` — the untimed dependency build a scenario's variants share: built once per key, cloned into every
// variant's workdir before its own set-up, rebuilt when an input changes, never timed.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResultsFile } from '../../src/results/io.ts';
import { scenarioDir, startCli } from '../reliability/helpers.ts';

describe('seed', () => {
  it('builds once, clones into each variant, and builds again when an input changes', async () => {
    const counter = path.join(mkdtempSync(path.join(os.tmpdir(), 'bb-seed-count-')), 'runs');
    const tools = mkdtempSync(path.join(os.tmpdir(), 'bb-seed-tools-'));
    const dir = scenarioDir(`name: seeded
project: proj
runs: 1
warmup: 0
cache: warm
setup: echo from-setup > marker
seed:
  run: echo seeded >> ${counter} && mkdir -p deps && cat lock marker > deps/lib.txt
  dir: deps
  inputs: [lock]
variants:
  - name: a
    build: cat deps/lib.txt > out.txt
    artifact: out.txt
  - name: b
    build: cat deps/lib.txt deps/lib.txt > out.txt
    artifact: out.txt
`);
    writeFileSync(path.join(dir, 'proj', 'lock'), 'v1\n');
    const run = async (out: string) => {
      const cli = startCli({ args: ['run', 's.yaml', '--out', out, '--seed', '1'], cwd: dir, env: { BUILDBENCH_TOOLS: tools } });
      expect((await cli.exit).code).toBe(0);
      return readResultsFile(path.join(dir, out)).value!;
    };
    const first = await run('out1');
    expect(first.variants.map((v) => [v.variant, v.status])).toEqual([['a', 'ok'], ['b', 'ok']]);
    // Built once for both variants, after the scenario's set-up, and each variant read it from its own workdir.
    expect(readFileSync(counter, 'utf8')).toBe('seeded\n');
    expect(first.variants.map((v) => v.artifact?.bytes)).toEqual(['v1\nfrom-setup\n'.length, 2 * 'v1\nfrom-setup\n'.length]);
    await run('out2');
    expect(readFileSync(counter, 'utf8')).toBe('seeded\n');
    writeFileSync(path.join(dir, 'proj', 'lock'), 'v2 changed\n');
    const third = await run('out3');
    expect(readFileSync(counter, 'utf8')).toBe('seeded\nseeded\n');
    expect(third.variants[0]!.artifact?.bytes).toBe('v2 changed\nfrom-setup\n'.length);
  });
});
