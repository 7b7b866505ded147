// Descriptive statistics of one sample. Small, exact, and shared by every metric.

/** Ascending copy; never sorts the caller's array in place. */
export function sortAscending(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** Arithmetic mean; NaN for no values (callers check with checkValues first). */
export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Median of an ascending array: the middle value, or the mean of the two middle values. */
export function medianOfSorted(sorted: readonly number[]): number {
  const n = sorted.length;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median of values in any order, without sorting the caller's array; NaN for no values. */
export function median(values: readonly number[]): number {
  return medianOfSorted(sortAscending(values));
}

/** Sample standard deviation with Bessel's n − 1; 0 for a single value (nothing to spread). */
export function standardDeviation(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const m = mean(values);
  let ss = 0;
  for (const v of values) ss += (v - m) * (v - m);
  return Math.sqrt(ss / (n - 1));
}

/** Median absolute deviation from the median, unscaled (multiply by 1.4826 to estimate σ under normality). */
export function medianAbsoluteDeviation(values: readonly number[]): number {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}

/**
 * Relative spread robust to a stray slow build: 1.4826·MAD / median (1.4826 = 1/Φ⁻¹(0.75) makes the MAD a
 * consistent estimate of σ for normal data; Rousseeuw & Croux, JASA 88, 1993). Falls back to the
 * coefficient of variation when the MAD is 0 (more than half the values equal).
 */
export function relativeSpread(values: readonly number[]): number {
  const m = median(values);
  const mad = medianAbsoluteDeviation(values);
  if (mad > 0 && m !== 0) return (1.4826 * mad) / Math.abs(m);
  const mu = mean(values);
  return mu === 0 ? 0 : standardDeviation(values) / Math.abs(mu);
}
