// Start-up launches stop per comparison once it is decided, as `--runs auto` stops builds: a variant whose every
// start-up comparison (first and warm launch, against its baseline or, for a baseline, of its variants against
// it) is decided at this look launches no more; the others go on to their last round. The same guard as the
// builds' (stats/decide-stop.ts isDecided): before the last round faster/slower needs p ≤ interimP (the
// interim share of α split over the looks, lookLevels) and "no difference" the 1 − α interval inside the noise
// band, so looking after every round keeps false alarms near α.
import { isExact } from '../results/comparison-schema.ts';
import type { Comparison } from '../results/schema.ts';
import { isDecided } from '../stats/index.ts';

const LAUNCH_METRICS = new Set(['startupFirstMs', 'startupWarmMs']);

/**
 * The ids among `ids` whose launches may stop after this round: each takes part in at least one sampled start-up
 * comparison and all of them are decided at this look (`last`: the plan's last launch round). Pure.
 */
export function decidedLaunches(opts: { comparisons: readonly Comparison[]; ids: readonly string[]; last: boolean; alpha: number; interimP: number }): Set<string> {
  const startup = opts.comparisons.filter((c) => LAUNCH_METRICS.has(c.metric) && !isExact(c));
  const done = new Set<string>();
  for (const id of opts.ids) {
    const mine = startup.filter((c) => c.variant === id || c.baseline === id);
    if (mine.length > 0 && mine.every((c) => !isExact(c) && isDecided(c, { last: opts.last, alpha: opts.alpha, interimP: opts.interimP }))) done.add(id);
  }
  return done;
}
