// A comparison in words a reader trusts: "1.32× faster [1.27–1.38], p < 0.001". Display only; every number
// was computed once in compareSamples.
import type { Comparison } from '../results/schema.ts';
import { MAX_RUNS_NEEDED } from './verdict.ts';

export type ComparisonNumbers = Pick<Comparison, 'ratio' | 'ciLow' | 'ciHigh' | 'pValue' | 'verdict' | 'runsNeeded'>;

/** Metrics measured in bytes or kilobytes are "smaller"/"larger", not "faster"/"slower". */
export function isSizeMetric(metric: string | undefined): boolean {
  return metric !== undefined && /(bytes|kb|rss|size)/i.test(metric);
}

/** "faster"/"slower", or "smaller"/"larger" for size metrics. */
export function verdictWord(verdict: Comparison['verdict'], metric?: string): string {
  if (!isSizeMetric(metric)) return verdict;
  if (verdict === 'faster') return 'smaller';
  if (verdict === 'slower') return 'larger';
  return verdict;
}

/** Ratios to two decimals; larger factors need fewer ("12.3×", "140×"). */
export function formatFactor(x: number): string {
  if (x >= 100) return x.toFixed(0);
  if (x >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

/** "p < 0.001", else two significant digits: "p = 0.049", "p = 0.21". */
export function formatP(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  return `p = ${Number(p.toPrecision(2))}`;
}

/** What an inconclusive comparison needs, with `runs` done so far when known. */
function formatRunsNeeded(runsNeeded: number, runs: number | undefined): string {
  if (runsNeeded >= MAX_RUNS_NEEDED) return `over ${MAX_RUNS_NEEDED} runs per variant would be needed`;
  if (runs !== undefined && runsNeeded > runs) return `~${runsNeeded - runs} more runs would decide`;
  return `~${runsNeeded} runs per variant would decide`;
}

/**
 * A faster/smaller result is shown as the factor it gains (baseline / variant) so that "1.32× faster"
 * reads the way hyperfine's "1.32 times faster" does; its CI is inverted with it.
 */
export function formatComparison(c: ComparisonNumbers, opts: { metric?: string; runs?: number } = {}): string {
  const raw = `${formatFactor(c.ratio)}× [${formatFactor(c.ciLow)}–${formatFactor(c.ciHigh)}]`;
  switch (c.verdict) {
    case 'faster':
      return `${formatFactor(1 / c.ratio)}× ${verdictWord('faster', opts.metric)} [${formatFactor(1 / c.ciHigh)}–${formatFactor(1 / c.ciLow)}], ${formatP(c.pValue)}`;
    case 'slower':
      return `${formatFactor(c.ratio)}× ${verdictWord('slower', opts.metric)} [${formatFactor(c.ciLow)}–${formatFactor(c.ciHigh)}], ${formatP(c.pValue)}`;
    case 'no difference':
      return `no difference (${raw})`;
    case 'inconclusive': {
      const base = `inconclusive (${raw}, ${formatP(c.pValue)})`;
      return c.runsNeeded === undefined ? base : `${base} — ${formatRunsNeeded(c.runsNeeded, opts.runs)}`;
    }
  }
}
