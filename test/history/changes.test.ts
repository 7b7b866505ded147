// Change points and creeps of a history, named by their runs and commits, and the lines `history DIR` prints.
import { describe, expect, it } from 'vitest';
import { findChanges, formatChange, formatCreep } from '../../src/history/index.ts';
import { findCreep } from '../../src/stats/series-changes.ts';
import { theilSen } from '../../src/stats/theil-sen.ts';
import { seriesHistory } from './fixtures.ts';

const wall = (lines: string[]) => lines.filter((l) => l.includes(' wallMs '));

describe('findChanges', () => {
  it('names a step by the last run before and the first after, with its size, and leaves the steady variant alone', () => {
    const history = seriesHistory({ runs: 30, level: (i) => (i < 18 ? 1000 : 1100) });
    const { changes, creeps } = findChanges(history);
    expect(wall(changes.map(formatChange))).toEqual(['app/app@cold wallMs [ci]: c0170000 → c0180000  +9.0% [+7.9%, +10.3%] slower, p 0.005, in effect']);
    expect(changes.every((c) => c.variant === 'app/app@cold')).toBe(true);
    const step = changes.find((c) => c.metric === 'wallMs')!;
    expect(step.before.runId).toBe(history[17]!.runId);
    expect(step.after.commit).toBe(history[18]!.commit.sha);
    expect(step.runsSince).toBe(12);
    expect(creeps).toEqual([]);
  });

  it('says when a step was undone later (no longer in effect), and keeps runners apart', () => {
    const a = seriesHistory({ runs: 36, level: (i) => (i >= 12 && i < 24 ? 1150 : 1000), runner: 'small' });
    const b = seriesHistory({ runs: 36, level: () => 3000, runner: 'large', seed: 2 });
    const { changes } = findChanges([...a, ...b].sort((x, y) => x.startedAt.localeCompare(y.startedAt)));
    expect(wall(changes.map(formatChange))).toEqual([
      'app/app@cold wallMs [small]: c0110000 → c0120000  +16.1% [+15.1%, +17.1%] slower, p 0.005, no longer in effect',
      'app/app@cold wallMs [small]: c0230000 → c0240000  −13.0% [−14.2%, −12.0%] faster, p 0.025, in effect',
    ]);
  });

  it('finds a creep of 0.4% a run over the last 20 runs, which no single run-to-run comparison would flag', () => {
    const history = seriesHistory({ runs: 30, level: (i) => 1000 * (1 + 0.004 * i) });
    expect(findChanges(history).creeps.map(formatCreep).filter((l) => l.includes(' wallMs '))).toEqual([
      'app/app@cold wallMs [ci]: creep over 20 runs c0100000 … c0290000  +7.4% [+5.3%, +9.2%] slower',
    ]);
  });
});

describe('theilSen and findCreep', () => {
  it('gives the slope of a straight line exactly, and an interval that widens with noise', () => {
    const x = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    expect(theilSen(x, x.map((v) => 3 + 2 * v))).toEqual({ slope: 2, low: 2, high: 2, n: 10 });
    const noisy = theilSen(x, [3, 5.5, 6.8, 9.4, 11, 12.6, 15.3, 17, 18.7, 21.2])!;
    expect(noisy.low).toBeLessThan(noisy.slope);
    expect(noisy.high).toBeGreaterThan(noisy.slope);
    expect(theilSen([1, 1, 1], [1, 2, 3])).toBeUndefined();
  });

  it('reports no creep on a flat series, nor one within the noise band', () => {
    const flat = Array.from({ length: 20 }, (_, i) => [1000 + (i % 3)]);
    expect(findCreep(flat, {})).toBeUndefined();
    const slight = Array.from({ length: 20 }, (_, i) => [1000 * (1 + 0.0005 * i)]);
    expect(findCreep(slight, {})).toBeUndefined();
    expect(findCreep(slight, { noisePct: 0.5 })).toMatchObject({ from: 0, to: 19 });
  });
});
