// What a run's statistics say about the machine and the shape of the samples: the round effects shared by
// the variants of a group (drift), the rule that chose paired or independent comparisons, and two modes in
// one variant's samples. Computed by the pure functions of src/stats/, only displayed elsewhere.
import { Type, type Static } from '@sinclair/typebox';
import { d } from './schema-words.ts';

/** Two groups in one variant's samples (a cache that hits in some builds and misses in others). */
export const ModeSchema = Type.Object({
  count: d('samples in this group', Type.Integer()),
  median: d('median of the group, in the metric’s unit', Type.Number()),
  min: d('smallest sample of the group', Type.Number()),
  max: d('largest sample of the group', Type.Number()),
  rounds: Type.Optional(d('rounds of the group’s builds, ascending (when the summary knew them): a group whose rounds all come before the other’s is a change during the run, not two modes mixed', Type.Array(Type.Integer()))),
});

/** One scenario × cache state (× ref) of a run: its round effects, drift, noise and the pairing rule's choice. */
export const DriftSchema = Type.Object({
  scenario: d('scenario of the group', Type.String()),
  cache: d('cache state of the group', Type.String()),
  ref: Type.Optional(d('git ref of the group (run --ref)', Type.String())),
  metric: d('the metric decomposed (wallMs)', Type.String()),
  variants: d('variant ids of the group that have samples', Type.Array(Type.String())),
  rounds: d('rounds with at least two of the variants measured (the rows of the decomposition)', Type.Integer()),
  roundEffects: d(
    'round → its effect on ln time shared by the variants (Tukey median polish of ln values: variant + round + residual); exp(effect) is the factor that round ran at',
    Type.Array(Type.Object({ round: d('round index', Type.Integer()), effect: d('round effect, ln units (0.05 ≈ 5% slower than the typical round)', Type.Number()) })),
  ),
  driftSd: d('drift: standard deviation of the round effects, ln units (≈ a relative sd: 0.09 ≈ 9%)', Type.Number()),
  noiseSd: d('noise: residual standard deviation of the additive fit, ln units, √(Σ residual² / (cells − variants − rounds + 1))', Type.Number()),
  driftP: d('permutation p of driftSd against rounds shuffled within each variant (no shared round effect); seeded, so the same data give the same p', Type.Number()),
  trendTau: d('Kendall’s τ of round effect against round (Mann–Kendall): +1 every round slower than the one before', Type.Number()),
  trendP: d('two-sided Mann–Kendall p of that trend (exact for ≤ 50 rounds); ≤ 0.05 is a monotone drift, which more runs will not average out', Type.Number()),
  paired: d('true when the rule fixed in advance compares this group’s variants by round pairs (analysis "paired")', Type.Boolean()),
  rule: d('the rule and why it chose as it did, in words', Type.String()),
});

export type Mode = Static<typeof ModeSchema>;
export type Drift = Static<typeof DriftSchema>;
