// The untimed part of a variant: its workdir, the shared dependency build (seed.ts), then its own set-up
// commands. Untimed in the statistics, but its duration is recorded: it is part of what a run costs.
import { createWorkdir } from '../plan/workdir.ts';
import type { PlannedVariant } from '../plan/plan.ts';
import type { VariantResult } from '../results/schema.ts';
import type { RunEvent } from './events.ts';
import { seedWorkdir } from './seed.ts';
import { runUntimed, type UntimedOutcome } from './untimed.ts';
import { fail, markInterrupted } from './variant-outcome.ts';

/** Untimed set-up of a stage's workdirs; a failed set-up fails its variant only. */
export async function setUpStage(opts: { members: { planned: PlannedVariant; result: VariantResult }[]; outDir: string; signal?: AbortSignal; emit: (event: RunEvent) => void; save: () => void }): Promise<void> {
  for (const { planned, result } of opts.members) {
    if (result.status !== 'ok' || opts.signal?.aborted) continue;
    opts.emit({ kind: 'setup', id: planned.id });
    const started = performance.now();
    const failure = await setUpWorkdir(planned, opts.outDir, opts.signal);
    // Untimed in the statistics, but recorded: it is part of what a run costs (and of the next estimate).
    if (planned.variant.setup.length > 0) result.setupMs = Math.round(performance.now() - started);
    if (failure === 'interrupted') markInterrupted(result, 'during its set-up');
    else if (failure) fail(result, failure.reason, failure.tail);
    opts.save();
  }
}

async function setUpWorkdir(planned: PlannedVariant, outDir: string, signal?: AbortSignal): Promise<UntimedOutcome> {
  try {
    createWorkdir(planned);
  } catch (err) {
    return { reason: `could not create the workdir: ${(err as Error).message}`, tail: [] };
  }
  // The shared dependency build first: the variant's own set-up may build on it.
  if (planned.variant.seed) {
    const seeded = await seedWorkdir({ planned, outDir, signal });
    if (seeded) return seeded;
  }
  return runUntimed({ planned, commands: planned.variant.setup, label: 'setup', outDir, signal });
}
