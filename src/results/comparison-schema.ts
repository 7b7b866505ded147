// A Comparison in results.json: one variant against its baseline on one metric. From schemaVersion 2 the
// estimate, its interval and the test are one method (Hodges–Lehmann shift of log values, Moses interval,
// exact Mann-Whitney p), so the printed interval never contradicts the verdict; version 1 files are read
// through `migrateComparisonV1` and keep saying what they measured. A one-value metric (a size) is compared
// exactly: a plain ratio, no interval, no p.
import { Type, type Static } from '@sinclair/typebox';
import { d } from './schema-words.ts';

export const VERDICTS = ['faster', 'slower', 'no difference', 'inconclusive'] as const;
export const VerdictSchema = Type.Union(VERDICTS.map((v) => Type.Literal(v)));

export const COMPARISON_METHODS = ['hodges-lehmann', 'bootstrap-median-ratio'] as const;

/** A comparison of samples (build time, CPU, peak RSS, start-up): an estimate, its interval and a test. */
export const SampledComparisonSchema = Type.Object({
  scenario: d('scenario of both variants', Type.String()),
  metric: d('the compared metric, a name of the metric registry (src/results/metrics.ts): wallMs, cpuMs, treeRssKb, startupFirstMs, startupWarmMs …', Type.String()),
  baseline: d('variant id of the baseline', Type.String()),
  variant: d('variant id compared with it', Type.String()),
  method: d(
    'how ratio, ciLow/ciHigh and pValue were computed. "hodges-lehmann": ratio = exp(Hodges–Lehmann shift of ln values), ' +
      '[ciLow, ciHigh] the Moses interval that inverts the Mann-Whitney test, pValue its exact two-sided p. ' +
      '"bootstrap-median-ratio": a schemaVersion 1 file — ratio of medians, 95% bootstrap interval, mid-p',
    Type.Union(COMPARISON_METHODS.map((m) => Type.Literal(m))),
  ),
  ratio: d('estimated ratio variant / baseline (see method); < 1 is faster or smaller', Type.Number()),
  ciLow: d('low end of the interval of the ratio, at confidence ciConfidence', Type.Number()),
  ciHigh: d('high end of the interval of the ratio, at confidence ciConfidence', Type.Number()),
  level: d('confidence level asked for, 1 − alpha (0.95)', Type.Number()),
  ciConfidence: d(
    'actual confidence of [ciLow, ciHigh]: ≥ level (the Moses interval is exact and discrete); lower only when the samples are too few for an interval at level, and then [ciLow, ciHigh] is the range of all pairwise ratios',
    Type.Number(),
  ),
  eqLow: Type.Optional(d('low end of the 1 − 2·alpha (90%) interval used for "no difference" (two one-sided tests, Schuirmann 1987)', Type.Number())),
  eqHigh: Type.Optional(d('high end of the 1 − 2·alpha interval used for "no difference"', Type.Number())),
  noisePct: d('differences within ±noisePct % count as no difference', Type.Number()),
  medianRatio: d('median(variant) / median(baseline): a descriptive figure, not the estimate the verdict rests on', Type.Number()),
  pValue: d(
    'two-sided Mann-Whitney p = 2·min(P(U ≤ u), P(U ≥ u)), capped at 1; exact (conditional on ties) or normal per pMethod',
    Type.Number(),
  ),
  pMethod: Type.Optional(
    d('"exact": the exact null distribution, conditional on the observed ties; "normal": tie-corrected normal approximation (large samples)', Type.Union([Type.Literal('exact'), Type.Literal('normal')])),
  ),
  verdict: d('faster/slower: the 1 − alpha interval excludes 1, p ≤ alpha and the ratio is beyond ±noise; no difference: the eq interval lies within ±noise; else inconclusive', VerdictSchema),
  runsNeeded: Type.Optional(d('for inconclusive: runs per variant estimated to decide', Type.Integer())),
  minRunsToDecide: Type.Optional(
    d('present when these sample sizes can never give faster/slower at this alpha, whatever the data: the fewest runs per variant that can', Type.Integer()),
  ),
  analysis: Type.Optional(
    d(
      'which analysis decided (absent: independent). "independent": all builds of each side, as method says. "paired": the ln ratios of the rounds both built in — ' +
        'ratio = exp(Hodges–Lehmann median of their Walsh averages), [ciLow, ciHigh] and [eqLow, eqHigh] the exact Wilcoxon signed-rank intervals, pValue its exact signed-rank p; ' +
        'chosen by the drift rule of the group (results.drift[].rule), fixed in advance',
      Type.Union([Type.Literal('independent'), Type.Literal('paired')]),
    ),
  ),
  pairs: Type.Optional(d('rounds in which both variants built (complete pairs)', Type.Integer())),
  trendP: Type.Optional(
    d('present when the round effects trend through the run (Mann–Kendall p ≤ 0.05, this p): more runs would extend the drift, not decide; runsNeeded is then left out', Type.Number()),
  ),
  changedAt: Type.Optional(
    d('present when the variant’s or the baseline’s builds changed during the run from this round on (two groups one after the other, stats/modes.ts periodsOf) and the verdict is inconclusive: more runs would not decide; runsNeeded is then left out', Type.Integer()),
  ),
  holmP: Type.Optional(d('in winnerComparisons: pValue adjusted by Holm’s step-down over the pairs of the group and metric', Type.Number())),
  unlike: Type.Optional(
    d(
      'present when the two did different work in a state whose work depends on the tool (warm, noop): one build under 1/4 of its own cold build (it reused its build), the other at 1/2 or more (it rebuilt); the sentence gives both fractions (stats/unlike-work.ts). The verdict is then about different work and is never shown without this',
      Type.String(),
    ),
  ),
});

/** The Comparison of schemaVersion 1 files. */
export const ComparisonV1Schema = Type.Object({
  scenario: d('scenario of both variants', Type.String()),
  metric: d('the compared metric', Type.String()),
  baseline: d('variant id of the baseline', Type.String()),
  variant: d('variant id compared with it', Type.String()),
  ratio: d('median(variant) / median(baseline)', Type.Number()),
  ciLow: d('95% bootstrap CI of the ratio of medians, low end', Type.Number()),
  ciHigh: d('95% bootstrap CI of the ratio of medians, high end', Type.Number()),
  pValue: d('Mann-Whitney U two-sided mid-p-value', Type.Number()),
  verdict: d('faster/slower/no difference/inconclusive, as version 1 decided it', VerdictSchema),
  runsNeeded: Type.Optional(d('for inconclusive: runs per variant estimated to decide', Type.Integer())),
});

/** Differences of one-value metrics within ±EXACT_SAME_PCT % are "no difference": no size a user ships changes by less. */
export const EXACT_SAME_PCT = 0.5;

/**
 * A comparison of one-value metrics (artifact bytes, split debug info, files, extraction): the exact ratio
 * of two recorded figures, with no interval and no p-value — there is no sampling error to test.
 */
export const ExactComparisonSchema = Type.Object({
  scenario: d('scenario of both variants', Type.String()),
  metric: d('the compared metric, a one-value name of the metric registry: bytes, debugBytes, files, extractBytes', Type.String()),
  baseline: d('variant id of the baseline', Type.String()),
  variant: d('variant id compared with it', Type.String()),
  method: d('"exact": one recorded value per variant, compared as a plain ratio', Type.Literal('exact')),
  baselineValue: d('the baseline’s value, in the metric’s unit', Type.Number()),
  variantValue: d('the variant’s value, in the metric’s unit', Type.Number()),
  ratio: d('variantValue / baselineValue, exact; < 1 is smaller', Type.Number()),
  samePct: d('a ratio within ±samePct % of 1 counts as no difference', Type.Number()),
  verdict: d('faster (smaller) or slower (larger) by more than samePct %, else no difference; never inconclusive', VerdictSchema),
});

/** Either kind; `method` tells them apart ("exact" or a sampled method). */
export const ComparisonSchema = Type.Union([SampledComparisonSchema, ExactComparisonSchema]);

export type SampledComparison = Static<typeof SampledComparisonSchema>;
export type ExactComparison = Static<typeof ExactComparisonSchema>;
export type Comparison = Static<typeof ComparisonSchema>;

/** Whether `c` compares one recorded value per side (no interval, no p-value). */
export function isExact(c: Comparison): c is ExactComparison {
  return c.method === 'exact';
}
export type ComparisonV1 = Static<typeof ComparisonV1Schema>;
export type Verdict = Static<typeof VerdictSchema>;

/** A version 1 comparison in the version 2 shape, its numbers unchanged and labelled with their old method; `noisePct` is the band the old run used (percent). */
export function migrateComparisonV1(c: ComparisonV1, noisePct = 2): SampledComparison {
  return { ...c, method: 'bootstrap-median-ratio', level: 0.95, ciConfidence: 0.95, noisePct, medianRatio: c.ratio };
}
