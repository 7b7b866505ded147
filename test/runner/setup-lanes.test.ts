// Set-ups of different scenarios run side by side (nothing is measured while they run), each scenario's own
// one after another. Checked by rendezvous, not by time: scenario a's set-up waits for a mark that scenario b's
// set-up leaves, which it can only find if the two run at once; within a scenario, the second variant's set-up
// finds the first one's mark already there.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResultsFile } from '../../src/results/io.ts';
import { setUpGroups, setUpWallMs } from '../../src/plan/setup-lanes.ts';
import { scenarioDir, startCli } from '../reliability/helpers.ts';

const waitFor = (mark: string) => `( for i in $(seq 200); do [ -e ${mark} ] && exit 0; sleep 0.05; done; echo "no ${mark}"; exit 1 )`;

describe('set-ups of a stage', () => {
  it('of two scenarios run at once; those of one scenario one after another; both then measured', async () => {
    const dir = scenarioDir(`name: a
project: proj
runs: 2
warmup: 0
cache: cold
variants:
  - name: first
    baseline: true
    setup: '${waitFor('$MARKS/b-started')} && touch $MARKS/a-first-done'
    build: sleep 0.01
  - name: second
    setup: '[ -e $MARKS/a-first-done ] || { echo "a/second began before a/first ended"; exit 1; }'
    build: sleep 0.01
`);
    writeFileSync(path.join(dir, 'b.yaml'), `name: b
project: proj
runs: 2
warmup: 0
cache: cold
variants:
  - name: only
    baseline: true
    setup: touch $MARKS/b-started
    build: sleep 0.01
`);
    const cli = startCli({ args: ['run', 's.yaml', 'b.yaml', '--out', 'out', '--seed', '1'], cwd: dir, env: { MARKS: dir } });
    expect((await cli.exit).code, cli.stderr() + cli.stdout()).toBe(0);
    const results = readResultsFile(path.join(dir, 'out')).value!;
    expect(results.variants.map((v) => [v.id, v.status, v.samples.length])).toEqual([
      ['a/first@cold', 'ok', 2],
      ['a/second@cold', 'ok', 2],
      ['b/only@cold', 'ok', 2],
    ]);
  });

  it('are grouped by scenario in plan order, the scenarios with a dependency seed first', () => {
    const member = (scenario: string, name: string, seed?: object) => ({ planned: { scenario: { name: scenario }, variant: { name, seed } } });
    const groups = setUpGroups([member('py', 'onefile'), member('rust', 'lld', { dir: 'target' }), member('py', 'onedir'), member('rust', 'mold', { dir: 'target' })]);
    expect(groups.map((g) => g.map((m) => `${m.planned.scenario.name}/${m.planned.variant.name}`))).toEqual([['rust/lld', 'rust/mold'], ['py/onefile', 'py/onedir']]);
  });

  it('take, by the estimate, the longest lane: each next group to the first lane free', () => {
    // kartavya's first run: the Tauri seed group (268 s) beside the Python environments (50 s).
    expect(setUpWallMs([268_000, 50_000], 2)).toBe(268_000);
    expect(setUpWallMs([268_000, 50_000], 1)).toBe(318_000);
    // Three groups in two lanes: 10 | 6 then 5 to the lane free first (6) → 11.
    expect(setUpWallMs([10, 6, 5], 2)).toBe(11);
    expect(setUpWallMs([], 2)).toBe(0);
  });
});
