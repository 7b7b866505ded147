// Series: one metric of one variant (scenario × variant × cache state [× ref]) on one runner, over the runs of a
// history. The id of a series is written here and nowhere else (asv's graph paths were defined twice, in Python
// and in JS, and drifted apart: asv#247); the dashboard and the change-point listing both call seriesId.
import { METRICS, findMetric, type Metric, type MetricSource, type RecordedSource } from '../results/metrics.ts';
import type { VariantResult } from '../results/schema.ts';
import type { HistoryRecord, RecordVariant } from './record-schema.ts';

/** What a series is of. */
export interface SeriesKey {
  runner: string;
  /** Variant id, scenario/variant@cache[#ref]. */
  variant: string;
  /** Metric name of the registry. */
  metric: string;
}

/** One run's values in a series: every build's (or launch's) value, or the one recorded value of a size. */
export interface SeriesPoint {
  /** Index of the run in the history (oldest first). */
  run: number;
  values: number[];
}

/** A series with its points, oldest first; runs where the variant was not measured are absent. */
export interface Series extends SeriesKey {
  id: string;
  points: SeriesPoint[];
}

/** The id of a series: `<variant id> <metric> [<runner>]`, e.g. `sidecar/pex@cold wallMs [Debian 12 x64 2 cores]`. */
export function seriesId(key: SeriesKey): string {
  return `${key.variant} ${key.metric} [${key.runner}]`;
}

/** The parts of a variant id `scenario/variant@cache[#ref]` (results/variant-id.ts writes it; names hold none of / @ #). */
export function parseVariantId(id: string): { scenario: string; variant: string; cache: string; ref?: string } {
  const hash = id.indexOf('#');
  const base = hash < 0 ? id : id.slice(0, hash);
  const at = base.lastIndexOf('@');
  const slash = base.indexOf('/');
  return {
    scenario: base.slice(0, slash),
    variant: base.slice(slash + 1, at < 0 ? undefined : at),
    cache: at < 0 ? '' : base.slice(at + 1),
    ...(hash < 0 ? {} : { ref: id.slice(hash + 1) }),
  };
}

/** What the metric registry reads from a record's variant, without recomputing any summary. */
export function metricSource(v: RecordVariant): Pick<VariantResult, 'samples' | 'startup' | 'artifact'> {
  const s = v.samples;
  const samples = s.wallMs.map((wallMs, i) => ({
    round: s.round[i]!,
    position: s.position[i]!,
    wallMs,
    userMs: s.userMs[i]!,
    sysMs: s.sysMs[i]!,
    maxRssKb: s.maxRssKb[i]!,
    treeRssKb: s.treeRssKb[i]!,
    ...(s.pipelineMs?.[i] != null ? { pipelineMs: s.pipelineMs[i]! } : {}),
    exitCode: 0,
    phases: {},
    log: '',
  }));
  const launches = [...(v.launches?.state ?? '')].map((c, i) => ({
    round: v.launches!.round[i]!,
    position: 0,
    state: c === 'f' ? ('first' as const) : ('warm' as const),
    ms: v.launches!.ms[i]!,
    extractBytes: 0,
  }));
  const a = v.artifact;
  return {
    samples,
    startup: v.readyOk === undefined ? null : { firstMs: null, warmMs: null, readyOk: v.readyOk, launches, ...(v.extractBytes !== undefined ? { extractBytes: v.extractBytes } : {}) },
    artifact: a
      ? { path: '', kind: 'file' as const, bytes: a.bytes, files: a.files, sha256: a.sha256, debugBytes: a.debugBytes, largest: [], ...(a.installedBytes !== undefined ? { package: { format: 'deb' as const, name: '', version: '', architecture: '', installedBytes: a.installedBytes } } : {}) }
      : null,
  };
}

/** The values of metric `m` in what metricSource read: every sample of a sampled metric, the one value of a size; empty when it has none. */
function readValues(source: MetricSource & RecordedSource, m: Metric): number[] {
  if (m.kind === 'sampled') return m.read(source).values;
  const one = m.read(source);
  return one === undefined ? [] : [one];
}

/** The values of `metric` (a registry name) in one record variant; empty for a metric the registry does not hold. */
export function valuesOf(v: RecordVariant, metric: string): number[] {
  const m = findMetric(metric);
  return m ? readValues(metricSource(v), m) : [];
}

/**
 * Every series of a history (records oldest first): per runner, per variant id measured ok, per compared metric
 * of the registry with a value. Series appear in order of first appearance; their points in run order.
 */
export function collectSeries(records: readonly HistoryRecord[]): Series[] {
  const byId = new Map<string, Series>();
  const metrics = METRICS.filter((m) => m.compared);
  records.forEach((record, run) => {
    for (const v of record.variants) {
      if (v.status !== 'ok') continue;
      const source = metricSource(v);
      for (const m of metrics) {
        const values = readValues(source, m);
        if (values.length === 0) continue;
        const key = { runner: record.runner, variant: v.id, metric: m.name };
        const id = seriesId(key);
        let series = byId.get(id);
        if (!series) byId.set(id, (series = { ...key, id, points: [] }));
        series.points.push({ run, values });
      }
    }
  });
  return [...byId.values()];
}
