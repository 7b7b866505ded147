// Statistics: pure functions, computed once here and only displayed elsewhere (DESIGN.md, "Statistics").
export { createRng, randomNormal, randomLogNormal, randomGamma, randomExponential, randomIndex, type Rng } from './random.ts';
export { checkValues, range } from './check-values.ts';
export { mean, median, medianOfSorted, sortAscending, standardDeviation, medianAbsoluteDeviation, relativeSpread } from './descriptive.ts';
export { erfc, normalCdf, normalSurvival, normalQuantile } from './normal.ts';
export { medianIntervalOfSorted, medianRank, type MedianInterval } from './median-ci.ts';
export { OUTLIER_THRESHOLD, findOutliers, modifiedZScores } from './outliers.ts';
export { summarize, type SummarizeOptions } from './summarize.ts';
export { RESOLUTION_FACTOR, resolutionWarning } from './resolution.ts';
export { EXACT_MAX_PAIRS, EXACT_TIES_MAX_PAIRS, mannWhitneyU, rankWithTies, type MannWhitneyResult, type PMethod } from './mann-whitney.ts';
export { conditionalTails, noTiesCdf, noTiesTails, type Tails } from './rank-sum-distribution.ts';
export { bisectedDifferences, estimateShift, mosesRank, pairwiseOrder, type ShiftEstimate, type ShiftInterval } from './shift.ts';
export {
  DEFAULT_ALPHA,
  DEFAULT_NOISE_PCT,
  MAX_RUNS_NEEDED,
  canShowDifference,
  decideVerdict,
  estimateRunsNeeded,
  minRunsForDifference,
  minRunsForEquivalence,
  type VerdictInput,
} from './verdict.ts';
export { compareSamples, type CompareSamplesOptions, type SampleComparison } from './compare-samples.ts';
export { compareExact, type ExactNumbers } from './compare-exact.ts';
export { describeFewestRuns, describeMethod, formatComparison, formatConfidence, formatFactor, formatP, intervalName, isSizeMetric, verdictWord, type ComparisonNumbers } from './format.ts';
export { isSuccessful, metricValues, summarizeVariant } from './metrics.ts';
export { compareAcrossRefs, compareVariants, compareWithBaselines, metricsToCompare, type BaselineOptions } from './baselines.ts';
export { markUnlikeWork } from './unlike-work.ts';
export { recordPipelines } from './pipelines.ts';
export { INTERIM_SHARE, completedRounds, decideStop, earliestDifferenceStop, isDecided, lookLevels, type LookLevels, type StopDecision, type StopOptions } from './decide-stop.ts';
export { comparePaired, estimatePairsNeeded, type ComparePairedOptions, type RoundPair } from './compare-paired.ts';
export { SIGNED_RANK_EXACT_MAX, estimateCentre, minPairsForDifference, signSumDistribution, signedRankIntervalRank, signedRankTest, walshAverages, type CentreEstimate, type SignedRankResult } from './signed-rank.ts';
export { medianPolish, type Polish } from './median-polish.ts';
export { TREND_EXACT_MAX, mannKendall, type Trend } from './trend.ts';
export { DRIFT_P, MIN_PAIRS, TREND_P, estimateDrift, isTrending, type DriftEstimate, type RoundSeries } from './drift.ts';
export { DRIFT_METRICS, compareByRule, driftFor, estimateGroupDrift, roundPairs } from './group-drift.ts';
export { MIN_MODE_SAMPLES, MIN_MODE_SIZE, findModes, separationThreshold } from './modes.ts';
export { compareWinners, holmAdjust } from './winners.ts';
export { describeAdaptiveStops, describeBetweenWinners, describeDrift, describeModes, describeTrend, driftWhere } from './format-noise.ts';
export { alphaPerLook, judgeBisectStep, middleCandidate, type BisectVerdict } from './bisect.ts';
