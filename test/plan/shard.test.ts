// run --shard i/n: comparison groups (a scenario's cache state) are never split between machines unless one
// alone exceeds an even share, and then every part carries the baseline; the split is balanced by the
// estimate and is the same on every machine.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseShard, splitShards, type ShardUnit } from '../../src/plan/shard.ts';
import { chooseShard } from '../../src/cli/commands/run-shard.ts';
import { buildPlan } from '../../src/plan/plan.ts';
import { readTimingsFile } from '../../src/plan/estimate.ts';
import { selectScenarios } from '../../src/scenario/discover.ts';
import { BUILDBENCH_ROOT } from '../../src/common/where.ts';

const MIN = 60_000;
const unit = (id: string, costMin: number | undefined, baseline = false): ShardUnit => {
  const [group, variant] = [id.replace(/\/[^@]+/, '').replace(/#.*/, ''), id.split('/')[1]!.split('@')[0]!];
  return { id, group, variant, baseline, costMs: costMin === undefined ? undefined : costMin * MIN, builds: 5 };
};
const ids = (parts: { ids: string[] }[]) => parts.flatMap((p) => p.ids).sort();

describe('parseShard', () => {
  it.each([
    ['1/4', { index: 1, count: 4 }],
    [' 4/4 ', { index: 4, count: 4 }],
    ['0/4', undefined],
    ['5/4', undefined],
    ['1/0', undefined],
    ['1-4', undefined],
    ['a/b', undefined],
  ])('%j → %j', (raw, expected) => expect(parseShard(raw)).toEqual(expected));
});

describe('splitShards', () => {
  it('keeps each comparison group whole and balances the shards largest first', () => {
    const units = [
      unit('s/a@cold', 10, true), unit('s/b@cold', 10),
      unit('s/a@warm', 1, true), unit('s/b@warm', 1),
      unit('t/a@cold', 8, true), unit('t/b@cold', 7),
      unit('u/a@cold', 3, true),
    ];
    const shards = splitShards({ units, count: 2 });
    expect(shards.map((s) => s.map((p) => p.group))).toEqual([['s@cold'], ['t@cold', 'u@cold', 's@warm']]);
    expect(shards.map((s) => s.reduce((sum, p) => sum + p.costMs, 0) / MIN)).toEqual([20, 20]);
    expect(ids(shards.flat())).toEqual(units.map((u) => u.id).sort());
  });

  it('cuts a group larger than an even share into parts that each carry the baseline', () => {
    const units = [unit('r/base@inc', 5, true), unit('r/x@inc', 12), unit('r/y@inc', 10), unit('r/z@inc', 9), unit('q/a@cold', 20, true)];
    const shards = splitShards({ units, count: 2 });
    const parts = shards.flat().filter((p) => p.group.startsWith('r@inc'));
    expect(parts.map((p) => p.group).sort()).toEqual(['r@inc (part 1 of 2)', 'r@inc (part 2 of 2)']);
    for (const p of parts) expect(p.ids).toContain('r/base@inc');
    // Largest first onto the lighter part: x (12) alone, y (10) and z (9) together.
    expect(parts.map((p) => p.ids.filter((id) => id !== 'r/base@inc').sort()).sort()).toEqual([['r/x@inc'], ['r/y@inc', 'r/z@inc']]);
    // Every non-baseline id is measured exactly once.
    expect(ids(shards.flat()).filter((id) => id !== 'r/base@inc')).toEqual(['q/a@cold', 'r/x@inc', 'r/y@inc', 'r/z@inc']);
  });

  it('keeps a variant’s ids at every --ref in one part', () => {
    const units = [unit('r/base@inc#v1', 5, true), unit('r/base@inc#v2', 5, true), unit('r/x@inc#v1', 12), unit('r/x@inc#v2', 12), unit('r/y@inc#v1', 10), unit('r/y@inc#v2', 10)];
    const parts = splitShards({ units, count: 2 }).flat();
    expect(parts.map((p) => p.ids.sort())).toEqual([
      ['r/base@inc#v1', 'r/base@inc#v2', 'r/x@inc#v1', 'r/x@inc#v2'],
      ['r/base@inc#v1', 'r/base@inc#v2', 'r/y@inc#v1', 'r/y@inc#v2'],
    ]);
  });

  it('costs a never-measured variant as the median measured one, and splits by builds when nothing was measured', () => {
    const mixed = splitShards({ units: [unit('a/x@cold', 10, true), unit('b/x@cold', 2, true), unit('c/x@cold', 3, true), unit('d/x@cold', undefined, true)], count: 2 });
    expect(mixed.map((s) => s.map((p) => p.costMs / MIN))).toEqual([[10], [3, 3, 2]]);
    const none = splitShards({ units: [{ ...unit('a/x@cold', undefined, true), builds: 9 }, unit('b/x@cold', undefined, true), unit('c/x@cold', undefined, true)], count: 2 });
    expect(none.map((s) => s.map((p) => p.group))).toEqual([['a@cold'], ['b@cold', 'c@cold']]);
  });

  it('gives the same split whatever the order of the units', () => {
    const units = ['a', 'b', 'c', 'd', 'e', 'f'].map((s, i) => unit(`${s}/v@cold`, 5 + (i % 3), true));
    expect(splitShards({ units: [...units].reverse(), count: 3 })).toEqual(splitShards({ units, count: 3 }));
  });
});

describe('--all in 7 shards (the README’s figure)', () => {
  it('gives every shard at most 45 estimated minutes of this repository’s scenarios', () => {
    const { scenarios } = selectScenarios({ args: [], all: true, cwd: BUILDBENCH_ROOT });
    const options = { scenarios, runId: 'r', seed: 1, outDir: '/out', workRoot: '/work' };
    const whole = buildPlan(options);
    const reference = readTimingsFile(path.join(BUILDBENCH_ROOT, 'bench/timings.json'));
    const chosen = [1, 2, 3, 4, 5, 6, 7].map((i) => chooseShard({ plan: whole, raw: `${i}/7`, reference }));
    const measured = new Set(chosen.flatMap((c) => [...c.ids]));
    expect([...measured].sort()).toEqual(whole.variants.map((v) => v.id).sort());
    for (const c of chosen) {
      const minutes = [...c.note.matchAll(/~([\d.]+) (min|s)\b/g)].reduce((sum, m) => sum + Number(m[1]) / (m[2] === 's' ? 60 : 1), 0);
      expect(minutes, c.note).toBeLessThanOrEqual(45);
    }
  });

  it('refuses a shard that would be empty', () => {
    const { scenarios } = selectScenarios({ args: [path.join(BUILDBENCH_ROOT, 'scenarios/sidecar.yaml')], all: false, cwd: BUILDBENCH_ROOT });
    // One variant in two cache states: two comparison groups.
    const whole = buildPlan({ scenarios, runId: 'r', seed: 1, outDir: '/out', workRoot: '/work', only: ['sidecar/pyinstaller-onefile@*'] });
    expect(whole.variants.map((v) => v.id)).toEqual(['sidecar/pyinstaller-onefile@cold', 'sidecar/pyinstaller-onefile@incremental']);
    const reference = readTimingsFile(path.join(BUILDBENCH_ROOT, 'bench/timings.json'));
    expect(() => chooseShard({ plan: whole, raw: '3/3', reference })).toThrow(
      expect.objectContaining({ problems: [{ file: '--shard', message: "--shard 3/3 has nothing to measure: the plan has 2 comparison groups (a scenario's cache state), so use at most 2 shards" }] }),
    );
  });
});
