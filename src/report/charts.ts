// Every chart of the report, defined once: plain chart.js configurations (JSON, no functions) built from
// the model. The page serialises them into its data block and draws them in the browser; png.ts draws
// the very same objects with chart.js on @napi-rs/canvas. So the HTML and the PNGs cannot disagree.
import type { ScenarioModel, VariantModel } from './model.ts';
import { cacheStates, shownValue } from './metrics.ts';
import { CACHE_STATE_RULES, isCacheState } from '../results/cache-states.ts';

/** A chart.js configuration that survives JSON.stringify (the page and png.ts both receive it). */
export interface ChartConfig {
  type: string;
  data: { labels?: string[]; datasets: Record<string, unknown>[] };
  options: Record<string, unknown>;
}

export interface ChartSpec {
  /** build-time, artifact-size, time-vs-size, startup, rounds, phases, trend */
  id: string;
  title: string;
  /** Drawing size in CSS pixels; PNGs use the same. */
  width: number;
  height: number;
  config: ChartConfig;
}

// Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour-vision deficiencies.
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
const colourOf = (i: number) => PALETTE[i % PALETTE.length]!;
const cacheColour = (cache: string, i: number) => (isCacheState(cache) ? CACHE_STATE_RULES[cache].colour : colourOf(i));
const WIDTH = 960;
const MIB = 1024 * 1024;
const s = (ms: number) => ms / 1000;
/** Legends past this many entries hide the chart; the tables name every series instead. */
const MAX_LEGEND = 16;

const barHeight = (bars: number) => Math.min(2400, Math.max(240, 110 + bars * 16));

interface Axis {
  title: string;
  linear?: boolean;
  /** Logarithmic: set by timeAxis when the values span more than 10×. */
  log?: boolean;
  zero?: boolean;
  integer?: boolean;
  stacked?: boolean;
  /** Name every bar: chart.js would skip category labels it thinks crowded. */
  everyLabel?: boolean;
}

const axis = (a: Axis) => ({
  ...(a.log ? { type: 'logarithmic' } : a.linear ? { type: 'linear' } : {}),
  ...(a.stacked ? { stacked: true } : {}),
  ...(a.zero ? { beginAtZero: true } : {}),
  ...(a.integer || a.everyLabel ? { ticks: { ...(a.integer ? { precision: 0 } : {}), ...(a.everyLabel ? { autoSkip: false } : {}) } } : {}),
  title: { display: a.title !== '', text: a.title },
});

function options(o: { title: string; x: Axis; y: Axis; horizontal?: boolean; legend?: boolean }) {
  return {
    animation: false,
    ...(o.horizontal ? { indexAxis: 'y' } : {}),
    plugins: { title: { display: true, text: o.title }, legend: { display: o.legend ?? true } },
    scales: { x: axis(o.x), y: axis(o.y) },
  };
}

const SECONDS: Axis = { title: 'seconds', linear: true, zero: true };
/** Past this ratio of largest to smallest value a linear axis flattens the small ones to zero. */
const LOG_SPAN = 10;

/** Seconds, on a log scale when the values span more than 10× (53 s cold builds beside 0.8 s warm ones). */
export function timeAxis(seconds: readonly number[], base: Axis = SECONDS): Axis {
  const positive = seconds.filter((x) => x > 0 && Number.isFinite(x));
  if (positive.length < 2 || Math.max(...positive) / Math.min(...positive) <= LOG_SPAN) return base;
  return { ...base, title: `${base.title} (log scale)`, log: true, zero: false };
}
const xValues = (datasets: { data: { x: number; xMin: number; xMax: number }[] }[]) => datasets.flatMap((d) => d.data.flatMap((p) => [p.x, p.xMin, p.xMax]));
const CATEGORY: Axis = { title: '', everyLabel: true };

/** The first ok variant of each group that has the value: one bar per group (size and start-up do not depend on cache). */
function onePerGroup(variants: VariantModel[], has: (v: VariantModel) => boolean): VariantModel[] {
  const seen = new Map<string, VariantModel>();
  for (const v of variants) if (v.status === 'ok' && has(v) && !seen.has(v.group)) seen.set(v.group, v);
  return [...seen.values()];
}

function buildTime(sc: ScenarioModel): ChartSpec | null {
  const measured = sc.variants.filter((v) => v.status === 'ok' && v.stats.wallMs);
  if (measured.length === 0) return null;
  const groups = [...new Set(measured.map((v) => v.group))];
  const caches = cacheStates(sc).filter((c) => measured.some((v) => v.cache === c));
  const datasets = caches.map((cache, i) => ({
    label: cache,
    backgroundColor: cacheColour(cache, i),
    // Points name their category rather than sit at an index: a missing one is left out, never null
    // (the error-bar plugin cannot draw a null point).
    data: measured
      .filter((v) => v.cache === cache)
      .map((v) => ({ y: v.group, x: s(v.stats.wallMs!.median), xMin: s(v.stats.wallMs!.ciLow), xMax: s(v.stats.wallMs!.ciHigh) })),
  }));
  const title = `${sc.name}: build time (median, 95% CI)`;
  return {
    id: 'build-time',
    title,
    width: WIDTH,
    height: barHeight(groups.length * caches.length),
    config: { type: 'barWithErrorBars', data: { labels: groups, datasets }, options: options({ title, x: timeAxis(xValues(datasets)), y: CATEGORY, horizontal: true }) },
  };
}

function artifactSize(sc: ScenarioModel): ChartSpec | null {
  const sized = onePerGroup(sc.variants, (v) => shownValue(v, 'bytes') !== undefined);
  if (sized.length === 0) return null;
  const datasets = [{ label: 'artifact', backgroundColor: PALETTE[0], data: sized.map((v) => shownValue(v, 'bytes')! / MIB) }];
  if (sized.some((v) => (shownValue(v, 'debugBytes') ?? 0) > 0)) {
    datasets.push({ label: 'split debug info', backgroundColor: PALETTE[1], data: sized.map((v) => (shownValue(v, 'debugBytes') ?? 0) / MIB) });
  }
  const title = `${sc.name}: artifact size`;
  return {
    id: 'artifact-size',
    title,
    width: WIDTH,
    height: barHeight(sized.length),
    config: { type: 'bar', data: { labels: sized.map((v) => v.group), datasets }, options: options({ title, x: { title: 'MiB', linear: true, zero: true, stacked: true }, y: { ...CATEGORY, stacked: true }, horizontal: true }) },
  };
}

function timeVsSize(sc: ScenarioModel): ChartSpec | null {
  const datasets = cacheStates(sc).flatMap((cache, i) => {
    const points = sc.variants
      .filter((v) => v.cache === cache && v.status === 'ok' && v.stats.wallMs && shownValue(v, 'bytes') !== undefined)
      .map((v) => ({ x: shownValue(v, 'bytes')! / MIB, y: s(v.stats.wallMs!.median), label: v.group, id: v.key }));
    if (points.length === 0) return [];
    const colour = cacheColour(cache, i);
    // The model's front of each group (one per run and ref in this cache state), drawn left to right.
    const groups = sc.groups.filter((g) => g.cache === cache);
    const fronts = groups.map((g) => ({
      type: 'line',
      label: `${groups.length === 1 ? cache : g.title}: Pareto front`,
      data: points.filter((p) => g.pareto.includes(p.id) || (g.pareto.length === 0 && points.length === 1)).sort((a, b) => a.x - b.x),
      borderColor: colour,
      borderDash: [6, 4],
      pointRadius: 0,
      fill: false,
      tension: 0,
    }));
    return [{ type: 'scatter', label: cache, data: points, backgroundColor: colour, borderColor: colour, pointRadius: 5, labelPoints: true }, ...fronts];
  });
  if (datasets.length === 0) return null;
  const title = `${sc.name}: build time vs artifact size (Pareto front dashed; lower left is better)`;
  return {
    id: 'time-vs-size',
    title,
    width: WIDTH,
    height: 480,
    config: { type: 'scatter', data: { datasets }, options: options({ title, x: { title: 'artifact MiB', linear: true }, y: { title: 'median build seconds', linear: true } }) },
  };
}

function startup(sc: ScenarioModel): ChartSpec | null {
  const launched = onePerGroup(sc.variants, (v) => shownValue(v, 'startupFirstMs') !== undefined || shownValue(v, 'startupWarmMs') !== undefined);
  if (launched.length === 0) return null;
  const series = (label: string, name: string, colour: string) => ({
    label,
    backgroundColor: colour,
    data: launched.flatMap((v) => {
      const summary = v.stats[name];
      if (summary) return [{ y: v.group, x: s(summary.median), xMin: s(summary.ciLow), xMax: s(summary.ciHigh) }];
      const value = shownValue(v, name);
      return value === undefined ? [] : [{ y: v.group, x: s(value), xMin: s(value), xMax: s(value) }];
    }),
  });
  const datasets = [series('first launch', 'startupFirstMs', PALETTE[5]!), series('warm launch', 'startupWarmMs', PALETTE[4]!)];
  const title = `${sc.name}: start-up, launch to ready (median, 95% CI)`;
  return {
    id: 'startup',
    title,
    width: WIDTH,
    height: barHeight(launched.length * 2),
    config: { type: 'barWithErrorBars', data: { labels: launched.map((v) => v.group), datasets }, options: options({ title, x: timeAxis(xValues(datasets)), y: CATEGORY, horizontal: true }) },
  };
}

function rounds(sc: ScenarioModel): ChartSpec | null {
  const sampled = sc.variants.filter((v) => v.samples.length > 0);
  if (sampled.length === 0) return null;
  const datasets = sampled.map((v, i) => ({
    label: v.label,
    borderColor: colourOf(i),
    backgroundColor: colourOf(i),
    data: v.samples.map((p) => ({ x: p.round, y: s(p.wallMs) })),
    // Outliers (modified Z-score, flagged by the statistics stage) are drawn large and crossed, never dropped.
    pointRadius: v.samples.map((p) => (p.outlier ? 8 : 3)),
    pointStyle: v.samples.map((p) => (p.outlier ? 'rectRot' : 'circle')),
    pointBorderWidth: v.samples.map((p) => (p.outlier ? 2 : 1)),
    pointBorderColor: v.samples.map((p) => (p.outlier ? '#000000' : colourOf(i))),
    borderWidth: 1,
  }));
  const title = `${sc.name}: build time by round (outliers as black-edged diamonds)`;
  return {
    id: 'rounds',
    title,
    width: WIDTH,
    height: 420,
    config: { type: 'line', data: { datasets }, options: options({ title, x: { title: 'round', linear: true, integer: true }, y: timeAxis(datasets.flatMap((d) => d.data.map((p) => p.y)), { title: 'seconds', linear: true }), legend: datasets.length <= MAX_LEGEND }) },
  };
}

function phases(sc: ScenarioModel): ChartSpec | null {
  const phased = sc.variants.filter((v) => v.phases && v.phases.phases.length > 0);
  if (phased.length === 0) return null;
  const names = [...new Set(phased.flatMap((v) => v.phases!.phases.map((p) => p.name)))];
  const datasets = names.map((name, i) => ({
    label: name,
    backgroundColor: colourOf(i),
    data: phased.map((v) => s(v.phases!.phases.find((p) => p.name === name)?.durationMs ?? 0)),
  }));
  const title = `${sc.name}: phases`;
  return {
    id: 'phases',
    title,
    width: WIDTH,
    height: barHeight(phased.length),
    config: { type: 'bar', data: { labels: phased.map((v) => v.label), datasets }, options: options({ title, x: { ...SECONDS, stacked: true }, y: { ...CATEGORY, stacked: true }, horizontal: true }) },
  };
}

function trend(sc: ScenarioModel): ChartSpec | null {
  const runs = [...new Set(sc.trend.map((p) => p.runId))];
  if (runs.length < 2) return null;
  const ids = [...new Set(sc.trend.map((p) => p.id))];
  const datasets = ids.map((id, i) => ({
    label: id.startsWith(`${sc.name}/`) ? id.slice(sc.name.length + 1) : id,
    borderColor: colourOf(i),
    backgroundColor: colourOf(i),
    data: sc.trend.filter((t) => t.id === id).map((p) => ({ x: p.runId, y: s(p.medianMs), yMin: s(p.ciLowMs), yMax: s(p.ciHighMs) })),
    spanGaps: true,
  }));
  const title = `${sc.name}: median build time across runs (95% CI)`;
  return {
    id: 'trend',
    title,
    width: WIDTH,
    height: 420,
    config: { type: 'lineWithErrorBars', data: { labels: runs, datasets }, options: options({ title, x: { title: 'run' }, y: timeAxis(datasets.flatMap((d) => d.data.map((p) => p.y)), { title: 'seconds', linear: true }), legend: datasets.length <= MAX_LEGEND }) },
  };
}

/** The charts a scenario has data for, in report order. */
export function buildCharts(scenario: ScenarioModel): ChartSpec[] {
  return [buildTime, artifactSize, timeVsSize, startup, rounds, phases, trend]
    .map((build) => build(scenario))
    .filter((c): c is ChartSpec => c !== null);
}
