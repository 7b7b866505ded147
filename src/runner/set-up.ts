// The untimed part of a variant: its workdir, the shared dependency build (seed.ts), then its own set-up
// commands. Untimed in the statistics, but its duration is recorded: it is part of what a run costs.
import { createWorkdir } from '../plan/workdir.ts';
import type { PlannedVariant } from '../plan/plan.ts';
import type { VariantResult } from '../results/schema.ts';
import type { RunEvent } from './events.ts';
import { seedWorkdir, type SeedFailures } from './seed.ts';
import { describeOwner, type LockOwner } from '../common/lock-file.ts';
import { runUntimed, type UntimedOutcome } from './untimed.ts';
import { fail, markInterrupted } from './variant-outcome.ts';
import { SETUP_WARNING } from '../common/setup-warning.ts';
import { setUpGroups, setUpLanes } from '../plan/setup-lanes.ts';

/**
 * Untimed set-up of a stage's workdirs; a failed set-up fails its variant only, and is told as it happens with
 * its log tail (`setup-failed`). `seedFailures` is the run's record of seeds that failed, so a seed that several
 * variants share is built once per run even when it fails.
 *
 * Each scenario's variants are set up one after another, in plan order (they may share a seed, a wheelhouse or
 * a cache); different scenarios' set-ups run side by side, up to `lanes` (default SETUP_LANES, at most the
 * usable CPUs) at once, those with a dependency seed first (plan/setup-lanes.ts). Nothing is measured while they run: the stage's
 * rounds start once every set-up has ended, so running them at once costs no measurement its quiet machine and
 * saves the shorter set-ups' time (a Tauri app's 4-minute dependency seed beside three Python environments).
 */
export async function setUpStage(opts: { members: { planned: PlannedVariant; result: VariantResult }[]; outDir: string; seedFailures: SeedFailures; lanes?: number; signal?: AbortSignal; emit: (event: RunEvent) => void; save: () => void }): Promise<void> {
  const queue = setUpGroups(opts.members);
  const lanes = setUpLanes(queue.length, opts.lanes);
  const lane = async () => {
    for (let group = queue.shift(); group; group = queue.shift()) {
      for (const member of group) await setUpMember({ ...opts, ...member });
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
}

async function setUpMember(opts: { planned: PlannedVariant; result: VariantResult; outDir: string; seedFailures: SeedFailures; signal?: AbortSignal; emit: (event: RunEvent) => void; save: () => void }): Promise<void> {
  const { planned, result } = opts;
  if (result.status !== 'ok' || opts.signal?.aborted) return;
  opts.emit({ kind: 'setup', id: planned.id });
  const started = performance.now();
  const warnings: string[] = [];
  const failure = await setUpWorkdir({ ...opts, warnings });
  if (warnings.length > 0) (result.warnings ??= []).push(...warnings.map((w) => `${SETUP_WARNING} ${w}`));
  // Untimed in the statistics, but recorded: it is part of what a run costs (and of the next estimate).
  if (planned.variant.setup.length > 0) result.setupMs = Math.round(performance.now() - started);
  if (failure === 'interrupted') markInterrupted(result, 'during its set-up');
  else if (failure) {
    fail(result, failure.reason, failure.tail);
    opts.emit({ kind: 'setup-failed', id: planned.id, reason: failure.reason, tail: failure.tail.slice(-10) });
  }
  opts.emit({ kind: 'setup-done', id: planned.id });
  opts.save();
}

async function setUpWorkdir(opts: { planned: PlannedVariant; outDir: string; seedFailures: SeedFailures; signal?: AbortSignal; emit: (event: RunEvent) => void; warnings: string[] }): Promise<UntimedOutcome> {
  const { planned, outDir, signal } = opts;
  try {
    createWorkdir(planned);
  } catch (err) {
    return { reason: `could not create the workdir: ${(err as Error).message}`, tail: [] };
  }
  // The shared dependency build first: the variant's own set-up may build on it.
  if (planned.variant.seed) {
    const onWait = (owner: LockOwner) => opts.emit({ kind: 'waiting', id: planned.id, what: 'its dependency seed', owner: describeOwner(owner) });
    const onBuild = () => opts.emit({ kind: 'seed', id: planned.id });
    const seeded = await seedWorkdir({ planned, outDir, signal, failed: opts.seedFailures, onWait, onBuild });
    if (seeded) return seeded;
  }
  return runUntimed({ planned, commands: planned.variant.setup, label: 'setup', outDir, signal, warnings: opts.warnings });
}
