// Charts: time axes turn logarithmic when their values span more than 10× (cold and warm builds on one
// linear axis flatten the warm ones to zero); start-up bars carry the interval of their launches.
import { describe, expect, it } from 'vitest';
import { buildCharts, timeAxis } from '../../src/report/charts.ts';
import { buildReportModel } from '../../src/report/model.ts';
import { makeResults } from './fixtures.ts';

const scaleType = (chart: { config: { options: Record<string, unknown> } }, axis: 'x' | 'y') =>
  (chart.config.options.scales as Record<string, { type?: string; title: { text: string } }>)[axis]!;

describe('chart axes', () => {
  it('are logarithmic past a 10× span, linear within it', () => {
    expect(timeAxis([0.8, 53])).toMatchObject({ log: true, title: 'seconds (log scale)', zero: false });
    expect(timeAxis([5, 40])).toMatchObject({ linear: true, title: 'seconds', zero: true });
    expect(timeAxis([0, 40])).not.toHaveProperty('log');
  });

  it('53 s cold and 0.8 s warm builds: build time and rounds on a log axis; start-up with its interval', () => {
    const file = makeResults({ variants: [{ name: 'a', cache: 'cold', baseline: true, wallMs: 53_000 }, { name: 'a', cache: 'warm', baseline: true, wallMs: 800 }] });
    const cold = file.variants[0]!;
    cold.stats.startupFirstMs = { ...cold.stats.wallMs!, n: 5, median: 2800, ciLow: 2500, ciHigh: 3600, outliers: [] };
    const charts = buildCharts(buildReportModel({ results: [file] }).scenarios[0]!);
    const byId = new Map(charts.map((c) => [c.id, c]));
    expect(scaleType(byId.get('build-time')!, 'x')).toMatchObject({ type: 'logarithmic', title: { text: 'seconds (log scale)' } });
    expect(scaleType(byId.get('rounds')!, 'y')).toMatchObject({ type: 'logarithmic' });
    const first = byId.get('startup')!.config.data.datasets[0]!.data as { x: number; xMin: number; xMax: number }[];
    expect(first[0]).toEqual({ y: 'a', x: 2.8, xMin: 2.5, xMax: 3.6 });
  });
});
