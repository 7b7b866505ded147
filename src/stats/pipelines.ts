// A pipeline is a variant that consumed other variants' artifacts (`needs`) together with those producers: what
// a team waits for from source to shipped package is the producers' build plus the consumer's. Each successful
// consumer build gets `pipelineMs`: itself plus the k-th successful build of each producer, k its own rank among
// its successful builds (builds of different variants are independent draws, so any pairing is one; rank order
// is the one that needs no choice). The registry's `pipelineMs` metric reads it, so pipelines are summarised and
// compared with the baseline's like any sampled metric.
import { isSuccessful } from '../results/metrics.ts';
import type { VariantResult } from '../results/schema.ts';
import { metricValues } from './metrics.ts';

/**
 * Sets `pipelineMs` on the successful samples of every variant that consumed an artifact, as far as every
 * producer has as many successful builds, and removes it elsewhere; idempotent (called at every results write).
 */
export function recordPipelines(variants: readonly VariantResult[]): void {
  for (const consumer of variants) {
    const producers = Object.values(consumer.needs ?? {}).map((id) => variants.find((v) => v.id === id));
    const times = producers.every((p) => p !== undefined) ? producers.map((p) => metricValues(p!, 'wallMs').values) : [];
    let k = 0;
    for (const sample of consumer.samples) {
      const paired = producers.length > 0 && isSuccessful(sample) && times.length === producers.length && times.every((t) => k < t.length);
      if (paired) sample.pipelineMs = times.reduce((sum, t) => sum + t[k]!, sample.wallMs);
      else delete sample.pipelineMs;
      if (isSuccessful(sample)) k += 1;
    }
  }
}
