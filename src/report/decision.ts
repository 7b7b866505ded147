// The first screen: per scenario and cache state (and run, and git ref) one decision table — a row per
// variant; build time, artifact size, start-up first and warm launch, each as value, ratio to the baseline
// and a verdict mark (colour and text) — the decided winner of each column marked, at most three sentences
// under it, and the reasons of variants without numbers once each, as footnotes of the scenario. Every
// verdict is read from the statistics stage's comparisons; sizes are exact and compared as exact ratios.
import { DOES_NOT_RUN, type Verdict } from '../results/schema.ts';
import { formatBytes, formatMedianCi, formatMs } from './format.ts';
import type { ComparisonModel, ScenarioModel, VariantModel } from './model.ts';
import { metric, type Metric } from '../results/metrics.ts';
import { shownValue } from './metrics.ts';
import { describeComparison } from './wording.ts';
import { pickSmallest, pickTimedWinner, type WinnerPick } from './winner.ts';

export type Tone = 'good' | 'bad' | 'same' | 'undecided' | 'baseline';

export interface DecisionCell {
  value: string;
  /** "0.62×" of the baseline's value, or '' for the baseline and for a cell without one. */
  ratio: string;
  tone: Tone | null;
  /** The mark in words: faster, slower, same, undecided, smaller, larger, baseline. */
  mark: string;
  /** The full figure on hover: interval and p, or why there is no verdict. */
  title: string;
  winner: boolean;
}

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

export interface DecisionTable {
  title: string;
  rows: DecisionRow[];
  sentences: string[];
}

export interface ScenarioDecisions {
  tables: DecisionTable[];
  footnotes: { n: number; text: string }[];
}

/** The metrics of the first screen, in column order: the user's question is time, size and start-up. */
const DECISION_METRICS: readonly Metric[] = ['wallMs', 'bytes', 'startupFirstMs', 'startupWarmMs'].map(metric);
/** The column titles, the registry's labels. */
export const DECISION_COLUMNS: readonly string[] = DECISION_METRICS.map((m) => m.label);
const TIMED = DECISION_METRICS.filter((m) => m.kind === 'sampled');
const artifactBytes = (v: VariantModel) => shownValue(v, 'bytes');
const startupFirst = (v: VariantModel) => shownValue(v, 'startupFirstMs');

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
  const find = (v: VariantModel, metric: string) => o.sc.comparisons.find((c) => c.variant === v.key && c.metric === metric);
  const timedWinners = TIMED.map((col) =>
    pickTimedWinner(ok.filter((v) => shownValue(v, col.name) !== undefined).map((v) => ({ key: v.key, baseline: v.baseline, verdict: find(v, col.name)?.verdict }))),
  );
  const sizeWinner = pickSmallest(ok.flatMap((v) => (artifactBytes(v) === undefined ? [] : [{ key: v.key, value: artifactBytes(v)! }])));
  const rows = o.variants.map((v): DecisionRow => {
    if (v.status !== 'ok') return { key: v.key, name: v.group, baseline: v.baseline, status: statusOf(v), muted: true, footnote: o.noteFor(v), cells: DECISION_COLUMNS.map(() => emptyCell()) };
    const timed = TIMED.map((col, i) => timedCell({ v, col, comparison: find(v, col.name), winner: keyOf(timedWinners[i]!) === v.key }));
    const size = sizeCell({ v, base, winner: sizeWinner === v.key });
    return { key: v.key, name: v.group, baseline: v.baseline, status: 'ok', muted: false, footnote: o.noteFor(v), cells: [timed[0]!, size, timed[1]!, timed[2]!] };
  });
  return { title: o.title, rows, sentences: sentences({ ok, base, timedWinners, sizeWinner }) };
}

const keyOf = (w: WinnerPick) => w.key;
export const emptyCell = (): DecisionCell => ({ value: '—', ratio: '', tone: null, mark: '', title: '', winner: false });
export const ratioText = (r: number) => `${r < 0.1 ? r.toPrecision(2) : r.toFixed(2)}×`;

export const TONE: Record<Verdict, { tone: Tone; mark: (w: Metric['words']) => string }> = {
  faster: { tone: 'good', mark: (w) => w.lower },
  slower: { tone: 'bad', mark: (w) => w.higher },
  'no difference': { tone: 'same', mark: () => 'same' },
  inconclusive: { tone: 'undecided', mark: () => 'undecided' },
};

function timedCell(o: { v: VariantModel; col: Metric; comparison: ComparisonModel | undefined; winner: boolean }): DecisionCell {
  const x = shownValue(o.v, o.col.name);
  if (x === undefined) return emptyCell();
  const summary = o.v.stats[o.col.name];
  const value = formatMs(x);
  const spread = summary ? `median of ${summary.n}, 95% interval ${formatMedianCi(summary)}` : 'one measurement';
  if (o.v.baseline) return { value, ratio: '', tone: 'baseline', mark: 'baseline', title: spread, winner: o.winner };
  const c = o.comparison;
  if (!c) return { value, ratio: '', tone: 'undecided', mark: 'no verdict', title: `${spread}; no comparison with the baseline recorded`, winner: false };
  const { tone, mark } = TONE[c.verdict];
  return { value, ratio: ratioText(c.ratio), tone, mark: mark(o.col.words), title: `${spread}; vs ${c.baseline}: ${describeComparison(c)}`, winner: o.winner };
}

function sizeCell(o: { v: VariantModel; base: VariantModel | undefined; winner: boolean }): DecisionCell {
  const bytes = artifactBytes(o.v);
  if (bytes === undefined) return emptyCell();
  const title = `${bytes.toLocaleString('en')} bytes${o.v.artifact && o.v.artifact.files > 1 ? ` in ${o.v.artifact.files} files` : ''}`;
  return exactSizeCell({ bytes, baseBytes: o.base && artifactBytes(o.base), baseline: o.v.baseline, title, winner: o.winner });
}

/** A size against the baseline's, compared as an exact ratio (sizes are one deterministic number each). */
export function exactSizeCell(o: { bytes: number; baseBytes: number | undefined; baseline: boolean; title: string; winner: boolean }): DecisionCell {
  const value = formatBytes(o.bytes);
  if (o.baseline) return { value, ratio: '', tone: 'baseline', mark: 'baseline', title: o.title, winner: o.winner };
  if (!o.baseBytes) return { value, ratio: '', tone: null, mark: '', title: o.title, winner: o.winner };
  const r = o.bytes / o.baseBytes;
  // Exact sizes: a difference under half a percent is no difference a user ships.
  const [tone, mark]: [Tone, string] = Math.abs(r - 1) < 0.005 ? ['same', 'same'] : r < 1 ? ['good', 'smaller'] : ['bad', 'larger'];
  return { value, ratio: ratioText(r), tone, mark, title: o.title, winner: o.winner };
}

/** At most three sentences, each from a decided comparison or an exact size. */
function sentences(o: { ok: VariantModel[]; base: VariantModel | undefined; timedWinners: WinnerPick[]; sizeWinner: string | null }): string[] {
  if (o.ok.length === 0) return ['No variant of this cache state produced numbers.'];
  if (!o.base) return ['No baseline variant was measured in this cache state, so nothing is compared.'];
  const label = (key: string) => o.ok.find((v) => v.key === key)!.group;
  const out = [timedSentence('Build time', o.timedWinners[0]!, label)];
  if (o.sizeWinner) out.push(`Smallest artifact: ${label(o.sizeWinner)}, ${formatBytes(artifactBytes(o.ok.find((v) => v.key === o.sizeWinner)!))} (exact).`);
  if (o.ok.some((v) => startupFirst(v) !== undefined)) out.push(timedSentence('Start-up on first launch', o.timedWinners[1]!, label));
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
