// Statistics: pure functions, computed once here and only displayed elsewhere (DESIGN.md, "Statistics").
export { createRng, randomNormal, randomLogNormal, randomGamma, randomExponential, randomIndex, type Rng } from './random.ts';
export { mean, median, medianOfSorted, sortAscending, standardDeviation, medianAbsoluteDeviation, relativeSpread } from './descriptive.ts';
export { erfc, normalCdf, normalSurvival, normalQuantile } from './normal.ts';
export { DEFAULT_RESAMPLES, bootstrapMedianCi, bootstrapRatioCi, bootstrapMedians, quantileOfSorted, type BootstrapOptions } from './bootstrap.ts';
export { OUTLIER_THRESHOLD, findOutliers, modifiedZScores } from './outliers.ts';
export { DEFAULT_SEED, summarize, type SummarizeOptions } from './summarize.ts';
export { mannWhitneyU, type MannWhitneyResult } from './mann-whitney.ts';
export {
  DEFAULT_ALPHA,
  DEFAULT_NOISE_PCT,
  MAX_RUNS_NEEDED,
  MIN_RUNS_FOR_EQUIVALENCE,
  decideVerdict,
  estimateRunsNeeded,
  minRunsForSignificance,
  type VerdictInput,
} from './verdict.ts';
export { compareSamples, type CompareSamplesOptions, type SampleComparison } from './compare-samples.ts';
export { formatComparison, formatFactor, formatP, isSizeMetric, verdictWord, type ComparisonNumbers } from './format.ts';
export { METRICS, STARTUP_METRICS, isSuccessful, metricValues, summarizeVariant, type MetricName } from './metrics.ts';
export { compareAcrossRefs, compareVariants, compareWithBaselines, metricsToCompare, type BaselineOptions } from './baselines.ts';
export { INTERIM_P, completedRounds, decideStop, type StopDecision, type StopOptions } from './decide-stop.ts';
