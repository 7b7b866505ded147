// The first screen: per scenario and cache state (and run, and git ref) one decision table — a row per
// variant; build time, artifact size, start-up first and warm launch, each as value, ratio to the baseline
// and a verdict mark (colour and text) — the decided winner of each column marked, at most three sentences
// under it, and the reasons of variants without numbers once each, as footnotes of the scenario. Every
// verdict is read from the statistics stage's comparisons; sizes are exact and compared as exact ratios.
import { DOES_NOT_RUN } from '../results/schema.ts';
import { METRICS, metric, type Metric } from '../results/metrics.ts';
import { emptyCell, metricCell, type DecisionCell } from './decision-cells.ts';
import { formatBytes } from './format.ts';
import type { ScenarioModel, VariantModel } from './model.ts';
import { shownValue } from './metrics.ts';
import { pickSmallest, pickTimedWinner, type WinnerPick } from './winner.ts';

export type { DecisionCell, Tone } from './decision-cells.ts';
export { emptyCell, exactSizeCell, ratioText, TONE } from './decision-cells.ts';

export interface DecisionRow {
  key: string;
  /** What the row shows: the variant (and run suffix) without scenario and cache, which the table names. */
  name: string;
  baseline: boolean;
  /** ok, failed, does not run, unavailable, skipped. */
  status: string;
  /** No numbers to show (status is not ok): the row is greyed and says its status. */
  muted: boolean;
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
  /** Null when no other compared metric has a value. */
  also: AlsoTable | null;
}

export interface ScenarioDecisions {
  tables: DecisionTable[];
  footnotes: { n: number; text: string }[];
}

/** The metrics of the first screen, in column order: the user's question is time, size and start-up. */
const DECISION_METRICS: readonly Metric[] = ['wallMs', 'bytes', 'startupFirstMs', 'startupWarmMs'].map(metric);
/** The column titles, the registry's labels. */
export const DECISION_COLUMNS: readonly string[] = DECISION_METRICS.map((m) => m.label);
/** Every other metric the statistics stage compares, for the table under the decision table. */
const ALSO_METRICS: readonly Metric[] = METRICS.filter((m) => m.compared && !DECISION_METRICS.includes(m));
const artifactBytes = (v: VariantModel) => shownValue(v, 'bytes');

const statusOf = (v: VariantModel) => (v.status === 'failed' && v.reason?.startsWith(DOES_NOT_RUN) ? 'does not run' : v.status);

export function buildDecisions(sc: ScenarioModel): ScenarioDecisions {
  const footnotes = new Map<string, number>();
  const noteFor = (v: VariantModel) => {
    // A variant with numbers may still carry a note: some builds failed, or its median is below the harness's
    // resolution.
    const text = v.status === 'ok' ? [v.failedBuilds, ...v.warnings].filter(Boolean).join('; ') : (v.reason ?? 'no reason recorded');
    if (!text) return null;
    if (!footnotes.has(text)) footnotes.set(text, footnotes.size + 1);
    return footnotes.get(text)!;
  };
  const tables = groupTables(sc).map(({ title, variants }) => buildTable({ sc, title, variants, noteFor }));
  return { tables, footnotes: [...footnotes].map(([text, n]) => ({ n, text })) };
}

/** Variants grouped by what shares one baseline: cache state, run, git ref. */
function groupTables(sc: ScenarioModel): { title: string; variants: VariantModel[] }[] {
  const groups = new Map<string, VariantModel[]>();
  for (const v of sc.variants) {
    const key = JSON.stringify([v.cache, v.source, v.ref]);
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  const sources = new Set(sc.variants.map((v) => v.source)).size;
  return [...groups.values()].map((variants) => {
    const v = variants[0]!;
    const title = `${v.cache} builds${v.ref ? ` at ${v.ref}` : ''}${sources > 1 ? ` (run ${v.source + 1})` : ''}`;
    return { title, variants };
  });
}

function buildTable(o: { sc: ScenarioModel; title: string; variants: VariantModel[]; noteFor: (v: VariantModel) => number | null }): DecisionTable {
  const ok = o.variants.filter((v) => v.status === 'ok');
  const base = ok.find((v) => v.baseline);
  const find = (v: VariantModel, name: string) => o.sc.comparisons.find((c) => c.variant === v.key && c.metric === name);
  const winners = DECISION_METRICS.map((m) => (m.kind === 'sampled' ? keyOf(timedWinner(ok, m.name, find)) : pickSmallest(ok.flatMap((v) => (shownValue(v, m.name) === undefined ? [] : [{ key: v.key, value: shownValue(v, m.name)! }])))));
  const rows = o.variants.map((v): DecisionRow => {
    const row = { key: v.key, name: v.group, baseline: v.baseline, footnote: o.noteFor(v) };
    if (v.status !== 'ok') return { ...row, status: statusOf(v), muted: true, cells: DECISION_COLUMNS.map(() => emptyCell()) };
    const cells = DECISION_METRICS.map((m, i) => metricCell({ v, name: m.name, base, comparison: find(v, m.name), winner: winners[i] === v.key }));
    return { ...row, status: 'ok', muted: false, cells };
  });
  const timed = (name: string) => timedWinner(ok, name, find);
  const sentenceInput = { ok, base, build: timed('wallMs'), startup: timed('startupFirstMs'), sizeWinner: winners[1] ?? null };
  return { title: o.title, rows, sentences: sentences(sentenceInput), also: alsoTable({ ok, base, find }) };
}

type Find = (v: VariantModel, name: string) => ReturnType<ScenarioModel['comparisons']['find']>;

/** The decided winner of a sampled column, from the verdicts against the baseline (winner.ts). */
function timedWinner(ok: VariantModel[], name: string, find: Find): WinnerPick {
  return pickTimedWinner(ok.filter((v) => shownValue(v, name) !== undefined).map((v) => ({ key: v.key, baseline: v.baseline, verdict: find(v, name)?.verdict })));
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

const keyOf = (w: WinnerPick) => w.key;

/** At most three sentences, each from a decided comparison or an exact size. */
function sentences(o: { ok: VariantModel[]; base: VariantModel | undefined; build: WinnerPick; startup: WinnerPick; sizeWinner: string | null }): string[] {
  if (o.ok.length === 0) return ['No variant of this cache state produced numbers.'];
  if (!o.base) return ['No baseline variant was measured in this cache state, so nothing is compared.'];
  const label = (key: string) => o.ok.find((v) => v.key === key)!.group;
  const out = [timedSentence('Build time', o.build, label)];
  if (o.sizeWinner) out.push(`Smallest artifact: ${label(o.sizeWinner)}, ${formatBytes(artifactBytes(o.ok.find((v) => v.key === o.sizeWinner)!))} (exact).`);
  if (o.ok.some((v) => shownValue(v, 'startupFirstMs') !== undefined)) out.push(timedSentence('Start-up on first launch', o.startup, label));
  return out.slice(0, 3);
}

function timedSentence(what: string, pick: WinnerPick, label: (key: string) => string): string {
  if (pick.key !== null) return `${what}: ${label(pick.key)} is decidedly the fastest.`;
  switch (pick.why) {
    case 'several faster':
      return `${what}: more than one variant is faster than the baseline; they were not compared with each other.`;
    case 'alone':
      return `${what}: the baseline is the only variant measured.`;
    default:
      return `${what}: no variant is decidedly the fastest (some differences are undecided).`;
  }
}
