// Seeded false-alarm simulation of the change-point rule: series of runs with no change, in noise shaped like
// real builds — log-normal builds with a run effect (the machine that day), occasional outlying builds, and
// bimodal cache hits — and the share of series where a change point is reported must stay at or under α.
// Two shares per shape: E-divisive's own splits (its permutation test alone, which should sit near α: it is
// exact at α when the runs are exchangeable) and what `history DIR` reports (findLevelChanges: a split whose
// step is also decided beyond the ±2% noise band). The figures are in docs/ci.md.
import { describe, expect, it } from 'vitest';
import { eDivisive } from '../../src/stats/change-points.ts';
import { findLevelChanges } from '../../src/stats/series-changes.ts';
import { createRng, randomNormal, type Rng } from '../../src/stats/random.ts';

const ALPHA = 0.05;
// The docs' larger figures: BUILDBENCH_SIM_SERIES=1000 BUILDBENCH_SIM_RUN_EFFECT=0.03 npx vitest run <this file>.
const SERIES = Number(process.env.BUILDBENCH_SIM_SERIES ?? 300);
/** sd of each run's log level (a day's machine): runs differ by more than their builds' noise says. */
const RUN_EFFECT = Number(process.env.BUILDBENCH_SIM_RUN_EFFECT ?? 0.01);
const RUNS = 40;
const BUILDS = 5;

/** One build's factor of each noise shape; `day` is the run's own factor (shared by its builds). */
const SHAPES: { name: string; build: (rng: Rng) => number }[] = [
  { name: 'log-normal, cv 2%', build: (rng) => Math.exp(0.02 * randomNormal(rng)) },
  { name: 'log-normal with an outlying build in 1 of 20 (×1.3–1.8)', build: (rng) => Math.exp(0.02 * randomNormal(rng)) * (rng() < 0.05 ? 1.3 + 0.5 * rng() : 1) },
  { name: 'bimodal: a cache hit in 30% of builds (×0.7)', build: (rng) => Math.exp(0.02 * randomNormal(rng)) * (rng() < 0.3 ? 0.7 : 1) },
];

function flatSeries(rng: Rng, build: (rng: Rng) => number): number[][] {
  return Array.from({ length: RUNS }, () => {
    const day = Math.exp(RUN_EFFECT * randomNormal(rng));
    return Array.from({ length: BUILDS }, () => 1000 * day * build(rng));
  });
}

/** P(X ≤ x) for X ~ Binomial(n, p). */
function binomialCdf(x: number, n: number, p: number): number {
  let term = (1 - p) ** n;
  let sum = term;
  for (let k = 1; k <= x; k++) {
    term *= ((n - k + 1) / k) * (p / (1 - p));
    sum += term;
  }
  return sum;
}

/** One-sided 95% Clopper–Pearson upper bound of a share of x in n (Clopper & Pearson 1934), by bisection. */
function upperBound(x: number, n: number): number {
  let lo = x / n;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (binomialCdf(x, n, mid) > 0.05) lo = mid;
    else hi = mid;
  }
  return hi;
}

describe('change points on series with no change', () => {
  it(`are reported in at most α = ${ALPHA} of ${SERIES} series of each noise shape (${RUNS} runs of ${BUILDS} builds, run effect ${RUN_EFFECT * 100}%)`, { timeout: 60_000 }, () => {
    const rows = SHAPES.map((shape, s) => {
      const rng = createRng(9000 + s);
      let split = 0;
      let reported = 0;
      for (let i = 0; i < SERIES; i++) {
        const runs = flatSeries(rng, shape.build);
        const seed = 100 * s + i;
        if (eDivisive(runs.map((r) => r.map(Math.log)), { seed, alpha: ALPHA }).length > 0) split++;
        if (findLevelChanges(runs, { seed }).length > 0) reported++;
      }
      return { shape: shape.name, splits: split, reports: reported, split: split / SERIES, reported: reported / SERIES, reportedUpper: upperBound(reported, SERIES) };
    });
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    console.log(rows.map((r) => `${r.shape}: E-divisive split ${r.splits}/${SERIES} (${pct(r.split)}), reported ${r.reports}/${SERIES} (${pct(r.reported)}; 95% upper bound ${pct(r.reportedUpper)})`).join('\n'));
    for (const r of rows) {
      expect(r.reported, r.shape).toBeLessThanOrEqual(ALPHA);
      // The permutation test itself is not broken: near α (within 3 binomial sd), neither far above nor never.
      expect(Math.abs(r.split - ALPHA), r.shape).toBeLessThanOrEqual(3 * Math.sqrt((ALPHA * (1 - ALPHA)) / SERIES));
    }
  });
});
