// "3 of 12 builds re-measured: other processes used 0.8 of a core": how every output (terminal, report,
// summary.md, compare) says that some builds were measured while the machine was busy, set aside and built
// again (runner/remeasure.ts), or that the machine's CPU could not be watched.
import type { ResultsFile, RunSample, VariantResult } from './schema.ts';

const cores = (pct: number) => (pct / 100).toFixed(1);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The run's sentence on interference, or null when there is nothing to say (an older file, the check off, no
 * busy build). "n of N builds": N the measured builds in the statistics, n those re-measured (a variant's round
 * counted once however many tries it took); "of a core" is the median foreign CPU of the builds set aside (or
 * of the busy ones kept, when none was set aside).
 */
export function describeBusyBuilds(results: Pick<ResultsFile, 'config' | 'variants'> & { interrupted?: boolean }): string | null {
  const config = results.config.interference;
  const kept = results.variants.flatMap((v) => v.samples);
  const setAside = results.variants.flatMap((v) => v.contaminated ?? []);
  const remeasured = new Set(results.variants.flatMap((v) => (v.contaminated ?? []).map((s) => `${v.id}\0${s.round}`))).size;
  const measured = kept.length;
  if (!config || config.thresholdPct === null || measured === 0) return null;
  const busyKept = kept.filter((s: RunSample) => s.interference?.busy);
  const over = `other processes used more than ${cores(config.thresholdPct)} of a core`;
  if (!config.machineOwn) {
    const why = config.why ?? '/proc/stat is not this machine’s own';
    return busyKept.length > 0 ? `${busyKept.length} of ${measured} builds ran while ${over} (${why}: not re-measured)` : null;
  }
  if (setAside.length === 0 && busyKept.length === 0) return null;
  const used = median((setAside.length > 0 ? setAside : busyKept).map((s) => s.interference?.foreignCpuPct ?? 0));
  const head =
    setAside.length > 0
      ? `${remeasured} of ${measured} builds re-measured: other processes used ${cores(used)} of a core`
      : `${busyKept.length} of ${measured} builds ran while other processes used ${cores(used)} of a core`;
  // The round an interruption stopped: a busy build of it was kept because the run ended, not for want of budget.
  const stoppedRound = results.interrupted ? Math.max(0, ...kept.map((s) => s.round)) : undefined;
  return `${head}${stillBusy(results.variants, config.maxTries, stoppedRound)}`;
}

/**
 * "; 23 kept though still busy: 3 after 2 tries, 20 once the run's re-measure budget was spent", or '' when
 * none: a busy build kept after its last try, one kept because the run had no re-measure left, and one kept
 * because an interruption ended the run in its round (`stoppedRound`) are said apart (a new user could not tell
 * which had happened, and after Ctrl-C read that the budget was spent).
 */
function stillBusy(variants: Pick<ResultsFile, 'variants'>['variants'], maxTries: number, stoppedRound?: number): string {
  let afterTries = 0;
  let budget = 0;
  let stopped = 0;
  for (const v of variants) {
    for (const s of v.samples) {
      if (!s.interference?.busy) continue;
      const tries = (v.contaminated ?? []).filter((c) => c.round === s.round).length;
      if (tries >= maxTries) afterTries++;
      else if (s.round === stoppedRound) stopped++;
      else budget++;
    }
  }
  const total = afterTries + budget + stopped;
  if (total === 0) return '';
  const parts = [
    ...(afterTries > 0 ? [`${afterTries} after ${maxTries} ${maxTries === 1 ? 'try' : 'tries'}`] : []),
    ...(budget > 0 ? [`${budget} once the run's re-measure budget was spent`] : []),
    ...(stopped > 0 ? [`${stopped} when the run was interrupted`] : []),
  ];
  return `; ${total} kept though still busy: ${parts.join(', ')}`;
}

/**
 * "20 of 24 builds kept while the machine was busy" when more than half the builds of `variants` (the two sides
 * of a comparison) were kept busy (after their re-measures, or once the budget was spent), else null: a verdict
 * standing on them is the busy machine's.
 */
export function describeMostlyBusy(variants: readonly (Pick<VariantResult, 'samples'> | undefined)[]): string | null {
  const samples = variants.flatMap((v) => v?.samples ?? []);
  const busy = samples.filter((s) => s.interference?.busy).length;
  return busy * 2 > samples.length ? `${busy} of ${samples.length} builds kept while the machine was busy` : null;
}
