// Input checks shared by the pure functions: a NaN, an infinity or (on a log scale) a zero would otherwise
// flow through as a plausible-looking p-value or a NaN interval end.

/**
 * Throws a RangeError naming `what` and the first bad value's index unless every value is finite (and, with
 * `positive`, above 0: times and ratios are compared on a log scale).
 */
export function checkValues(values: readonly number[], opts: { what: string; positive?: boolean }): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) throw new RangeError(`${opts.what}: value ${i} is ${v}; every value must be a finite number`);
    if (opts.positive && v <= 0) throw new RangeError(`${opts.what}: value ${i} is ${v}; times must be above 0`);
  }
}

/** Smallest and largest value by a loop: `Math.min(...values)` overflows the call stack past ~125,000 values. */
export function range(values: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}
