// Outliers by the modified Z-score (Iglewicz & Hoaglin, How to Detect and Handle Outliers, ASQC Basic
// References in Quality Control vol. 16, 1993): M_i = 0.6745 (x_i − median) / MAD, flagged when |M_i| > 3.5.
// Median and MAD are themselves robust, so one slow build cannot hide another. Flagged, never removed: a
// build that took twice as long is a finding about the build, not noise to delete.
import type { Outlier } from '../results/schema.ts';
import { mean, median } from './descriptive.ts';

export const OUTLIER_THRESHOLD = 3.5;

/**
 * Fewer samples flag nothing: with 3 or 4 values the MAD rests on one or two deviations, so any uneven
 * spread reads as an outlier (68.5, 68.8, 70.7 s gives |M| = 4.3 for 70.7 s).
 */
export const MIN_OUTLIER_SAMPLES = 5;

/** Φ⁻¹(0.75): makes the MAD a consistent estimator of σ under normality. */
const MAD_TO_SIGMA = 0.6745;

/**
 * When more than half the values are equal the MAD is 0; then the mean absolute deviation from the median
 * stands in, scaled by √(π/2) ≈ 1.253314 to the same σ (the fallback in IBM Cognos Analytics 11.1's
 * documentation, "Modified z score"). If that is 0 too, every value is identical and none is an outlier.
 */
const MEAN_AD_TO_SIGMA = 1.253314;

/**
 * Modified Z-score of each value, 0.6745 · (x − median) / MAD (Iglewicz & Hoaglin 1993); with a MAD of 0 the
 * scaled mean absolute deviation stands in, and all zeros when every value is the same. Same order as `values`.
 */
export function modifiedZScores(values: readonly number[]): number[] {
  const m = median(values);
  const deviations = values.map((v) => Math.abs(v - m));
  const mad = median(deviations);
  if (mad > 0) return values.map((v) => (MAD_TO_SIGMA * (v - m)) / mad);
  const meanAd = mean(deviations);
  if (meanAd > 0) return values.map((v) => (v - m) / (MEAN_AD_TO_SIGMA * meanAd));
  return values.map(() => 0);
}

/** Samples with |M| > 3.5, each with the round it was taken in (`rounds[i]`, or its index when not given); none below 5 samples. */
export function findOutliers(values: readonly number[], rounds?: readonly number[]): Outlier[] {
  if (rounds && rounds.length !== values.length) {
    throw new RangeError(`findOutliers: ${values.length} values but ${rounds.length} rounds`);
  }
  if (values.length < MIN_OUTLIER_SAMPLES) return [];
  return modifiedZScores(values).flatMap((z, i) =>
    Math.abs(z) > OUTLIER_THRESHOLD ? [{ round: rounds ? rounds[i]! : i, value: values[i]!, z }] : [],
  );
}
