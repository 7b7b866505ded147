// Verdict wording, in one place so the report can switch to the statistics module's own formatter
// (src/stats/index.ts formatComparison) once it lands without touching any template.
// The ratio is median(variant) / median(baseline) (results schema), so < 1 means faster or smaller; it is
// shown as "1.32× faster" — the baseline's median over the variant's — with the CI inverted to match.
import type { Comparison } from '../results/schema.ts';
import { formatP, formatRatio } from './format.ts';

/** Words for the two directions of a metric where lower is better. */
const DIRECTIONS: Record<string, [better: string, worse: string]> = {
  bytes: ['smaller', 'larger'],
  debugBytes: ['smaller', 'larger'],
  maxRssKb: ['less memory', 'more memory'],
  treeRssKb: ['less memory', 'more memory'],
};

function directionWords(metric: string): [string, string] {
  return DIRECTIONS[metric] ?? ['faster', 'slower'];
}

function interval(low: number, high: number): string {
  return `[${formatRatio(low).replace('×', '')}–${formatRatio(high)}]`;
}

/** "1.32× faster [1.27–1.38×]", from the variant's side; the CI is flipped along with the ratio. */
export function describeRatio(c: Pick<Comparison, 'metric' | 'ratio' | 'ciLow' | 'ciHigh'>): string {
  const [better, worse] = directionWords(c.metric);
  if (c.ratio <= 1) return `${formatRatio(1 / c.ratio)} ${better} ${interval(1 / c.ciHigh, 1 / c.ciLow)}`;
  return `${formatRatio(c.ratio)} ${worse} ${interval(c.ciLow, c.ciHigh)}`;
}

/** The full verdict a reader signs: "1.32× faster [1.27–1.38×], p < 0.001". */
export function describeComparison(c: Comparison): string {
  const ratio = describeRatio(c);
  const p = formatP(c.pValue);
  switch (c.verdict) {
    case 'faster':
    case 'slower':
      return `${ratio}, ${p}`;
    case 'no difference':
      return `no difference (${ratio}, ${p})`;
    case 'inconclusive': {
      const more = c.runsNeeded === undefined ? '' : `; about ${c.runsNeeded} runs each would decide`;
      return `inconclusive (${ratio}, ${p}${more})`;
    }
  }
}

/** Words for a plain ratio of two single measurements (artifact bytes have no spread, so no CI). */
export function describePlainRatio(metric: string, ratio: number): string {
  const [better, worse] = directionWords(metric);
  if (!Number.isFinite(ratio)) return '';
  return ratio <= 1 ? `${formatRatio(1 / ratio)} ${better}` : `${formatRatio(ratio)} ${worse}`;
}
