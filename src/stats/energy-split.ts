// The best split of a run of blocks by the E-divisive statistic (Matteson & James 2014, eq. 5 with α = 1), for
// any order of the blocks, in O(N log N) for N values instead of O(k²) over a k×k matrix of block distances.
// For X the first τ blocks of the order and Y the rest, with n and m values:
//   q̂ = nm/(n+m) · (2/(nm) Σ|X−Y| − 1/n² Σ|X−X'| − 1/m² Σ|Y−Y'|)
// (sums over ordered pairs; the V-statistic form signal-processing-algorithms uses). Only Σ|X−X'| needs the
// order: with R = Σ_{x∈X} Σ_{all z} |x − z| (each value's row sum, known in advance) and S the sum over all
// pairs, Σ|X−Y| = R − Σ|X−X'| and Σ|Y−Y'| = S − 2R + Σ|X−X'|. Σ|X−X'| grows as blocks join X: a value x
// adds Σ_{y∈X}|x − y| = x·below − Σbelow + Σabove − x·above, read from two Fenwick trees (Fenwick 1994,
// "A new data structure for cumulative frequency tables") over the values' ranks.

/** A contiguous range of blocks prepared for scanning its splits in any order of its blocks. */
export interface PreparedBlocks {
  /** Number of blocks. */
  blocks: number;
  /** Values of block b are at offsets start[b] … start[b + 1] − 1 of `value` and `rank`. */
  start: Int32Array;
  /** Values centred on their mean (the sums of differences are unchanged, the rounding is smaller). */
  value: Float64Array;
  /** Rank of each value among all the range's values (0-based; ties in any fixed order). */
  rank: Int32Array;
  /** Per block: Σ over its values of Σ over all values |x − z|. */
  row: Float64Array;
  /** Per block: Σ|x − x'| over ordered pairs of its own values. */
  self: Float64Array;
  /** Σ|x − z| over all ordered pairs. */
  total: number;
}

/** The range's blocks prepared for bestSplit: ranks, row sums by sorted prefix sums, each block's own sum. */
export function prepareBlocks(blocks: readonly (readonly number[])[]): PreparedBlocks {
  const k = blocks.length;
  const start = new Int32Array(k + 1);
  blocks.forEach((b, i) => (start[i + 1] = start[i]! + b.length));
  const n = start[k]!;
  const value = Float64Array.from(blocks.flat());
  const mean = value.reduce((a, b) => a + b, 0) / Math.max(1, n);
  for (let i = 0; i < n; i++) value[i] = value[i]! - mean;
  const byValue = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => value[a]! - value[b]!);
  const rank = new Int32Array(n);
  const prefix = new Float64Array(n + 1);
  byValue.forEach((i, r) => {
    rank[i] = r;
    prefix[r + 1] = prefix[r]! + value[i]!;
  });
  const sum = prefix[n]!;
  const row = new Float64Array(k);
  const self = new Float64Array(k);
  let total = 0;
  for (let b = 0; b < k; b++) {
    for (let i = start[b]!; i < start[b + 1]!; i++) {
      const r = rank[i]!;
      const x = value[i]!;
      const rowSum = x * r - prefix[r]! + (sum - prefix[r + 1]!) - x * (n - r - 1);
      row[b] = row[b]! + rowSum;
      for (let j = start[b]!; j < start[b + 1]!; j++) self[b] = self[b]! + Math.abs(x - value[j]!);
    }
    total += row[b]!;
  }
  return { blocks: k, start, value, rank, row, self, total };
}

/** Reusable Fenwick trees (count and sum of the values in X by rank), one pair per prepared range. */
const trees = new WeakMap<PreparedBlocks, { count: Int32Array; sum: Float64Array }>();

/**
 * The best split of the prepared blocks taken in `order` (a permutation of 0 … blocks − 1): `at` is the number
 * of blocks in X (minRuns ≤ at ≤ blocks − minRuns), `q` its statistic; `at` −1 and q −Infinity when the range
 * is shorter than 2·minRuns blocks.
 */
export function bestSplit(p: PreparedBlocks, order: Int32Array, minRuns: number): { at: number; q: number } {
  const n = p.value.length;
  let t = trees.get(p);
  if (!t) trees.set(p, (t = { count: new Int32Array(n + 1), sum: new Float64Array(n + 1) }));
  const { count, sum } = t;
  count.fill(0);
  sum.fill(0);
  let inCount = 0;
  let inSum = 0;
  let xx = 0;
  let r = 0;
  let nx = 0;
  let best = { at: -1, q: -Infinity };
  for (let step = 0; step < p.blocks - minRuns; step++) {
    const b = order[step]!;
    const from = p.start[b]!;
    const to = p.start[b + 1]!;
    let cross = 0;
    for (let i = from; i < to; i++) {
      const x = p.value[i]!;
      let below = 0;
      let belowSum = 0;
      for (let j = p.rank[i]!; j > 0; j -= j & -j) {
        below += count[j]!;
        belowSum += sum[j]!;
      }
      cross += x * below - belowSum + (inSum - belowSum) - x * (inCount - below);
    }
    for (let i = from; i < to; i++) {
      const x = p.value[i]!;
      for (let j = p.rank[i]! + 1; j <= n; j += j & -j) {
        count[j] = count[j]! + 1;
        sum[j] = sum[j]! + x;
      }
      inCount += 1;
      inSum += x;
    }
    xx += 2 * cross + p.self[b]!;
    r += p.row[b]!;
    nx += to - from;
    if (step + 1 < minRuns) continue;
    const ny = n - nx;
    const xy = r - xx;
    const yy = p.total - 2 * r + xx;
    const q = ((nx * ny) / n) * ((2 * xy) / (nx * ny) - xx / (nx * nx) - yy / (ny * ny));
    if (q > best.q) best = { at: step + 1, q };
  }
  return best;
}
