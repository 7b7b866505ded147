// The answer first: for each scenario and cache state, the fastest build, the smallest artifact, the
// fastest start-up and the Pareto-optimal variants (time vs size), each against the baseline with the
// ratio and CI the statistics stage recorded. Picking the best of recorded medians is display, not a
// new statistic; the only computation is the Pareto front (src/stats/pareto.ts).
import { paretoFront } from '../stats/pareto.ts';
import { formatBytes, formatMs } from './format.ts';
import type { ScenarioModel, VariantModel } from './model.ts';
import { artifactBytes, cacheStates, METRICS, startupFirst, wallMedian } from './metrics.ts';
import { describeComparison, describePlainRatio } from './wording.ts';

/** One line of the verdict: a winner, its value, and how it stands against the baseline. */
export interface Highlight {
  label: string;
  key: string;
  value: string;
  versus: string;
}

export interface CacheVerdict {
  cache: string;
  baselines: string[];
  highlights: Highlight[];
  pareto: Highlight[];
  /** Variants of this cache state without numbers, and why. */
  missing: { key: string; status: string; reason: string }[];
}

export function buildVerdicts(scenario: ScenarioModel): CacheVerdict[] {
  return cacheStates(scenario).map((cache) => {
    const all = scenario.variants.filter((v) => v.cache === cache);
    const ok = all.filter((v) => v.status === 'ok');
    const versus = (v: VariantModel, metric: string, value: (v: VariantModel) => number | undefined) =>
      compareWithBaseline({ scenario, v, metric, value });
    const highlight = (label: string, metric: string, value: (v: VariantModel) => number | undefined, show: (n: number) => string) => {
      const best = lowest(ok, value);
      return best && { label, key: best.key, value: show(value(best)!), versus: versus(best, metric, value) };
    };
    const points = ok.flatMap((v) => {
      const [x, y] = [artifactBytes(v), wallMedian(v)];
      return x === undefined || y === undefined ? [] : [{ id: v.key, x, y }];
    });
    const front = paretoFront(points);
    return {
      cache,
      baselines: all.filter((v) => v.baseline).map((v) => v.key),
      highlights: [
        highlight('Fastest build', METRICS.wall, wallMedian, formatMs),
        highlight('Smallest artifact', METRICS.bytes, artifactBytes, formatBytes),
        highlight('Fastest start-up', METRICS.startupFirst, startupFirst, (ms) => `${formatMs(ms)} to ready, first launch`),
      ].filter((h): h is Highlight => h !== undefined),
      pareto: front.map((key) => {
        const v = ok.find((o) => o.key === key)!;
        return { label: 'Pareto-optimal', key, value: `${formatMs(wallMedian(v))}, ${formatBytes(artifactBytes(v))}`, versus: versus(v, METRICS.wall, wallMedian) };
      }),
      missing: all.filter((v) => v.status !== 'ok').map((v) => ({ key: v.key, status: v.status, reason: v.reason ?? 'no reason recorded' })),
    };
  });
}

function lowest(variants: VariantModel[], value: (v: VariantModel) => number | undefined): VariantModel | undefined {
  let best: VariantModel | undefined;
  for (const v of variants) {
    const x = value(v);
    if (x !== undefined && Number.isFinite(x) && (best === undefined || x < value(best)!)) best = v;
  }
  return best;
}

/** How a variant stands against the baseline of its cache state (and run) on one metric, in words. */
export function compareWithBaseline(o: {
  scenario: ScenarioModel;
  v: VariantModel;
  metric: string;
  value: (v: VariantModel) => number | undefined;
}): string {
  if (o.v.baseline) return 'the baseline';
  const recorded = o.scenario.comparisons.find((c) => c.variant === o.v.key && c.metric === o.metric);
  if (recorded) return `${describeComparison(recorded)} vs ${recorded.baseline}`;
  const base = o.scenario.variants.find((b) => b.baseline && b.cache === o.v.cache && b.source === o.v.source);
  if (!base) return 'no baseline in this cache state';
  // A metric without a summary was measured once (artifact bytes, a single launch): a plain ratio says
  // all there is, and says that it has no interval.
  const [mine, theirs] = [o.value(o.v), o.value(base)];
  if (o.v.stats[o.metric] === undefined && mine !== undefined && theirs) {
    const note = o.metric === METRICS.bytes ? '' : ' (one measurement each, no CI)';
    return `${describePlainRatio(o.metric, mine / theirs)} than ${base.key}${note}`;
  }
  return 'no comparison with the baseline recorded';
}
