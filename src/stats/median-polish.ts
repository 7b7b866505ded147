// Tukey's median polish: a two-way table split into overall + row effect + column effect + residual by
// sweeping out row and column medians in turn (Tukey, Exploratory Data Analysis, 1977, ch. 11; Mosteller &
// Tukey, Data Analysis and Regression, 1977; the order of sweeps as R's medpolish). Medians, so one wild build
// moves no effect; missing cells (a failed or re-measured build) are left out of the medians they would enter.

/** A fitted two-way table: cell[r][c] ≈ overall + rows[r] + cols[c] + residuals[r][c] (null where the cell is missing). */
export interface Polish {
  overall: number;
  rows: number[];
  cols: number[];
  residuals: (number | null)[][];
}

/** Sweeps this many times at most (R's medpolish stops at 10; the effects barely move after 2–3 sweeps of a build table). */
const MAX_SWEEPS = 4;

/** Median of the first `n` values of `buf` (sorted in place); 0 when n = 0 (an empty row or column has no effect). */
function medianOfFirst(buf: Float64Array, n: number): number {
  if (n === 0) return 0;
  const s = buf.subarray(0, n).sort();
  const mid = n >> 1;
  return n % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Median polish of `cells` (rows × columns, null for a missing cell), rows first, until no effect moves by
 * more than `tolerance` or MAX_SWEEPS sweeps. Works on a flat typed array (NaN for missing): the drift test
 * polishes hundreds of tables each time the results are written. Throws a RangeError on rows of different lengths.
 */
export function medianPolish(cells: readonly (readonly (number | null)[])[], tolerance = 1e-9): Polish {
  const height = cells.length;
  const width = cells[0]?.length ?? 0;
  if (cells.some((row) => row.length !== width)) throw new RangeError('medianPolish needs rows of equal length');
  const z = new Float64Array(height * width);
  cells.forEach((row, r) => row.forEach((x, c) => (z[r * width + c] = x === null ? Number.NaN : x)));
  const rows = new Float64Array(height);
  const cols = new Float64Array(width);
  const buf = new Float64Array(Math.max(height, width));
  let overall = 0;
  const medianOf = (xs: Float64Array) => {
    buf.set(xs);
    return medianOfFirst(buf, xs.length);
  };
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let moved = 0;
    for (let r = 0; r < height; r++) {
      let n = 0;
      for (let c = 0; c < width; c++) if (!Number.isNaN(z[r * width + c]!)) buf[n++] = z[r * width + c]!;
      const m = medianOfFirst(buf, n);
      rows[r] = rows[r]! + m;
      for (let c = 0; c < width; c++) z[r * width + c] = z[r * width + c]! - m;
      moved = Math.max(moved, Math.abs(m));
    }
    const colShift = medianOf(cols);
    for (let c = 0; c < width; c++) cols[c] = cols[c]! - colShift;
    overall += colShift;
    for (let c = 0; c < width; c++) {
      let n = 0;
      for (let r = 0; r < height; r++) if (!Number.isNaN(z[r * width + c]!)) buf[n++] = z[r * width + c]!;
      const m = medianOfFirst(buf, n);
      cols[c] = cols[c]! + m;
      for (let r = 0; r < height; r++) z[r * width + c] = z[r * width + c]! - m;
      moved = Math.max(moved, Math.abs(m));
    }
    const rowShift = medianOf(rows);
    for (let r = 0; r < height; r++) rows[r] = rows[r]! - rowShift;
    overall += rowShift;
    if (moved <= tolerance) break;
  }
  const residuals = cells.map((_, r) => Array.from(z.subarray(r * width, (r + 1) * width), (x) => (Number.isNaN(x) ? null : x)));
  return { overall, rows: [...rows], cols: [...cols], residuals };
}
