// Where each displayed metric is read from: the statistics stage's summary when it wrote one, else the
// single recorded value (artifact bytes are one deterministic number; start-up may be one launch).
import type { ScenarioModel, VariantModel } from './model.ts';

/** Metric names as the statistics stage writes them into `stats` and `comparisons`. */
export const METRICS = { wall: 'wallMs', bytes: 'bytes', startupFirst: 'startupFirstMs', startupWarm: 'startupWarmMs' } as const;

export const wallMedian = (v: VariantModel): number | undefined => v.stats[METRICS.wall]?.median;
export const artifactBytes = (v: VariantModel): number | undefined =>
  v.artifact && v.artifact.kind !== 'missing' ? v.artifact.bytes : undefined;
export const startupFirst = (v: VariantModel): number | undefined => v.stats[METRICS.startupFirst]?.median ?? v.startup?.firstMs ?? undefined;
export const startupWarm = (v: VariantModel): number | undefined => v.stats[METRICS.startupWarm]?.median ?? v.startup?.warmMs ?? undefined;

/** Cache states in the order they first appear in the scenario. */
export function cacheStates(scenario: ScenarioModel): string[] {
  return [...new Set(scenario.variants.map((v) => v.cache))];
}

