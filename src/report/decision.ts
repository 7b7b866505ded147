// The first screen: per scenario and cache state (and run, and git ref) one decision table — a row per
// variant; build time, artifact size, start-up first and warm launch, each as value, ratio to the baseline
// and a verdict mark (colour and text) — the decided winner of each column marked, at most three sentences
// under it, and the reasons of variants without numbers once each, as footnotes of the scenario; then the
// other compared metrics (CPU, peak RSS, debug info …) of the same variants. Every verdict is read from the
// statistics stage's comparisons, every winner from the model's groups; sizes are exact ratios.
import { doesNotStart, statusWord } from '../results/variant-status.ts';
import { METRICS, metric, type Metric } from '../results/metrics.ts';
import { describeBetweenWinners, describeDrift, describeModes, describeTrend } from '../stats/format-noise.ts';
import { emptyCell, metricCell, type DecisionCell } from './decision-cells.ts';
import { formatBytes } from '../results/units.ts';
import { DECISION_METRICS, type GroupModel } from './groups.ts';
import type { ComparisonModel, ScenarioModel, VariantModel } from './model.ts';
import { shownValue } from './metrics.ts';
import type { WinnerPick } from './winner.ts';

export type { DecisionCell, Tone } from './decision-cells.ts';
export { emptyCell, exactSizeCell, ratioText, TONE } from './decision-cells.ts';

export interface DecisionRow {
  key: string;
  /** What the row shows: the variant (and run suffix) without scenario and cache, which the table names. */
  name: string;
  baseline: boolean;
  /** ok, failed, does not start, unavailable, skipped. */
  status: string;
  /** No numbers to show (status is not ok): the row is greyed and says its status. */
  muted: boolean;
  /** The status beside the name: for a muted row, and for one that built but does not start (its build figures shown). */
  flagged: boolean;
  footnote: number | null;
  cells: DecisionCell[];
}

/** The other compared metrics of a decision table's variants (CPU, peak RSS, debug info …): same cells, no winners. */
export interface AlsoTable {
  columns: string[];
  rows: { key: string; name: string; baseline: boolean; cells: DecisionCell[] }[];
}

export interface DecisionTable {
  title: string;
  rows: DecisionRow[];
  sentences: string[];
  /** What the statistics say about the machine and the samples: drift beside noise, a trend, two modes. */
  notes: string[];
  /** Null when no other compared metric has a value. */
  also: AlsoTable | null;
}

export interface ScenarioDecisions {
  tables: DecisionTable[];
  footnotes: { n: number; text: string }[];
}

/** The column titles, the registry's labels. */
export const DECISION_COLUMNS: readonly string[] = DECISION_METRICS.map((m) => m.label);
/** Every other metric the statistics stage compares, for the table under the decision table. */
const ALSO_METRICS: readonly Metric[] = METRICS.filter((m) => m.compared && !DECISION_METRICS.includes(m));

/** The first screen of a scenario: one decision table per group of the model (groups.ts), and the footnotes they share, numbered from 1. */
export function buildDecisions(sc: ScenarioModel): ScenarioDecisions {
  const footnotes = new Map<string, number>();
  const noteFor = (v: VariantModel) => {
    // A variant with numbers may still carry a note: some builds failed, or its median is below the harness's
    // resolution.
    // One that built but does not start shows its reason beside its build figures.
    const text = v.status === 'ok' ? [doesNotStart(v) ? v.reason : null, v.failedBuilds, ...v.warnings, v.artifactBuilds].filter(Boolean).join('; ') : (v.reason ?? 'no reason recorded');
    if (!text) return null;
    if (!footnotes.has(text)) footnotes.set(text, footnotes.size + 1);
    return footnotes.get(text)!;
  };
  const find = (v: VariantModel, name: string) => sc.comparisons.find((c) => c.variant === v.key && c.metric === name);
  const tables = sc.groups.map((g) => buildTable({ g, find, noteFor }));
  return { tables, footnotes: [...footnotes].map(([text, n]) => ({ n, text })) };
}

type Find = (v: VariantModel, name: string) => ComparisonModel | undefined;

/** One group's table: its cells, the model's winners marked, the sentences, and the other compared metrics. */
function buildTable(o: { g: GroupModel; find: Find; noteFor: (v: VariantModel) => number | null }): DecisionTable {
  const { g, find } = o;
  const ok = g.variants.filter((v) => v.status === 'ok');
  const rows = g.variants.map((v): DecisionRow => {
    const row = { key: v.key, name: v.group, baseline: v.baseline, footnote: o.noteFor(v) };
    if (v.status !== 'ok') return { ...row, status: statusWord(v), muted: true, flagged: true, cells: DECISION_COLUMNS.map(() => emptyCell()) };
    const cells = DECISION_METRICS.map((m) => metricCell({ v, name: m.name, base: g.base, comparison: find(v, m.name), winner: g.winners[m.name]?.key === v.key }));
    return { ...row, status: statusWord(v), muted: false, flagged: doesNotStart(v), cells };
  });
  return { title: g.title, rows, sentences: sentences({ ok, g }), notes: noiseNotes(g), also: alsoTable({ ok, base: g.base, find }) };
}

/** The group's drift and trend in words, then every variant's two modes on a metric a user decides on (stats/format-noise.ts). */
function noiseNotes(g: GroupModel): string[] {
  const label = (name: string) => (name === 'wallMs' ? '' : ` (${metric(name).label})`);
  const drift = g.drift.flatMap((d) => {
    const trend = describeTrend(d);
    return [`Drift${label(d.metric)}: ${describeDrift(d)}.`, ...(trend ? [`Warning${label(d.metric)}: ${trend}.`] : [])];
  });
  const modes = g.variants.flatMap((v) =>
    Object.entries(v.stats).flatMap(([name, s]) => {
      const words = METRICS.some((m) => m.name === name && m.decides) ? describeModes(s.modes, name) : '';
      return words ? [`${v.group}${label(name)}: ${words}.`] : [];
    }),
  );
  return [...drift, ...modes];
}

/**
 * The other compared metrics whose values differ between the measured variants (a column of equal figures —
 * no split debug info anywhere, one file each — has nothing to decide), one row per measured variant.
 */
function alsoTable(o: { ok: VariantModel[]; base: VariantModel | undefined; find: Find }): AlsoTable | null {
  const differs = (m: Metric) => new Set(o.ok.map((v) => shownValue(v, m.name)).filter((x) => x !== undefined)).size > 1;
  const shown = ALSO_METRICS.filter(differs);
  if (shown.length === 0) return null;
  return {
    columns: shown.map((m) => m.label),
    rows: o.ok.map((v) => ({
      key: v.key,
      name: v.group,
      baseline: v.baseline,
      cells: shown.map((m) => metricCell({ v, name: m.name, base: o.base, comparison: o.find(v, m.name), winner: false })),
    })),
  };
}


/** At most three sentences, each from a decided comparison or an exact size. */
function sentences({ ok, g }: { ok: VariantModel[]; g: GroupModel }): string[] {
  if (ok.length === 0) return ['No variant of this cache state produced numbers.'];
  if (!g.base) return ['No baseline variant was measured in this cache state, so nothing is compared.'];
  const label = (key: string) => ok.find((v) => v.key === key)!.group;
  const between = (name: string) => g.between.filter((c) => c.metric === name).map((c) => describeBetweenWinners(c, label, metric(name).words));
  const out = [timedSentence('Build time', g.winners.wallMs!, between('wallMs'), label)];
  const smallest = g.winners.bytes?.key;
  if (smallest) out.push(`Smallest artifact: ${label(smallest)}, ${formatBytes(shownValue(ok.find((v) => v.key === smallest)!, 'bytes'))} (exact).`);
  if (ok.some((v) => shownValue(v, 'startupFirstMs') !== undefined)) out.push(timedSentence('Start-up on first launch', g.winners.startupFirstMs!, between('startupFirstMs'), label));
  return out.slice(0, 3);
}

/** The sentence of a timed column; with several variants faster than the baseline, how they compare with each other (`between`, in words). */
function timedSentence(what: string, pick: WinnerPick, between: string[], label: (key: string) => string): string {
  if (pick.key !== null) return `${what}: ${label(pick.key)} is decidedly the fastest.`;
  switch (pick.why) {
    case 'several faster':
      if (between.length > 0) return `${what}: more than one variant is faster than the baseline; ${between.join('; ')}.`;
      return `${what}: more than one variant is faster than the baseline; they were not compared with each other.`;
    case 'alone':
      return `${what}: the baseline is the only variant measured.`;
    default:
      return `${what}: no variant is decidedly the fastest (some differences are undecided).`;
  }
}
