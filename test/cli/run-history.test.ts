// `run --history DIR --fail-on-regression`: the history fails a run on a change point at its newest runs or a
// creep past the threshold, on a metric a user decides on, and says which.
import { describe, expect, it } from 'vitest';
import { historyAlerts } from '../../src/cli/commands/run-history.ts';
import { seriesHistory } from '../history/fixtures.ts';

const alerts = (records: ReturnType<typeof seriesHistory>, thresholdPct = 5) => historyAlerts({ records, current: records.at(-1)!, thresholdPct });

describe('historyAlerts', () => {
  it('fails on a step 3 runs ago that is still in effect, naming the series, the commits and the step', () => {
    expect(alerts(seriesHistory({ runs: 30, level: (i) => (i < 27 ? 1000 : 1100) }))).toEqual([
      'change point at the newest runs: app/app@cold wallMs [ci]: c0260000 → c0270000  +10.1% [+8.0%, +11.9%] slower, p 0.005, in effect',
    ]);
  });

  it('does not fail on an older step, a step below the threshold, a faster step, or a flat history', () => {
    expect(alerts(seriesHistory({ runs: 30, level: (i) => (i < 20 ? 1000 : 1100) }))).toEqual([]);
    expect(alerts(seriesHistory({ runs: 30, level: (i) => (i < 27 ? 1000 : 1100) }), 15)).toEqual([]);
    expect(alerts(seriesHistory({ runs: 30, level: (i) => (i < 27 ? 1000 : 900) }))).toEqual([]);
    expect(alerts(seriesHistory({ runs: 30, level: () => 1000 }))).toEqual([]);
  });

  it('fails on a creep past the threshold up to this run, which no run-to-run step shows', () => {
    const lines = alerts(seriesHistory({ runs: 30, level: (i) => 1000 * (1 + 0.004 * i) }));
    expect(lines.filter((l) => l.startsWith('creep'))).toEqual(['creep past 5%: app/app@cold wallMs [ci]: creep over 20 runs c0100000 … c0290000  +7.4% [+5.3%, +9.2%] slower']);
  });

  it('looks only at the series of this run’s runner', () => {
    const other = seriesHistory({ runs: 30, level: (i) => (i < 27 ? 1000 : 1100), runner: 'big' });
    const mine = seriesHistory({ runs: 30, level: () => 1000, runner: 'small', seed: 3 });
    expect(historyAlerts({ records: [...other, ...mine], current: mine.at(-1)!, thresholdPct: 5 })).toEqual([]);
  });
});
