// `seed:` — the untimed dependency build a scenario's variants share: built once per key, cloned into every
// variant's workdir before its own set-up, rebuilt when an input changes, never timed.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResultsFile } from '../../src/results/io.ts';
import { scenarioDir, startCli, waitFor } from '../reliability/helpers.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe('seed', () => {
  it('builds once, clones into each variant, and builds again when an input changes', async () => {
    const counter = path.join(tempDir('bb-seed-count-'), 'runs');
    const tools = tempDir('bb-seed-tools-');
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
      seeding.push(cli.stderr().split('\n').filter((l) => l.startsWith('seeding')));
      return readResultsFile(path.join(dir, out)).value!;
    };
    const seeding: string[][] = [];
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
    // Said when a run builds the seed (a set-up that can take minutes, in no ETA), not when it reuses one.
    const said = ["seeding      seeded/a@warm: first the dependency build its scenario's variants share (untimed, in no ETA; kept for later runs)"];
    expect(seeding).toEqual([said, [], said]);
  });
});

describe('a seed shared between runs and variants', () => {
  it('a second run waits for the seed the first is building, says for whom, and neither builds it twice', async () => {
    const marks = tempDir('bb-seed-marks-');
    const tools = tempDir('bb-seed-tools-');
    // The seed holds until the test says go, so the second run reaches it while the first is building it.
    const dir = scenarioDir(`name: shared
project: proj
runs: 1
warmup: 0
cache: warm
seed:
  run: echo seeded >> ${marks}/count && touch ${marks}/started && while [ ! -f ${marks}/go ]; do sleep 0.05; done && mkdir -p deps && echo lib > deps/lib.txt
  dir: deps
variants:
  - name: a
    build: cat deps/lib.txt > out.txt
    artifact: out.txt
`);
    const env = { BUILDBENCH_TOOLS: tools };
    const first = startCli({ args: ['run', 's.yaml', '--out', 'outA', '--seed', '1'], cwd: dir, env });
    expect(await waitFor(() => existsSync(path.join(marks, 'started')))).toBe(true);
    const second = startCli({ args: ['run', 's.yaml', '--out', 'outB', '--seed', '1'], cwd: dir, env });
    expect(await waitFor(() => second.stderr().includes('waiting'))).toBe(true);
    writeFileSync(path.join(marks, 'go'), '');
    const [a, b] = await Promise.all([first.exit, second.exit]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const waiting = second.stderr().split('\n').find((l) => l.startsWith('waiting'));
    expect(waiting).toMatch(
      new RegExp(`^waiting      shared/a@warm: another buildbench run holds its dependency seed \\(pid ${first.child.pid}, "buildbench run s.yaml --out outA --seed 1", since \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\)$`),
    );
    expect(readFileSync(path.join(marks, 'count'), 'utf8')).toBe('seeded\n');
    expect(readResultsFile(path.join(dir, 'outB')).value!.variants[0]!.artifact?.bytes).toBe('lib\n'.length);
  });

  it('a seed that fails is shown when it fails, with its log tail, and not built again for the other variants', async () => {
    const counter = path.join(tempDir('bb-seed-count-'), 'runs');
    const dir = scenarioDir(`name: doomed
project: proj
runs: 1
warmup: 0
cache: warm
seed:
  run: echo seeded >> ${counter} && echo "resource path 'bin/api' doesn't exist" && exit 101
  dir: deps
variants:
  - name: a
    build: echo a > out.txt
  - name: b
    build: echo b > out.txt
  - name: c
    build: echo c > out.txt
`);
    const cli = startCli({ args: ['run', 's.yaml', '--out', 'out', '--seed', '1'], cwd: dir, env: { BUILDBENCH_TOOLS: tempDir('bb-seed-tools-') } });
    expect((await cli.exit).code).toBe(1);
    expect(readFileSync(counter, 'utf8')).toBe('seeded\n');
    const results = readResultsFile(path.join(dir, 'out')).value!;
    const first = results.variants.find((v) => !v.reason?.includes('(see '))!;
    const log = `logs/${first.id.replace('/', '+')}/seed1.log`;
    expect(first).toMatchObject({ status: 'failed', reason: `seed failed: exit code 101: resource path 'bin/api' doesn't exist (log: ${log})` });
    expect(results.variants.filter((v) => v !== first).map((v) => [v.status, v.reason])).toEqual([
      ['failed', `seed failed (see ${first.id})`],
      ['failed', `seed failed (see ${first.id})`],
    ]);
    // Said as it happened, before the next variant's set-up, with the log's last lines.
    const lines = cli.stderr().split('\n');
    const at = lines.indexOf(`SET-UP FAILED ${first.id}: seed failed: exit code 101: resource path 'bin/api' doesn't exist (log: ${log})`);
    expect(at).toBeGreaterThan(-1);
    expect(lines[at + 1]).toBe("  resource path 'bin/api' doesn't exist");
    expect(lines.slice(0, at).filter((l) => l.startsWith('setting up'))).toEqual([`setting up   ${first.id}`]);
  });
});
