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
import { bestSplit, prepareBlocks, type PreparedBlocks } from './energy-split.ts';
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

/** A segment between change points found so far: its blocks prepared once, its best split, its permutation draws. */
interface Segment {
  from: number;
  to: number;
  prepared: PreparedBlocks;
  best: { at: number; q: number };
  /** Best split's q of each permutation drawn so far, in the order drawn. */
  draws: number[];
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

const identity = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

function segment(blocks: readonly (readonly number[])[], from: number, to: number, minRuns: number): Segment {
  const prepared = prepareBlocks(blocks.slice(from, to));
  return { from, to, prepared, best: bestSplit(prepared, identity(to - from), minRuns), draws: [] };
}

/** The segment's `i`-th permutation draw (drawing the ones before it first, from `rng`). */
function drawOf(s: Segment, i: number, rng: Rng, minRuns: number): number {
  if (s.best.at < 0) return -Infinity;
  while (s.draws.length <= i) s.draws.push(bestSplit(s.prepared, shuffled(identity(s.to - s.from), rng), minRuns).q);
  return s.draws[i]!;
}

/**
 * Change points of a series of runs, each run a block of values (use log values, so a step is a ratio), oldest
 * first: hierarchical E-divisive (Matteson & James 2014, section 2.2). The best split over every segment between
 * the change points found so far is tested by permuting the runs within each segment (as signal-processing-
 * algorithms permutes within windows); it is kept when p ≤ alpha, and the search goes on; the first split that
 * fails ends it. A test stops early once more than alpha·(permutations + 1) permutations beat the split
 * (it can no longer pass: the same decision as running them all). A segment keeps its permutation draws: a
 * test after a split draws afresh only in the two new segments and reuses the others' (each draw is still a
 * random permutation of that segment's runs), so the cost of every test after the first is that of the split
 * segment, not the whole series; each split is O(N log N) in the segment's N values (energy-split.ts).
 * Returns the kept splits sorted by index.
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
  let segments = [segment(blocks, 0, blocks.length, minRuns)];
  const found: ChangePointSplit[] = [];
  const allowed = Math.floor(alpha * (permutations + 1)) - 1;
  for (;;) {
    const tested = segments.reduce<Segment | undefined>((a, s) => (s.best.at > 0 && (!a || s.best.q > a.best.q) ? s : a), undefined);
    if (!tested) break;
    let beaten = 0;
    let done = 0;
    while (done < permutations && beaten <= allowed) {
      const best = Math.max(...segments.map((s) => drawOf(s, done, rng, minRuns)));
      if (best >= tested.best.q) beaten++;
      done++;
    }
    if (beaten > allowed) break;
    const at = tested.from + tested.best.at;
    found.push({ index: at, q: tested.best.q, p: (1 + beaten) / (1 + done) });
    segments = segments.flatMap((s) => (s === tested ? [segment(blocks, s.from, at, minRuns), segment(blocks, at, s.to, minRuns)] : [s]));
  }
  return found.sort((a, b) => a.index - b.index);
}
