// A comparison in words a reader trusts: "1.32× slower [1.27–1.38, 95% Moses CI], p < 0.001". Display only;
// every number was computed once in compareSamples. The words name the estimate and the interval, so a
// reader knows what "[1.27–1.38]" is: the Hodges–Lehmann ratio and the Moses interval of the Mann-Whitney
// test (or, for a schemaVersion 1 file, the ratio of medians and its bootstrap interval).
import { findMetric, formatMetric } from '../results/metrics.ts';
import type { Comparison, ExactComparison, SampledComparison } from '../results/schema.ts';
import { MAX_RUNS_NEEDED, minRunsForDifference, minRunsForEquivalence } from './verdict.ts';

/** The figures of a sampled comparison that its wording reads. */
export type ComparisonNumbers = Pick<
  SampledComparison,
  'method' | 'ratio' | 'ciLow' | 'ciHigh' | 'level' | 'ciConfidence' | 'eqLow' | 'eqHigh' | 'noisePct' | 'pValue' | 'verdict' | 'runsNeeded' | 'minRunsToDecide'
> &
  Partial<Pick<SampledComparison, 'unlike' | 'analysis' | 'pairs' | 'trendP' | 'changedAt'>>;

/**
 * Whether `metric` is a size: a registry metric whose words are smaller/larger, or, for a name the registry
 * does not hold (a file from another version), one that says bytes, kb, rss or size.
 */
export function isSizeMetric(metric: string | undefined): boolean {
  if (metric === undefined) return false;
  const m = findMetric(metric);
  return m ? m.words.lower === 'smaller' : /(bytes|kb|rss|size)/i.test(metric);
}

/** The verdict in the metric's words: "faster"/"slower" for times, "smaller"/"larger" for sizes, "fewer"/"more" for counts (the registry's words); other verdicts unchanged. */
export function verdictWord(verdict: Comparison['verdict'], metric?: string): string {
  if (verdict !== 'faster' && verdict !== 'slower') return verdict;
  const m = metric === undefined ? undefined : findMetric(metric);
  const words = m?.words ?? (isSizeMetric(metric) ? { lower: 'smaller', higher: 'larger' } : { lower: 'faster', higher: 'slower' });
  return verdict === 'faster' ? words.lower : words.higher;
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

/** A confidence as a whole percent, rounded down so it is never overstated: 0.9524 → "95%". */
export function formatConfidence(confidence: number): string {
  return `${Math.floor(confidence * 100 + 1e-9)}%`;
}

/** The figures of an exact comparison that its wording reads. */
export type ExactFigures = Pick<ExactComparison, 'method' | 'ratio' | 'baselineValue' | 'variantValue' | 'samePct' | 'verdict'>;

/** Which interval it is, for a column header or a legend: "95% Moses CI"; "exact" for a comparison of one recorded value per side. */
export function intervalName(c: (Pick<SampledComparison, 'method' | 'ciConfidence' | 'level'> & Partial<Pick<SampledComparison, 'analysis' | 'pairs'>>) | Pick<ExactComparison, 'method'>): string {
  if (c.method === 'exact') return 'exact';
  if (c.method === 'bootstrap-median-ratio') return `${formatConfidence(c.level)} bootstrap CI`;
  if (c.analysis === 'paired') {
    const pairs = `paired by round, ${c.pairs} pairs`;
    return c.ciConfidence < c.level ? `${formatConfidence(c.ciConfidence)} range of the round ratios, ${pairs}` : `${formatConfidence(c.level)} signed-rank CI, ${pairs}`;
  }
  return c.ciConfidence < c.level ? `${formatConfidence(c.ciConfidence)} range of pairwise ratios` : `${formatConfidence(c.level)} Moses CI`;
}

/** One sentence naming the estimate, the interval and the test, for a legend under a table or a list. */
export function describeMethod(method: Comparison['method'] = 'hodges-lehmann', analysis: SampledComparison['analysis'] = 'independent'): string {
  if (method === 'exact') return 'exact = one recorded value per variant (a size, a count): the ratio of the two figures, with no interval or p-value, since nothing was sampled';
  if (method === 'bootstrap-median-ratio') {
    return 'ratio = median(variant) / median(baseline), with a bootstrap interval and the Mann-Whitney mid-p (a results file of schemaVersion 1)';
  }
  if (analysis === 'paired') {
    return (
      'paired by round = the rounds moved together (drift), so each round\'s variant/baseline ratio is compared: ratio = Hodges–Lehmann ' +
      'estimate (median of the Walsh averages of the round ln ratios); CI = the interval the Wilcoxon signed-rank test does not reject; ' +
      'p = its exact two-sided p; "no difference" = the 1 − 2α interval lies within ±noise'
    );
  }
  return (
    'ratio = Hodges–Lehmann estimate (the median of all variant/baseline ratios of two builds); CI = Moses interval, ' +
    'the ratios the Mann-Whitney test does not reject; p = two-sided exact Mann-Whitney p (conditional on ties); ' +
    '"no difference" = the 1 − 2α interval lies within ±noise (two one-sided tests)'
  );
}

/** What an inconclusive comparison needs, with `runs` done so far when known. */
function formatRunsNeeded(runsNeeded: number, runs: number | undefined): string {
  if (runsNeeded >= MAX_RUNS_NEEDED) return `over ${MAX_RUNS_NEEDED} runs per variant would be needed`;
  if (runs !== undefined && runsNeeded > runs) return `~${runsNeeded - runs} more run${runsNeeded - runs === 1 ? '' : 's'} would decide`;
  return `~${runsNeeded} runs per variant would decide`;
}

/** "[1.27–1.38, 95% Moses CI]"; `invert` shows a faster result's interval as gains (baseline / variant). */
function formatInterval(c: ComparisonNumbers, invert = false): string {
  const [low, high] = invert ? [1 / c.ciHigh, 1 / c.ciLow] : [c.ciLow, c.ciHigh];
  return `[${formatFactor(low)}–${formatFactor(high)}, ${intervalName(c)}]`;
}

/** "1.13× larger (exact: 32.4 MiB vs 28.6 MiB)", or "same within ±0.5% (exact: …)": the figures, never a test. */
function formatExact(c: ExactFigures, metric: string | undefined): string {
  const shown = (x: number) => (metric === undefined ? String(x) : formatMetric(metric, x));
  const figures = `exact: ${shown(c.variantValue)} vs ${shown(c.baselineValue)}`;
  if (c.verdict === 'faster') return `${formatFactor(1 / c.ratio)}× ${verdictWord('faster', metric)} (${figures})`;
  if (c.verdict === 'slower') return `${formatFactor(c.ratio)}× ${verdictWord('slower', metric)} (${figures})`;
  return `same within ±${c.samePct}% (${figures})`;
}

/**
 * A comparison in words, e.g. "1.32× faster [1.27–1.38, 95% Moses CI], p < 0.001". A faster/smaller result
 * is shown as the factor it gains (baseline / variant) so that "1.32× faster" reads the way hyperfine's
 * "1.32 times faster" does; its interval is inverted with it. Sizes that can never decide say so instead of
 * "inconclusive": "3 vs 3 runs can never show a difference at α = 0.05". An exact comparison shows its two
 * figures in the metric's unit (`metric` names it). `runs` is the runs per variant done so far, if known.
 */
export function formatComparison(c: ComparisonNumbers | ExactFigures, opts: { metric?: string; runs?: number } = {}): string {
  if (c.method === 'exact') return formatExact(c, opts.metric);
  // A verdict about different work (a no-op against a rebuild) is never printed without saying so.
  if (c.unlike) return `${c.unlike}, so this is no verdict on the same build: ${formatSampled(c, opts)}`;
  return formatSampled(c, opts);
}

function formatSampled(c: ComparisonNumbers, opts: { metric?: string; runs?: number }): string {
  const p = formatP(c.pValue);
  switch (c.verdict) {
    case 'faster':
      return `${formatFactor(1 / c.ratio)}× ${verdictWord('faster', opts.metric)} ${formatInterval(c, true)}, ${p}`;
    case 'slower':
      return `${formatFactor(c.ratio)}× ${verdictWord('slower', opts.metric)} ${formatInterval(c)}, ${p}`;
    case 'no difference': {
      if (c.eqLow === undefined || c.eqHigh === undefined) return `no difference (${formatFactor(c.ratio)}× ${formatInterval(c)})`;
      const eq = `${formatFactor(c.eqLow)}–${formatFactor(c.eqHigh)}, ${formatConfidence(1 - 2 * (1 - c.level))} ${c.analysis === 'paired' ? `signed-rank CI, paired by round, ${c.pairs} pairs,` : 'Moses CI'} within ±${c.noisePct}%`;
      return `no difference (${formatFactor(c.ratio)}× [${eq}])`;
    }
    case 'inconclusive': {
      if (c.minRunsToDecide !== undefined) {
        return (
          `undecidable with so few runs (${formatFactor(c.ratio)}× ${formatInterval(c)}, ${p}) — ` +
          `at α = ${Number((1 - c.level).toPrecision(2))} faster or slower needs at least ${c.minRunsToDecide} runs per variant`
        );
      }
      // p ≤ α with an interval clear of 1, yet no verdict: the difference is real but within the noise band, and
      // the equivalence interval still reaches past the band. Said so, or "inconclusive, p = 0.029" reads as a slip.
      const belowBand = c.pValue <= 1 - c.level && (c.ciLow > 1 || c.ciHigh < 1) ? `: a difference, but within the ±${c.noisePct}% noise band and not yet shown to stay inside it` : '';
      const base = `inconclusive (${formatFactor(c.ratio)}× ${formatInterval(c)}, ${p}${belowBand})`;
      if (c.trendP !== undefined) return `${base} — the times trend through the run (Mann–Kendall ${formatP(c.trendP)}): more runs would extend the drift, not decide`;
      if (c.changedAt !== undefined) return `${base} — the builds changed during the run (from round ${c.changedAt} on): more runs would not decide; find what changed`;
      return c.runsNeeded === undefined ? base : `${base} — ${formatRunsNeeded(c.runsNeeded, opts.runs)}`;
    }
  }
}

/**
 * The line a run prints before any build (and a dry run in its plan): the fewest runs per variant that can
 * decide at this α, and what `runs` per variant can never decide.
 */
export function describeFewestRuns(opts: { runs: number; alpha: number }): string {
  const difference = minRunsForDifference(opts.alpha);
  const equivalence = minRunsForEquivalence(opts.alpha);
  const base = `fewest runs that can decide at α = ${opts.alpha}: ${difference} per variant for faster/slower, ${equivalence} for no difference`;
  if (opts.runs < equivalence) return `${base} — with ${opts.runs}, no comparison of this run can be decided`;
  if (opts.runs < difference) return `${base} — with ${opts.runs}, this run can show no difference but never faster or slower`;
  return base;
}
