// Drift: median polish, the Mann–Kendall trend, the drift estimate and its permutation test, and the rule that
// pairs a group's comparisons.
import { describe, expect, it } from 'vitest';
import { compareWithBaselines, createRng, estimateDrift, estimateGroupDrift, mannKendall, medianPolish, randomNormal } from '../../src/stats/index.ts';
import { variant } from './fixtures.ts';

describe('medianPolish', () => {
  it('recovers an additive table exactly: overall + row + column, zero residuals', () => {
    const rows = [0, 1, -2];
    const cols = [0.5, 0, -0.5, 3];
    const table = rows.map((r) => cols.map((c) => 10 + r + c));
    const fit = medianPolish(table);
    for (let r = 0; r < 3; r++) for (let c = 0; c < 4; c++) expect(fit.overall + fit.rows[r]! + fit.cols[c]! + (fit.residuals[r]![c] as number)).toBeCloseTo(table[r]![c]!, 12);
    expect(fit.residuals.flat().every((x) => Math.abs(x!) < 1e-9)).toBe(true);
    expect(fit.cols[3]! - fit.cols[0]!).toBeCloseTo(2.5, 12);
  });

  it('leaves missing cells out and keeps them missing', () => {
    const fit = medianPolish([
      [1, 2, null],
      [2, 3, 4],
    ]);
    expect(fit.residuals[0]![2]).toBeNull();
    expect(fit.cols[2]! - fit.cols[1]!).toBeCloseTo(1, 12);
  });
});

describe('mannKendall', () => {
  it.each([
    { xs: [1, 2, 3, 4, 5, 6, 7, 8], tau: 1, p: 2 / 40320 },
    { xs: [3, 1, 2], tau: -1 / 3, p: 1 },
    { xs: [1, 2], tau: 0, p: 1 },
  ])('$xs: τ = $tau, p = $p', ({ xs, tau, p }) => {
    const t = mannKendall(xs);
    expect(t.tau).toBeCloseTo(tau, 12);
    expect(t.p).toBeCloseTo(p, 12);
  });

  it('false alarms on trendless series stay ≤ 5% (seeded, 10,000 series of 10; the exact size is 4.8%)', () => {
    const rng = createRng(3);
    let alarms = 0;
    for (let t = 0; t < 10000; t++) if (mannKendall(Array.from({ length: 10 }, () => randomNormal(rng))).p <= 0.05) alarms++;
    expect(alarms / 10000).toBeLessThanOrEqual(0.05);
  });
});

const rounds = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('estimateDrift', () => {
  it('rounds that move together: drift found, the noise within rounds small, paired', () => {
    const shift = [1, 1.2, 0.9, 1.1, 0.8, 1.25, 0.95, 1.05, 0.85, 1.15];
    const series = [1000, 1500, 700].map((base, k) => ({ id: `v${k}`, rounds: rounds(10), values: shift.map((s, r) => base * s * (1 + 0.003 * Math.sin(r * 7 + k))) }));
    const d = estimateDrift(series)!;
    expect(d.rounds).toBe(10);
    expect(d.driftSd).toBeGreaterThan(0.1);
    expect(d.noiseSd).toBeLessThan(0.01);
    expect(d.driftP).toBeLessThanOrEqual(0.05);
    expect(d.paired).toBe(true);
    expect(d.roundEffects[1]!.effect - d.roundEffects[0]!.effect).toBeCloseTo(Math.log(1.2), 2);
  });

  it('a machine that slows through the run: a trend (τ = 1)', () => {
    const series = [500, 520].map((base, k) => ({ id: `v${k}`, rounds: rounds(8), values: rounds(8).map((r) => base + 80 * r + (k ? 3 : -3)) }));
    const d = estimateDrift(series)!;
    expect(d.trendTau).toBe(1);
    expect(d.trendP).toBeLessThan(0.001);
  });

  it('too few variants or rounds: no estimate', () => {
    expect(estimateDrift([{ id: 'a', rounds: rounds(5), values: [1, 2, 3, 4, 5] }])).toBeNull();
    expect(estimateDrift(['a', 'b'].map((id) => ({ id, rounds: [0, 1], values: [1, 2] })))).toBeNull();
  });
});

describe('the pairing rule in compareWithBaselines', () => {
  const shift = [1, 1.4, 0.7, 1.3, 0.8, 1.5, 0.75, 1.2, 0.9, 1.35];
  const wobble = (r: number, k: number) => 1 + 0.004 * Math.sin(r * 3.1 + k * 1.7);

  it('drift and ≥ 8 pairs: the comparison is paired and decides a 3% change that the independent one cannot', () => {
    const vs = [
      variant({ variant: 'a', baseline: true, wallMs: shift.map((s, r) => 1000 * s * wobble(r, 0)) }),
      variant({ variant: 'b', wallMs: shift.map((s, r) => 1030 * s * wobble(r, 1)) }),
    ];
    const drift = estimateGroupDrift(vs);
    expect(drift).toHaveLength(1);
    expect(drift[0]).toMatchObject({ scenario: 'app', cache: 'cold', metric: 'wallMs', paired: true });
    const [paired] = compareWithBaselines(vs, { drift });
    const [independent] = compareWithBaselines(vs);
    expect(paired).toMatchObject({ analysis: 'paired', pairs: 10, verdict: 'slower' });
    expect(independent).toMatchObject({ verdict: 'inconclusive' });
  });

  it('drift but only 7 complete pairs: independent, and it says how many pairs there were', () => {
    const vs = [
      variant({ variant: 'a', baseline: true, wallMs: shift.map((s, r) => 1000 * s * wobble(r, 0)) }),
      variant({ variant: 'b', wallMs: shift.slice(0, 7).map((s, r) => 1030 * s * wobble(r, 1)) }),
      variant({ variant: 'c', wallMs: shift.map((s, r) => 990 * s * wobble(r, 2)) }),
    ];
    const drift = estimateGroupDrift(vs);
    const b = compareWithBaselines(vs, { drift }).find((c) => c.variant === 'app/b@cold' && c.metric === 'wallMs');
    expect(b).toMatchObject({ analysis: 'independent', pairs: 7 });
  });

  it('a trend through the run: no "~N runs would decide", the trend p instead', () => {
    const up = rounds(8).map((r) => 1 + 0.15 * r);
    const vs = [
      variant({ variant: 'a', baseline: true, wallMs: up.map((s, r) => 500 * s * (r % 2 ? 1.06 : 1)) }),
      variant({ variant: 'b', wallMs: up.map((s, r) => 500 * s * (r % 2 ? 1 : 1.06)) }),
    ];
    const [c] = compareWithBaselines(vs, { drift: estimateGroupDrift(vs) });
    expect(c).toMatchObject({ verdict: 'inconclusive' });
    expect(c).not.toHaveProperty('runsNeeded');
    expect((c as { trendP: number }).trendP).toBeLessThan(0.001);
  });

  it('one variant whose builds changed mid-run: no "~N runs would decide", the round it changed from instead', () => {
    const wobble = [1, 1.004, 0.997, 1.002, 0.999, 1.003, 0.998, 1.001, 1, 0.996];
    const vs = [
      variant({ variant: 'a', baseline: true, wallMs: wobble.map((w) => 300 * w) }),
      variant({ variant: 'b', wallMs: wobble.map((w, r) => (r < 5 ? 200 : 350) * w) }),
      // Interleaved modes (a cache that hits now and then) are not a change.
      variant({ variant: 'c', wallMs: wobble.map((w, r) => (r % 3 === 1 ? 80 : 300) * w) }),
    ];
    const cs = compareWithBaselines(vs, { drift: estimateGroupDrift(vs) }).filter((c) => c.metric === 'wallMs');
    const [b, c] = ['app/b@cold', 'app/c@cold'].map((id) => cs.find((x) => x.variant === id)!);
    expect(b).toMatchObject({ verdict: 'inconclusive', changedAt: 5 }); // the fixture's rounds count from 0
    expect(b).not.toHaveProperty('runsNeeded');
    expect(c).not.toHaveProperty('changedAt');
  });
});
