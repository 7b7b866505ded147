// The noise findings in words: exact messages, table-driven.
import { describe, expect, it } from 'vitest';
import type { Comparison, Drift } from '../../src/results/schema.ts';
import { describeAdaptiveStops, describeBetweenWinners, describeDrift, describeModes, describeTrend, earliestDifferenceStop } from '../../src/stats/index.ts';

const drift = (over: Partial<Drift>): Drift => ({
  scenario: 's',
  cache: 'cold',
  metric: 'wallMs',
  variants: ['s/a@cold', 's/b@cold'],
  rounds: 8,
  roundEffects: [
    { round: 0, effect: -0.3 },
    { round: 7, effect: 0.35 },
  ],
  driftSd: 0.094,
  noiseSd: 0.135,
  driftP: 0.005,
  trendTau: 1,
  trendP: 0.0001,
  paired: true,
  rule: '',
  ...over,
});

const between = (over: Partial<Record<string, unknown>>) =>
  ({ scenario: 's', metric: 'wallMs', baseline: 'shiv', variant: 'pex', method: 'hodges-lehmann', ratio: 1 / 1.14, pValue: 0.001, holmP: 0.002, verdict: 'faster', ...over }) as unknown as Comparison;

describe('noise wording', () => {
  it.each([
    { d: drift({}), text: 'rounds moved together by 9.4% (drift), builds within a round by 14% (noise) over 8 rounds; the rounds differ more than noise alone explains (p = 0.005): compared by round pairs where ≥ 8 rounds have both builds' },
    { d: drift({ paired: false, driftP: 0.41, driftSd: 0.02 }), text: 'rounds moved together by 2.0% (drift), builds within a round by 14% (noise) over 8 rounds; the rounds differ no more than noise explains (p = 0.41): compared as independent samples' },
    // A new user read "drift beyond noise: compared by round pairs" over 6 rounds, where pairing cannot apply.
    {
      d: drift({ rounds: 6 }),
      text: 'rounds moved together by 9.4% (drift), builds within a round by 14% (noise) over 6 rounds; the rounds differ more than noise alone explains (p = 0.005), but 6 rounds are fewer than the 8 pairs a paired comparison needs: compared as independent samples',
    },
  ])('describeDrift: $text', ({ d, text }) => expect(describeDrift(d)).toBe(text));

  it('describeTrend warns that more runs will not help, and says nothing without a real drift', () => {
    expect(describeTrend(drift({}))).toBe(
      "build times grow with build order through the run (Kendall's τ = 1.00, Mann–Kendall p < 0.001; the last round ran at 1.92× the first): more runs will not average this drift out — find what changed on the machine, or rerun on a quiet one",
    );
    expect(describeTrend(drift({ driftP: 0.3 }))).toBeNull();
    // A real, steady trend whose last round ran within the ±2% band of its first (sleep builds, 1%): no warning.
    expect(describeTrend(drift({ roundEffects: Array.from({ length: 8 }, (_, i) => ({ round: i + 1, effect: 0.0014 * i })) }))).toBeNull();
  });

  it('describeModes: counts, medians and ranges', () => {
    expect(describeModes([{ count: 2, median: 113, min: 112, max: 115 }, { count: 8, median: 620, min: 611, max: 628 }], 'wallMs')).toBe(
      'two modes: 2 of 10 builds at ~113 ms (112 ms … 115 ms), 8 at ~620 ms (611 ms … 628 ms) — one median describes neither group',
    );
    expect(describeModes(undefined, 'wallMs')).toBe('');
  });

  it('describeModes: two groups one after the other in the run are a change during the run, not modes mixed', () => {
    const low = { count: 5, median: 203, min: 202, max: 204 };
    const high = { count: 5, median: 353, min: 352, max: 355 };
    expect(describeModes([{ ...low, rounds: [6, 7, 8, 9, 10] }, { ...high, rounds: [1, 2, 3, 4, 5] }], 'wallMs')).toBe(
      'a change during the run: rounds 1–5 at ~353 ms (352 ms … 355 ms), rounds 6–10 at ~203 ms (202 ms … 204 ms) — the builds changed from round 6 on; one median describes neither period',
    );
    // Interleaved: a cache that hits now and then.
    expect(describeModes([{ ...low, rounds: [1, 3, 5, 7, 9] }, { ...high, rounds: [2, 4, 6, 8, 10] }], 'wallMs')).toMatch(/^two modes: 5 of 10 builds at ~203 ms/);
    // Two builds first and eight after fall that way by chance in 2 of 45 orders: still called modes.
    expect(describeModes([{ count: 2, median: 113, min: 112, max: 115, rounds: [1, 2] }, { count: 8, median: 620, min: 611, max: 628, rounds: [3, 4, 5, 6, 7, 8, 9, 10] }], 'wallMs')).toMatch(/^two modes: /);
  });

  it.each([
    { c: between({}), text: 'pex is 1.14× faster than shiv (Holm p = 0.002)' },
    { c: between({ verdict: 'no difference', ratio: 1.003 }), text: 'pex and shiv: no difference between them (1.00×, Holm p = 0.002)' },
    { c: between({ verdict: 'inconclusive', ratio: 0.97, holmP: 0.21 }), text: 'undecided between pex and shiv (0.97×, Holm p = 0.21)' },
  ])('describeBetweenWinners: $text', ({ c, text }) => expect(describeBetweenWinners(c, (id) => id)).toBe(text));

  it.each([
    { minRuns: 4, maxRuns: 20, earliest: 8, text: '--runs auto: rounds 4 to 20; before round 20 a faster/slower stop needs p ≤ 0.00031 (0.1·α over 16 looks), so it comes no earlier than round 8; the last round decides at α = 0.045' },
    { minRuns: 4, maxRuns: 10, earliest: 7, text: '--runs auto: rounds 4 to 10; before round 10 a faster/slower stop needs p ≤ 0.00083 (0.1·α over 6 looks), so it comes no earlier than round 7; the last round decides at α = 0.045' },
    { minRuns: 5, maxRuns: 5, earliest: 5, text: '--runs auto: 5 rounds, decided at α = 0.05' },
  ])('--runs auto $minRuns to $maxRuns: earliest faster/slower stop at round $earliest', ({ minRuns, maxRuns, earliest, text }) => {
    expect(earliestDifferenceStop({ alpha: 0.05, minRuns, maxRuns })).toBe(earliest);
    expect(describeAdaptiveStops({ alpha: 0.05, minRuns, maxRuns })).toBe(text);
  });
});
