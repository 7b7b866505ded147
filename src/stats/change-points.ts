// Change points in a series of runs by E-divisive means (Matteson & James 2014, "A nonparametric approach for
// multiple change point analysis of multivariate data", JASA 109(505)), the method of apache/otava (ex-Hunter,
// MongoDB's performance CI) and of MongoDB's signal-processing-algorithms, which the tests compare with.
//
// Why E-divisive rather than PELT (Killick et al. 2012): PELT needs a cost model (a normal likelihood) and a
// penalty per change whose choice decides how many changes are found, with no significance level; build times
// are skewed, bimodal and have outliers. E-divisive compares whole distributions through energy distances,
// assumes no shape, and each change passes a permutation test at a stated level.
//
// Every run contributes all of its samples, not its median: the statistic is computed over the samples, and a
// split falls only between runs. The permutation test permutes whole runs (blocks), not single samples, because
// builds of one run share the machine's state that day: permuting samples would treat a run's five builds as
// five independent days and find changes that are only one noisy run.
import { createRng, randomIndex, type Rng } from './random.ts';

export interface EDivisiveOptions {
  /** A split is kept when its permutation p ≤ alpha (default 0.05, as signal-processing-algorithms; a step must also pass the step test of series-changes.ts to be reported). */
  alpha?: number;
  /** Permutations per test (default 199: p can reach 1/200). */
  permutations?: number;
  /** Seed of the permutations: the same series and seed give the same change points. */
  seed: number;
  /** Fewest runs on each side of a split (default 2). */
  minRuns?: number;
}

/** One change point: the first run of the new level, its statistic and the p of its permutation test. */
export interface ChangePointSplit {
  /** Index (into the blocks) of the first run after the change. */
  index: number;
  /** The E-divisive statistic of the split, q̂ (Matteson & James 2014, eq. 5 with α = 1). */
  q: number;
  /** Permutation p: (1 + permutations whose best split scored ≥ q) / (1 + permutations) (Davison & Hinkley 1997, 4.2). */
  p: number;
}

/** Σ|x_i − x_j| over i in block a and j in block b, for every pair of blocks, as a flat k×k matrix (row a at a·k). */
function blockDistances(blocks: readonly (readonly number[])[]): Float64Array {
  const k = blocks.length;
  const d = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      let sum = 0;
      for (const x of blocks[a]!) for (const y of blocks[b]!) sum += Math.abs(x - y);
      d[a * k + b] = sum;
      d[b * k + a] = sum;
    }
  }
  return d;
}

/**
 * The best split of the blocks `order` (indices into the k×k matrix `d`) and its statistic: for X the first τ
 * blocks and Y the rest, with n and m samples, q̂ = nm/(n+m) · (2/(nm) Σ|X−Y| − 1/n² Σ|X−X'| − 1/m² Σ|Y−Y'|), the
 * V-statistic form signal-processing-algorithms uses; every τ in one O(k²) pass, moving one block from Y to X.
 */
function bestSplit(d: Float64Array, sizes: Int32Array, order: Int32Array, minRuns: number): { at: number; q: number } {
  const k = sizes.length;
  const len = order.length;
  let xx = 0;
  let yy = 0;
  let xy = 0;
  let n = 0;
  let m = 0;
  for (const a of order) {
    m += sizes[a]!;
    for (const b of order) yy += d[a * k + b]!;
  }
  let best = { at: -1, q: -Infinity };
  for (let t = 0; t < len - minRuns; t++) {
    const row = order[t]! * k;
    let toX = 0;
    let toY = 0;
    for (let i = 0; i < t; i++) toX += d[row + order[i]!]!;
    for (let j = t + 1; j < len; j++) toY += d[row + order[j]!]!;
    const self = d[row + order[t]!]!;
    xx += 2 * toX + self;
    yy -= 2 * toY + self;
    xy += toY - toX;
    n += sizes[order[t]!]!;
    m -= sizes[order[t]!]!;
    if (t + 1 < minRuns) continue;
    const q = ((n * m) / (n + m)) * ((2 * xy) / (n * m) - xx / (n * n) - yy / (m * m));
    if (q > best.q) best = { at: t + 1, q };
  }
  return best;
}

function shuffled(items: Int32Array, rng: Rng): Int32Array {
  const out = Int32Array.from(items);
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomIndex(rng, i + 1);
    const swap = out[i]!;
    out[i] = out[j]!;
    out[j] = swap;
  }
  return out;
}

const range = (from: number, to: number) => Int32Array.from({ length: to - from }, (_, i) => from + i);

/**
 * Change points of a series of runs, each run a block of values (use log values, so a step is a ratio), oldest
 * first: hierarchical E-divisive (Matteson & James 2014, section 2.2). The best split over every segment between
 * the change points found so far is tested by permuting the runs within each segment (as signal-processing-
 * algorithms permutes within windows); it is kept when p ≤ alpha, and the search goes on; the first split that
 * fails ends it. A test stops early once more than alpha·(permutations + 1) permutations beat the split
 * (it can no longer pass: the same decision as running them all). Returns the kept splits sorted by index.
 * Throws a RangeError on a block without values or a value that is not finite.
 */
export function eDivisive(blocks: readonly (readonly number[])[], opts: EDivisiveOptions): ChangePointSplit[] {
  for (const block of blocks) {
    if (block.length === 0 || block.some((x) => !Number.isFinite(x))) throw new RangeError('eDivisive needs finite values in every block');
  }
  const alpha = opts.alpha ?? 0.05;
  const permutations = opts.permutations ?? 199;
  const minRuns = Math.max(1, opts.minRuns ?? 2);
  const rng = createRng(opts.seed);
  const d = blockDistances(blocks);
  const sizes = Int32Array.from(blocks, (b) => b.length);
  const found: ChangePointSplit[] = [];
  const bounds = () => [0, ...found.map((c) => c.index).sort((a, b) => a - b), blocks.length];
  for (;;) {
    const edges = bounds();
    const windows = edges.slice(1).map((end, i) => range(edges[i]!, end));
    let candidate = { at: -1, q: -Infinity };
    for (const w of windows) {
      const split = bestSplit(d, sizes, w, minRuns);
      if (split.at > 0 && split.q > candidate.q) candidate = { at: w[0]! + split.at, q: split.q };
    }
    if (candidate.at < 0) break;
    const allowed = Math.floor(alpha * (permutations + 1)) - 1;
    let beaten = 0;
    let done = 0;
    while (done < permutations && beaten <= allowed) {
      const best = Math.max(...windows.map((w) => bestSplit(d, sizes, shuffled(w, rng), minRuns).q));
      if (best >= candidate.q) beaten++;
      done++;
    }
    const p = (1 + beaten) / (1 + done);
    if (beaten > allowed) break;
    found.push({ index: candidate.at, q: candidate.q, p });
  }
  return found.sort((a, b) => a.index - b.index);
}
