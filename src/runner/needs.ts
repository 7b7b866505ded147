// Before a consumer's stage: are the artifacts it needs there? A producer that failed, was unavailable or
// skipped, or left no artifact, skips its consumers with the producer's reason (the consumer is not failed:
// nothing of its own went wrong).
import { existsSync } from 'node:fs';
import type { PlannedVariant } from '../plan/plan.ts';
import type { VariantResult, VariantStatus } from '../results/schema.ts';

const OUTCOME: Record<VariantStatus, string> = { ok: 'ran', failed: 'failed', unavailable: 'is unavailable', skipped: 'was skipped', interrupted: 'was interrupted' };

/** Why `planned` cannot run for want of an input, or undefined when every producer delivered. */
export function unmetNeed(planned: PlannedVariant, resultOf: (id: string) => VariantResult | undefined): string | undefined {
  for (const need of planned.needs) {
    const producer = resultOf(need.producer);
    const what = `needs.${need.name} (${need.producer})`;
    if (!producer || !need.artifact) return `${what} is not part of this run`;
    if (producer.status !== 'ok') return `${what} ${OUTCOME[producer.status]}: ${producer.reason ?? 'no reason recorded'}`;
    if (producer.samples.length === 0) return `${what} was never measured`;
    if (!existsSync(need.artifact)) return `${what} left no artifact at ${need.artifact}`;
  }
  return undefined;
}
