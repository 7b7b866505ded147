// One cell of a decision table: a metric's shown value, its ratio to the baseline and the verdict mark, with
// the full figure on hover. A sampled metric's verdict is the statistics stage's comparison; a one-value
// metric (a size) is compared exactly, by the same rule the statistics stage records (compareExact).
import { findMetric, formatMetric, metric, type Metric } from '../results/metrics.ts';
import type { Verdict } from '../results/schema.ts';
import { compareExact } from '../stats/compare-exact.ts';
import { formatMedianCi } from '../results/units.ts';
import { shownValue } from './metrics.ts';
import type { ComparisonModel, VariantModel } from './model.ts';
import { describeComparison } from './wording.ts';

export type Tone = 'good' | 'bad' | 'same' | 'undecided' | 'baseline';

export interface DecisionCell {
  value: string;
  /** "0.62×" of the baseline's value, or '' for the baseline and for a cell without one. */
  ratio: string;
  tone: Tone | null;
  /** The mark in words: faster, slower, same, undecided, smaller, larger, fewer, more, baseline. */
  mark: string;
  /** The full figure on hover: interval and p, or why there is no verdict. */
  title: string;
  winner: boolean;
}

/** A cell with nothing to show ("—"). */
export const emptyCell = (): DecisionCell => ({ value: '—', ratio: '', tone: null, mark: '', title: '', winner: false });
/** A ratio to the baseline as a cell shows it: "0.62×", two significant digits below 0.1. */
export const ratioText = (r: number) => `${r < 0.1 ? r.toPrecision(2) : r.toFixed(2)}×`;

/** The tone and the word of each verdict, the word in the metric's terms (faster, smaller, fewer …). */
export const TONE: Record<Verdict, { tone: Tone; mark: (w: Metric['words']) => string }> = {
  faster: { tone: 'good', mark: (w) => w.lower },
  slower: { tone: 'bad', mark: (w) => w.higher },
  'no difference': { tone: 'same', mark: () => 'same' },
  inconclusive: { tone: 'undecided', mark: () => 'undecided' },
};

/** The cell of a sampled metric `m` for `v`: median (or the one recorded value), ratio and mark from `comparison`. */
export function sampledCell(o: { v: VariantModel; m: Metric; comparison: ComparisonModel | undefined; winner: boolean }): DecisionCell {
  const x = shownValue(o.v, o.m.name);
  if (x === undefined) return emptyCell();
  const format = (n: number) => formatMetric(o.m.name, n);
  const summary = o.v.stats[o.m.name];
  const value = format(x);
  const spread = summary ? `median of ${summary.n}, 95% interval ${formatMedianCi(summary, format)}` : 'one measurement';
  if (o.v.baseline) return { value, ratio: '', tone: 'baseline', mark: 'baseline', title: spread, winner: o.winner };
  const c = o.comparison;
  if (!c) return { value, ratio: '', tone: 'undecided', mark: 'no verdict', title: `${spread}; no comparison with the baseline recorded`, winner: false };
  // Different work (a no-op against a rebuild): the ratio is shown, no verdict mark (stats/unlike-work.ts).
  if ('unlike' in c && c.unlike) return { value, ratio: ratioText(c.ratio), tone: 'undecided', mark: 'unlike work', title: `${spread}; vs ${c.baseline}: ${describeComparison(c)}`, winner: false };
  const { tone, mark } = TONE[c.verdict];
  return { value, ratio: ratioText(c.ratio), tone, mark: mark(o.m.words), title: `${spread}; vs ${c.baseline}: ${describeComparison(c)}`, winner: o.winner };
}

/** The exact figure on hover: "29,999,872 bytes in 240 files", "240 files". */
function exactTitle(v: VariantModel, m: Metric, x: number): string {
  if (m.name === 'bytes') return `${x.toLocaleString('en')} bytes${v.artifact && v.artifact.files > 1 ? ` in ${v.artifact.files} files` : ''}`;
  return m.unit === 'bytes' ? `${x.toLocaleString('en')} bytes` : formatMetric(m.name, x);
}

/**
 * A size in bytes against the baseline's, compared exactly by the statistics stage's rule (compareExact: a
 * difference under EXACT_SAME_PCT is "same"); `title` is the exact figure shown on hover.
 */
export function exactSizeCell(o: { bytes: number; baseBytes: number | undefined; baseline: boolean; title: string; winner: boolean }): DecisionCell {
  return exactCell({ value: o.bytes, baseValue: o.baseBytes, m: metric('bytes'), baseline: o.baseline, title: o.title, winner: o.winner });
}

/** The cell of a one-value metric: its value, and its exact ratio and mark unless it is the baseline's or has none to compare with. */
function exactCell(o: { value: number; baseValue: number | undefined; m: Metric; baseline: boolean; title: string; winner: boolean }): DecisionCell {
  const value = formatMetric(o.m.name, o.value);
  if (o.baseline) return { value, ratio: '', tone: 'baseline', mark: 'baseline', title: o.title, winner: o.winner };
  const exact = o.baseValue === undefined ? null : compareExact({ baseline: o.baseValue, variant: o.value });
  if (!exact) return { value, ratio: '', tone: null, mark: '', title: o.title, winner: o.winner };
  const { tone, mark } = TONE[exact.verdict];
  return { value, ratio: ratioText(exact.ratio), tone, mark: mark(o.m.words), title: o.title, winner: o.winner };
}

/** The cell of a one-value metric `m` for `v` against `base`, with its exact figure on hover. */
function singleCell(o: { v: VariantModel; m: Metric; base: VariantModel | undefined; winner: boolean }): DecisionCell {
  const x = shownValue(o.v, o.m.name);
  if (x === undefined) return emptyCell();
  const baseValue = o.base && shownValue(o.base, o.m.name);
  return exactCell({ value: x, baseValue, m: o.m, baseline: o.v.baseline, title: exactTitle(o.v, o.m, x), winner: o.winner });
}

/** The cell of metric `name` (sampled or one-value, by the registry). */
export function metricCell(o: { v: VariantModel; name: string; base: VariantModel | undefined; comparison: ComparisonModel | undefined; winner: boolean }): DecisionCell {
  const m = findMetric(o.name);
  if (!m) return emptyCell();
  return m.kind === 'sampled' ? sampledCell({ ...o, m }) : singleCell({ ...o, m });
}
