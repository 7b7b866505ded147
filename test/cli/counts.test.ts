// Every count a run says — the plan's variants, the progress counter [n/total], the ETA's builds not yet timed —
// holds only builds that will run: a variant declared unavailable, one missing a tool and a consumer of one of
// those build nothing, are said once each and counted nowhere; a variant that fails takes its builds still to
// come out of the total. A completed run's counter ends on n = total, one step at a time.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildbench, tempDir } from '../e2e/helpers.ts';

const MAKE = `name: make
project: ../proj
runs: 3
warmup: 1
cache: cold
variants:
  - name: good
    baseline: true
    build: mkdir -p out && echo hi > out/a
    artifact: out/a
  - name: mirrorless
    unavailable: no mirror staged
    build: "true"
    artifact: out/a
  - name: toolless
    requires: [no-such-tool-qp]
    build: "true"
  - name: broken
    build: exit 3
`;

const USE = `name: use
project: ../proj
runs: 3
warmup: 0
cache: cold
variants:
  - name: from-good
    baseline: true
    needs: { input: make/good@cold }
    build: cp "{needs.input}" copy
  - name: from-mirrorless
    needs: { input: make/mirrorless@cold }
    build: cp "{needs.input}" copy
`;

function project(): string {
  const dir = tempDir('counts');
  mkdirSync(path.join(dir, 'scenarios'));
  writeFileSync(path.join(dir, 'proj', 'f'), 'x\n');
  writeFileSync(path.join(dir, 'scenarios', 'make.yaml'), MAKE);
  writeFileSync(path.join(dir, 'scenarios', 'use.yaml'), USE);
  return dir;
}

const NOT_BUILT = ['make/mirrorless@cold', 'make/toolless@cold', 'use/from-mirrorless@cold'];

describe('what cannot build is in no count', () => {
  it('the dry run plans the 3 variants that build and says the 3 others once, with why', async () => {
    const dir = project();
    const r = await buildbench(['run', 'scenarios/use.yaml', 'scenarios/make.yaml', '--dry-run', '--seed', '1'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^plan \S+ \(seed 1\): 3 variants$/m);
    expect(r.stdout).toContain('  make/mirrorless@cold: unavailable, builds nothing: no mirror staged\n');
    expect(r.stdout).toMatch(/^ {2}make\/toolless@cold: unavailable, builds nothing: no-such-tool-qp not found \(/m);
    expect(r.stdout).toContain('  use/from-mirrorless@cold: skipped, builds nothing: needs.input (make/mirrorless@cold) is unavailable: no mirror staged\n');
    expect(r.stdout).toContain('estimate: none: 3 variants never measured');
    const json = await buildbench(['run', 'scenarios/use.yaml', 'scenarios/make.yaml', '--dry-run', '--json', '--seed', '1'], dir);
    const plan = JSON.parse(json.stdout) as { variants: { id: string }[]; rounds: string[][]; unavailable: { id: string; status: string }[] };
    expect(plan.variants.map((v) => v.id).sort()).toEqual(['make/broken@cold', 'make/good@cold', 'use/from-good@cold']);
    expect(plan.rounds.flat().filter((id) => NOT_BUILT.includes(id))).toEqual([]);
    expect(plan.unavailable.map((u) => [u.id, u.status])).toEqual([
      ['make/mirrorless@cold', 'unavailable'],
      ['make/toolless@cold', 'unavailable'],
      ['use/from-mirrorless@cold', 'skipped'],
    ]);
  });

  it('the run counts builds that run: [n/total] steps by one and ends on its total; a failed variant leaves the total', async () => {
    const dir = project();
    const r = await buildbench(['run', 'scenarios/use.yaml', 'scenarios/make.yaml', '--seed', '1', '--out', 'out', '--interference-threshold', 'off'], dir);
    expect(r.stderr).toMatch(/^buildbench 3 variants × 3 runs → /m);
    const lines = r.stderr.split('\n');
    for (const id of NOT_BUILT) expect([id, lines.filter((l) => l.startsWith(`unavailable  ${id}: `)).length, lines.filter((l) => l.startsWith('[') && l.includes(id))]).toEqual([id, 1, []]);
    const counter = [...r.stderr.matchAll(/^\[(\d+)\/(\d+)\] (\S+ \d+) (\S+): .*$/gm)].map((m) => ({ n: Number(m[1]), total: Number(m[2]), build: `${m[3]} ${m[4]}`, line: m[0] }));
    expect(counter.map((c) => c.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // good and broken: 1 warm-up + 3 runs each, from-good 3 runs; broken fails at its second build, so its 2
    // builds still to come leave the total from the line of that build on.
    const failedAt = counter.findIndex((c) => c.build === 'round 1 make/broken@cold');
    expect(counter.map((c) => c.total)).toEqual(counter.map((_, i) => (i < failedAt ? 11 : 9)));
    // The ETA never waits on a variant that builds nothing: at most good's or broken's and from-good's builds.
    for (const c of counter) expect(c.line).not.toMatch(/of [3-9] variants not timed yet/);
    expect(r.stderr).toMatch(/^every variant now timed: ~\S+ \S+ of builds left$/m);
  });
});
