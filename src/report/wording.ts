// Verdict wording, in one place. It mirrors formatComparison in src/stats/format.ts word for word
// ("1.32× faster [1.27–1.38], p < 0.001"), so that when the statistics stage exports it from
// src/stats/index.ts this file becomes a re-export and no report output changes.
// The ratio is median(variant) / median(baseline) (results schema): < 1 is faster or smaller, shown as the
// factor gained (baseline / variant, as hyperfine's "1.32 times faster"), with the CI inverted with it.
import type { Comparison } from '../results/schema.ts';
import { formatP } from './format.ts';

/** Metrics measured in bytes or kilobytes are "smaller"/"larger", not "faster"/"slower". */
const isSizeMetric = (metric: string) => /(bytes|kb|rss|size)/i.test(metric);

/** Ratios to two decimals; larger factors need fewer ("12.3×", "140×"). */
function formatFactor(x: number): string {
  if (x >= 100) return x.toFixed(0);
  if (x >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

function words(metric: string): [better: string, worse: string] {
  return isSizeMetric(metric) ? ['smaller', 'larger'] : ['faster', 'slower'];
}

/** The full verdict a reader signs: "1.32× faster [1.27–1.38], p < 0.001". */
export function describeComparison(c: Comparison): string {
  const [better, worse] = words(c.metric);
  const raw = `${formatFactor(c.ratio)}× [${formatFactor(c.ciLow)}–${formatFactor(c.ciHigh)}]`;
  switch (c.verdict) {
    case 'faster':
      return `${formatFactor(1 / c.ratio)}× ${better} [${formatFactor(1 / c.ciHigh)}–${formatFactor(1 / c.ciLow)}], ${formatP(c.pValue)}`;
    case 'slower':
      return `${formatFactor(c.ratio)}× ${worse} [${formatFactor(c.ciLow)}–${formatFactor(c.ciHigh)}], ${formatP(c.pValue)}`;
    case 'no difference':
      return `no difference (${raw})`;
    case 'inconclusive': {
      const base = `inconclusive (${raw}, ${formatP(c.pValue)})`;
      return c.runsNeeded === undefined ? base : `${base} — ~${c.runsNeeded} runs per variant would decide`;
    }
  }
}

/** Words for a plain ratio of two single measurements (artifact bytes have no spread, so no CI). */
export function describePlainRatio(metric: string, ratio: number): string {
  const [better, worse] = words(metric);
  if (!Number.isFinite(ratio)) return '';
  return ratio <= 1 ? `${formatFactor(1 / ratio)}× ${better}` : `${formatFactor(ratio)}× ${worse}`;
}
