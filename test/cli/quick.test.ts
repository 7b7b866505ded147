// What --quick plans, as `run --help` says it: each scenario in one like-with-like state (incremental, else
// cold), 4 measured builds per variant, no warm-up where the state is cold (a cold build starts from a clean
// tree: a build before it primes nothing), only the full first build an incremental state needs; --runs and
// --warmup still win. The dry run says how many builds that is and by which build every variant is timed.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildbench, tempDir } from '../e2e/helpers.ts';

const EDIT = `name: edit
project: proj
runs: 7
warmup: 2
cache: [cold, incremental]
variants:
  - name: a
    baseline: true
    build: cat f > out
    mutate: { touch: f }
  - name: b
    build: cat f f > out
    mutate: { touch: f }
`;

const CLEAN = `name: clean
project: proj
runs: 7
warmup: 1
cache: cold
variants:
  - name: a
    baseline: true
    build: cat f > out
  - name: b
    build: cat f f > out
`;

interface PlanJson {
  variants: { id: string; warmup: number; runs: number }[];
  warmupRounds: string[][];
  rounds: string[][];
}

function project(): string {
  const dir = tempDir('quick');
  writeFileSync(path.join(dir, 'proj', 'f'), 'x\n');
  writeFileSync(path.join(dir, 'edit.yaml'), EDIT);
  writeFileSync(path.join(dir, 'clean.yaml'), CLEAN);
  return dir;
}

async function planOf(dir: string, flags: string[]): Promise<PlanJson> {
  const r = await buildbench(['run', 'edit.yaml', 'clean.yaml', '--dry-run', '--json', '--seed', '3', ...flags], dir);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as PlanJson;
}

const shape = (plan: PlanJson) => plan.variants.map((v) => `${v.id}: ${v.warmup}+${v.runs}`);

describe('run --quick', () => {
  it('plans the incremental state with its one full first build, the cold state with no warm-up, 4 runs each', async () => {
    const dir = project();
    expect(shape(await planOf(dir, ['--quick']))).toEqual(['edit/a@incremental: 1+4', 'edit/b@incremental: 1+4', 'clean/a@cold: 0+4', 'clean/b@cold: 0+4']);
    // --runs and --warmup say otherwise, and win.
    expect(shape(await planOf(dir, ['--quick', '--runs', '5', '--warmup', '2']))).toEqual(['edit/a@incremental: 2+5', 'edit/b@incremental: 2+5', 'clean/a@cold: 2+5', 'clean/b@cold: 2+5']);
  });

  it('its dry run says how many builds it is and by which build every variant has built once, in the plan\'s order', async () => {
    const dir = project();
    const plan = await planOf(dir, ['--quick']);
    const order = [...plan.warmupRounds, ...plan.rounds].flat();
    const allTimedBy = Math.max(...plan.variants.map((v) => order.indexOf(v.id) + 1));
    const r = await buildbench(['run', 'edit.yaml', 'clean.yaml', '--dry-run', '--seed', '3', '--quick'], dir);
    expect(order).toHaveLength(18);
    expect(r.stdout).toContain(`\nthe run times itself: 18 builds in all; every variant has built once by build ${allTimedBy}, and from then on the ETA covers every build\n`);
    // No timing pass is offered: a quick run's first builds are one.
    expect(r.stdout).not.toContain('--runs 1');
  });
});
