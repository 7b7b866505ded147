// The share of a run's wall time spent in measured builds, and the other parts, from a results file: from the
// run's own record where it has one, from the samples in an older file.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatTimeSpent, timeSpent } from '../../src/results/time-spent.ts';
import type { ResultsFile, RunSample } from '../../src/results/schema.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const sample = (round: number, wallMs: number, extra: Partial<RunSample> = {}): RunSample =>
  ({ round, position: 0, wallMs, userMs: 0, sysMs: 0, maxRssKb: 0, treeRssKb: 0, exitCode: 0, phases: {}, log: 'x', ...extra }) as RunSample;

function results(spentMs?: ResultsFile['spentMs']): ResultsFile {
  const variant = (id: string, samples: RunSample[], warmups: RunSample[], extra = {}) =>
    ({ id, scenario: 's', variant: id, cache: 'cold', baseline: false, status: 'ok', reason: null, samples, warmups, artifact: null, startup: null, stats: {}, ...extra }) as unknown as ResultsFile['variants'][number];
  return {
    startedAt: '2026-12-06T08:00:00.000Z',
    finishedAt: '2026-12-06T08:01:40.000Z', // 100 s
    config: { overheadMs: 10 },
    variants: [
      variant('s/a@cold', [sample(1, 9_990, { primes: 's/a@warm' }), sample(2, 9_990)], [], { setupMs: 5_000, failures: [sample(3, 990, { exitCode: 1 })] }),
      variant('s/a@warm', [sample(1, 990), sample(2, 990)], [], {
        primedFrom: { variant: 's/a@cold', round: 1 },
        startup: { firstMs: 1, warmMs: 1, readyOk: true, launches: [{ round: 1, position: 0, state: 'first', ms: 3_000, extractBytes: 0 }] },
      }),
      variant('s/b@cold', [sample(1, 19_990)], [sample(-1, 19_990)]),
    ],
    ...(spentMs ? { spentMs } : {}),
  } as unknown as ResultsFile;
}

describe('timeSpent', () => {
  it('reads an older file from its samples: builds, set-up commands, warm-ups, launches, and the rest unknown', () => {
    const t = timeSpent(results());
    expect(t.totalMs).toBe(100_000);
    expect(t.measuredShare).toBeCloseTo(0.42, 10); // 10 + 10 + 1 + 1 + 20 s of 100 s
    expect(t.parts).toEqual([
      { part: 'measured builds', ms: 42_000, count: 5 },
      { part: 're-measured and failed builds', ms: 1_000, count: 1 },
      { part: 'set-up commands', ms: 5_000 },
      { part: 'warm-ups', ms: 20_000, count: 1 },
      { part: 'launches (exec to ready)', ms: 3_000, count: 1 },
      { part: 'the rest (not recorded in this file)', ms: 29_000 },
    ]);
    expect(t.primingBuilds).toBe(1);
  });

  it("uses the run's record where it has one: what lay between builds and the launch rounds' whole time", () => {
    const t = timeSpent(results({ checks: 1_000, setup: 8_000, warmups: 21_000, rounds: 50_000, roundBuilds: 43_000, startup: 15_000 }));
    expect(t.parts.map((p) => [p.part, p.ms])).toEqual([
      ['measured builds', 42_000],
      ['re-measured and failed builds', 1_000],
      ['between builds (cache states, artifacts, probes, results writes)', 7_000],
      ['set-ups', 8_000],
      ['warm-ups', 21_000],
      ['launch rounds', 15_000],
      ['calibration', 1_000],
      ['the rest (tool checks, final statistics)', 5_000],
    ]);
    expect(t.parts.find((p) => p.part === 'launch rounds')).toEqual({ part: 'launch rounds', ms: 15_000, count: 1, ownMs: 3_000 });
    expect(formatTimeSpent(t).split('\n').slice(0, 2)).toEqual([
      "wall time 100.0 s: measured builds 42.0%; 1 cold build primed a warm twin's workdir (no warm-up of the twin's own)",
      '  measured builds                                                      42.0 s   42.0%  (5)',
    ]);
  });

  it('the script says a file it cannot read in one line, with exit status 2', () => {
    const dir = tempDir('bb-spent-');
    writeFileSync(path.join(dir, 'results.json'), '{"schemaVersion": 7}');
    const script = new URL('../../scripts/time-spent.ts', import.meta.url).pathname;
    let out: { status?: number; stderr?: Buffer } = {};
    try {
      execFileSync(process.execPath, ['--import', 'tsx', script, path.join(dir, 'results.json')], { stdio: 'pipe' });
    } catch (err) {
      out = err as typeof out;
    }
    expect(out.status).toBe(2);
    expect(String(out.stderr).trim()).toBe(`${path.join(dir, 'results.json')}: not a buildbench results file of schemaVersion 1 or 2 (found 7)`);
  });
});
