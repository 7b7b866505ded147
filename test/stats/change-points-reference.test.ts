// buildbench's E-divisive against MongoDB's signal-processing-algorithms (PyPI), on the same seeded series of
// runs with known steps, creeps and outliers. Ours splits only between runs and permutes whole runs; the
// reference sees the samples as one flat series, so its indices are divided by the samples per run.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { eDivisive } from '../../src/stats/change-points.ts';
import { findCreep, findLevelChanges } from '../../src/stats/series-changes.ts';
import { createRng, randomNormal } from '../../src/stats/random.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const K = 5;
const ALPHA = 0.05;
const PERMUTATIONS = 199;

/** `runs` runs of K builds each: level(i) × log-normal noise (cv ≈ 2%), and an outlier build ×1.6 in each run of `outliers`. */
function series(opts: { seed: number; runs: number; level: (i: number) => number; outliers?: number[] }): number[][] {
  const rng = createRng(opts.seed);
  return Array.from({ length: opts.runs }, (_, i) =>
    Array.from({ length: K }, (_, j) => opts.level(i) * Math.exp(0.02 * randomNormal(rng)) * (j === 0 && opts.outliers?.includes(i) ? 1.6 : 1)),
  );
}

const CASES: { name: string; runs: number[][]; steps: number[] }[] = [
  { name: 'one step of +8%', runs: series({ seed: 1, runs: 60, level: (i) => (i < 30 ? 1000 : 1080) }), steps: [30] },
  { name: 'up 10% then back down', runs: series({ seed: 2, runs: 120, level: (i) => (i >= 40 && i < 85 ? 1100 : 1000) }), steps: [40, 85] },
  { name: 'a step of -6% among outlying builds', runs: series({ seed: 3, runs: 80, level: (i) => (i < 52 ? 1000 : 940), outliers: [5, 17, 33, 60, 71] }), steps: [52] },
  { name: 'no change, outlying builds', runs: series({ seed: 4, runs: 80, level: () => 1000, outliers: [3, 20, 21, 50, 66] }), steps: [] },
  { name: 'no change', runs: series({ seed: 5, runs: 100, level: () => 1000 }), steps: [] },
];

let python = '';
beforeAll(() => {
  // Installs the reference from PyPI on first use (npm's pretest does it too); then a stamp makes it instant.
  python = execFileSync('bash', [path.join(ROOT, 'scripts/reference-venv.sh')], { encoding: 'utf8', timeout: 300_000 }).trim();
}, 300_000);

function reference(runs: number[][][]): number[][] {
  const request = { seed: 11, pvalue: ALPHA, permutations: PERMUTATIONS, series: runs.map((r) => r.flat().map(Math.log)) };
  const out = execFileSync(python, [path.join(ROOT, 'test/reference/e_divisive.py')], { input: JSON.stringify(request), encoding: 'utf8', timeout: 120_000 });
  return JSON.parse(out) as number[][];
}

const near = (found: number[], want: number[], tolerance: number) => found.length === want.length && want.every((w, i) => Math.abs(found[i]! - w) <= tolerance);

describe('E-divisive against signal-processing-algorithms 2.1.6', () => {
  it('finds the same change points on seeded series with steps and outliers (within one run), and the known steps', { timeout: 120_000 }, () => {
    const theirs = reference(CASES.map((c) => c.runs)).map((indices) => indices.map((i) => i / K));
    for (const [i, c] of CASES.entries()) {
      const ours = eDivisive(c.runs.map((r) => r.map(Math.log)), { seed: 11, alpha: ALPHA, permutations: PERMUTATIONS }).map((s) => s.index);
      expect(near(theirs[i]!, ours, 1), `${c.name}: reference ${JSON.stringify(theirs[i])}, ours ${JSON.stringify(ours)}`).toBe(true);
      expect(ours, c.name).toEqual(c.steps);
    }
  });

  it('splits a creep into steps as the reference does, and the creep detector names it', { timeout: 120_000 }, () => {
    const creep = series({ seed: 6, runs: 40, level: (i) => 1000 * (1 + 0.003 * i) });
    const [theirs] = reference([creep]);
    const ours = eDivisive(creep.map((r) => r.map(Math.log)), { seed: 11, alpha: ALPHA, permutations: PERMUTATIONS }).map((s) => s.index);
    expect(ours.length, `ours ${JSON.stringify(ours)}`).toBeGreaterThan(0);
    expect(theirs!.length, `reference ${JSON.stringify(theirs)}`).toBeGreaterThan(0);
    const found = findCreep(creep, { lastK: 40 });
    expect(found).toMatchObject({ from: 0, to: 39 });
    expect(found!.ratio).toBeGreaterThan(1.08);
    expect(found!.ratio).toBeLessThan(1.16);
    expect(findLevelChanges(creep, { seed: 11 }).every((c) => c.verdict === 'slower')).toBe(true);
  });
});
