// A build measured while other processes used more than the threshold is set aside and built again at the end
// of its round, up to a bound: the set-aside sample stays in results.json (`contaminated`), out of the
// statistics; the last try is kept in the statistics even when the machine is still busy (flagged `busy`), so a
// machine that never quiets down costs a bounded number of extra builds, never the run.
import type { InterferenceConfig } from '../results/interference-schema.ts';
import type { RunSample } from '../results/schema.ts';
import { isBusy } from './interference.ts';
import type { Entry } from './run-results.ts';

/** How a run treats busy builds; `budget` is how many re-measures the whole run may still spend (counted down). */
export interface RemeasurePolicy {
  config: InterferenceConfig;
  cpus: number;
  budget: number;
}

/** The CLI's default threshold, % of one core (README, "A busy machine": how it was chosen). runPlan's default is off. */
export const DEFAULT_INTERFERENCE_THRESHOLD_PCT = 25;

/** Re-measures of one build at most. */
export const MAX_TRIES = 2;

/** Re-measures at most this share of the planned measured builds, over the whole run. */
const BUDGET_SHARE = 0.5;

/** The policy for a run of `plannedBuilds` measured builds; re-measuring only on a machine's own /proc/stat. */
export function remeasurePolicy(opts: { config: InterferenceConfig; cpus: number; plannedBuilds: number }): RemeasurePolicy {
  return { config: opts.config, cpus: opts.cpus, budget: Math.ceil(BUDGET_SHARE * opts.plannedBuilds) };
}

/** True when the policy re-measures at all: a threshold is set and /proc/stat is the machine's own. */
const active = (p: RemeasurePolicy) => p.config.thresholdPct !== null && p.config.machineOwn;

/**
 * Flags a variant's sample `busy` when it is, and with `setAside` moves it from `samples` to
 * `contaminated`. Returns whether it was busy. A sample without an interference record is never busy.
 */
function flagBusy(opts: { entry: Entry; policy: RemeasurePolicy; sample: RunSample; setAside: boolean }): boolean {
  const { entry, policy, sample } = opts;
  const threshold = policy.config.thresholdPct;
  if (threshold === null || !sample.interference) return false;
  if (!isBusy({ interference: sample.interference, wallMs: sample.wallMs, cpus: policy.cpus, thresholdPct: threshold })) return false;
  sample.interference.busy = true;
  if (opts.setAside) {
    const { samples } = entry.result;
    const at = samples.lastIndexOf(sample);
    if (at >= 0) samples.splice(at, 1);
    (entry.result.contaminated ??= []).push(sample);
  }
  return true;
}

/**
 * At a build's turn in its round: flags its sample `busy` when it is and, when the policy can still re-measure,
 * sets it aside (paying one unit of the budget). Returns true when it was set aside: then re-measure the entry.
 */
export function setAsideIfBusy(opts: { entry: Entry; policy: RemeasurePolicy | undefined; sample: RunSample }): boolean {
  const { policy } = opts;
  if (!policy) return false;
  const setAside = active(policy) && policy.budget > 0;
  if (!flagBusy({ entry: opts.entry, policy, sample: opts.sample, setAside })) return false;
  if (setAside) policy.budget--;
  return setAside;
}

/**
 * The set-aside builds of one measured round, each rebuilt until one comes out clean, or `maxTries` rebuilds or
 * the run's budget are spent: the last try is kept even when busy. `build` runs one more build of the entry in
 * this round and returns its sample (undefined when it failed or was interrupted: the entry is left as it is).
 */
export async function remeasureBusy(opts: { busy: Entry[]; policy: RemeasurePolicy; build: (entry: Entry) => Promise<RunSample | undefined> }): Promise<void> {
  const { policy } = opts;
  for (const entry of opts.busy) {
    for (let tries = 1; entry.result.status === 'ok'; tries++) {
      const sample = await opts.build(entry);
      if (!sample) break;
      const again = tries < policy.config.maxTries && policy.budget > 0;
      if (!flagBusy({ entry, policy, sample, setAside: again }) || !again) break;
      policy.budget--;
    }
  }
}

/**
 * After a round's re-measures (or instead of them, when the run was interrupted): a busy build set aside in
 * `round` that no later build of the round replaced goes back among the samples, flagged `busy`, as the last try
 * is kept. So an interruption never loses a measured build: Ctrl-C after a busy build keeps it.
 */
export function keepUnreplaced(busy: readonly Entry[], round: number): void {
  for (const entry of busy) {
    const { samples, contaminated } = entry.result;
    if (samples.some((s) => s.round === round)) continue;
    const last = contaminated?.findLast((s) => s.round === round);
    if (!last || !contaminated) continue;
    contaminated.splice(contaminated.lastIndexOf(last), 1);
    if (contaminated.length === 0) delete entry.result.contaminated;
    samples.push(last);
  }
}
