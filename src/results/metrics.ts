// The metric registry: every number a variant records, declared once — its name (the key in `stats` and a
// comparison's `metric`), label, unit, where it is read from in a VariantResult, which direction is better,
// and how it is compared with the baseline. Summaries, comparisons, the report's tables and charts, the
// recommendation and the terminal read this list; a new metric is one measurement, one schema field and
// one entry here.
import type { RunSample, VariantResult } from './schema.ts';
import { formatValue, type MetricUnit } from './units.ts';

/** What a sampled metric reads: the values with the round each came from. */
export interface MetricValues {
  values: number[];
  rounds: number[];
}

/** The part of a VariantResult a sampled metric reads (tests and the runner pass partial variants). */
export type MetricSource = Pick<VariantResult, 'samples'> & Partial<Pick<VariantResult, 'startup' | 'artifact'>>;
/** The part of a VariantResult a single value is read from (the report's variant model has it too). */
export type RecordedSource = Partial<Pick<VariantResult, 'startup' | 'artifact'>>;

interface MetricBase {
  /** Key in VariantResult.stats and Comparison.metric; units in the name (DESIGN.md, results file). */
  name: string;
  /** Capitalised, for a column or chart title: "Build time". */
  label: string;
  unit: MetricUnit;
  /** Lower is better for every metric buildbench records; the flag names the direction a winner is picked in. */
  lowerIsBetter: boolean;
  /** What a lower and a higher value are called: faster/slower, smaller/larger, fewer/more. */
  words: { lower: string; higher: string };
  /**
   * A metric a user decides on (DESIGN.md, Statistics): `--runs auto` adds rounds until its comparisons are
   * decided, and `compare --fail-on-regression` fails on its regressions. The other metrics are compared and
   * shown, but never keep a run going or fail a build.
   */
  decides: boolean;
}

/** A metric with one value per sample or launch: summarised, and compared by Hodges–Lehmann/Moses/TOST. */
export interface SampledMetric extends MetricBase {
  kind: 'sampled';
  /** Compared with the baseline (false for the parts of a sum that is compared itself). */
  compared: boolean;
  read: (variant: MetricSource) => MetricValues;
  /** The one value a file recorded where it kept no samples (start-up before launches were kept): shown, never compared. */
  recorded?: (variant: RecordedSource) => number | undefined;
}

/** A metric with one deterministic value per variant (sizes): compared as an exact ratio, no interval, no p. */
export interface SingleMetric extends MetricBase {
  kind: 'single';
  compared: boolean;
  read: (variant: RecordedSource) => number | undefined;
}

export type Metric = SampledMetric | SingleMetric;

/** A sample counts when its build succeeded: exit code 0 and no time-out. */
export function isSuccessful(sample: RunSample): boolean {
  return sample.exitCode === 0 && sample.timedOut !== true;
}

/** Values of one sample field over the successful samples; a non-finite value, or an RSS ≤ 0 (not measured), is left out. */
function fromSamples(value: (s: RunSample) => number, opts: { zeroIsUnmeasured?: boolean } = {}): (v: MetricSource) => MetricValues {
  return (variant) => {
    const out: MetricValues = { values: [], rounds: [] };
    for (const sample of variant.samples) {
      const x = isSuccessful(sample) ? value(sample) : Number.NaN;
      // No process runs in 0 KB: an RSS of 0 means it was not measured (no GNU time, no /proc sampling).
      if (!Number.isFinite(x) || (opts.zeroIsUnmeasured && x <= 0)) continue;
      out.values.push(x);
      out.rounds.push(sample.round);
    }
    return out;
  };
}

/**
 * The launch-to-ready times of one launch state (a launch is recorded only when it became ready); none for an
 * artifact that did not start every time (`readyOk` false: its start-up columns stay empty).
 */
function fromLaunches(state: 'first' | 'warm'): (v: MetricSource) => MetricValues {
  return (variant) => {
    const launches = variant.startup?.readyOk === false ? [] : (variant.startup?.launches ?? []).filter((l) => l.state === state);
    return { values: launches.map((l) => l.ms), rounds: launches.map((l) => l.round) };
  };
}

/** An artifact field, when the artifact exists. */
const ofArtifact = (field: 'bytes' | 'debugBytes' | 'files') => (v: RecordedSource) => (v.artifact && v.artifact.kind !== 'missing' ? v.artifact[field] : undefined);

const TIME = { unit: 'ms', lowerIsBetter: true, words: { lower: 'faster', higher: 'slower' } } as const;
const SIZE = { lowerIsBetter: true, words: { lower: 'smaller', higher: 'larger' } } as const;

/** Every metric, in the order summaries, comparisons and tables list them. */
export const METRICS: readonly Metric[] = [
  { name: 'wallMs', label: 'Build time', ...TIME, kind: 'sampled', decides: true, compared: true, read: fromSamples((s) => s.wallMs) },
  { name: 'userMs', label: 'CPU user', ...TIME, kind: 'sampled', decides: false, compared: false, read: fromSamples((s) => s.userMs) },
  { name: 'sysMs', label: 'CPU system', ...TIME, kind: 'sampled', decides: false, compared: false, read: fromSamples((s) => s.sysMs) },
  { name: 'cpuMs', label: 'CPU user+system', ...TIME, kind: 'sampled', decides: false, compared: true, read: fromSamples((s) => s.userMs + s.sysMs) },
  // The largest single process is summarised; the process tree's peak is what a build costs, so it is compared.
  { name: 'maxRssKb', label: 'Peak RSS, largest process', unit: 'KiB', ...SIZE, kind: 'sampled', decides: false, compared: false, read: fromSamples((s) => s.maxRssKb, { zeroIsUnmeasured: true }) },
  { name: 'treeRssKb', label: 'Peak RSS, process tree', unit: 'KiB', ...SIZE, kind: 'sampled', decides: false, compared: true, read: fromSamples((s) => s.treeRssKb, { zeroIsUnmeasured: true }) },
  { name: 'startupFirstMs', label: 'Start-up, first launch', ...TIME, kind: 'sampled', decides: true, compared: true, read: fromLaunches('first'), recorded: (v) => (v.startup?.readyOk ? (v.startup.firstMs ?? undefined) : undefined) },
  { name: 'startupWarmMs', label: 'Start-up, warm launch', ...TIME, kind: 'sampled', decides: true, compared: true, read: fromLaunches('warm'), recorded: (v) => (v.startup?.readyOk ? (v.startup.warmMs ?? undefined) : undefined) },
  { name: 'bytes', label: 'Artifact size', unit: 'bytes', ...SIZE, kind: 'single', decides: false, compared: true, read: ofArtifact('bytes') },
  { name: 'debugBytes', label: 'Split debug info', unit: 'bytes', ...SIZE, kind: 'single', decides: false, compared: true, read: ofArtifact('debugBytes') },
  { name: 'files', label: 'Artifact files', unit: 'files', lowerIsBetter: true, words: { lower: 'fewer', higher: 'more' }, kind: 'single', decides: false, compared: true, read: ofArtifact('files') },
  // A variant that consumed other variants' artifacts: its build plus its producers' (stats/pipelines.ts).
  { name: 'pipelineMs', label: 'Pipeline (producers + this build)', ...TIME, kind: 'sampled', decides: true, compared: true, read: fromSamples((s) => s.pipelineMs ?? Number.NaN) },
  { name: 'installedBytes', label: 'Installed size', unit: 'bytes', ...SIZE, kind: 'single', decides: false, compared: true, read: (v) => (v.artifact?.kind === 'file' ? (v.artifact.package?.installedBytes ?? undefined) : undefined) },
  // The median of the first launches' extraction, which the runner records once per variant.
  { name: 'extractBytes', label: 'Extracted on first launch', unit: 'bytes', ...SIZE, kind: 'single', decides: false, compared: true, read: (v) => (v.startup?.readyOk ? (v.startup.extractBytes ?? undefined) : undefined) },
];

const BY_NAME = new Map(METRICS.map((m) => [m.name, m]));

/** The registry entry of `name`, or undefined for a name it does not hold (a metric of an older or newer file). */
export function findMetric(name: string): Metric | undefined {
  return BY_NAME.get(name);
}

/** The registry entry of `name`; throws an Error naming it when the registry has no such metric (a programming error). */
export function metric(name: string): Metric {
  const found = BY_NAME.get(name);
  if (!found) throw new Error(`no metric named ${name} in the registry`);
  return found;
}

/** A value of `name` in its unit ("12.3 s", "28.6 MiB", "240 files"); "—" when missing; the bare number for a metric the registry does not hold. */
export function formatMetric(name: string, value: number | null | undefined): string {
  const m = findMetric(name);
  if (m) return formatValue(m.unit, value);
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : String(value);
}
