// Thinning a history by rule: every run of the last N days, then one run per day and runner (the day's last),
// and always the two runs either side of every change point found in the whole history, so a thinned history
// still names where each change happened.
import type { HistoryRecord } from './record-schema.ts';
import { findChanges, type ChangeOptions } from './changes.ts';

const DAY_MS = 86_400_000;

/** Which runs a thinning keeps and which it drops, each kept run with why. */
export interface ThinningPlan {
  keep: { record: HistoryRecord; why: 'recent' | 'last of its day' | 'beside a change point' }[];
  drop: HistoryRecord[];
}

/**
 * The thinning of `records` (oldest first): runs that started within `keepDays` days before the newest run are
 * kept (the newest run, not the clock, is the reference, so thinning an old copy gives the same answer); of the
 * older ones, the last run of each UTC day per runner, and every run that is the last before or the first after
 * a change point of the whole history (history/changes.ts). Pure.
 */
export function planThinning(records: readonly HistoryRecord[], opts: ChangeOptions & { keepDays: number }): ThinningPlan {
  if (records.length === 0) return { keep: [], drop: [] };
  const newest = Math.max(...records.map((r) => Date.parse(r.startedAt) || 0));
  const beside = new Set(findChanges(records, opts).changes.flatMap((c) => [c.before.runId, c.after.runId]));
  const lastOfDay = new Map<string, string>();
  for (const r of records) lastOfDay.set(`${r.runner}\n${r.startedAt.slice(0, 10)}`, r.runId);
  const plan: ThinningPlan = { keep: [], drop: [] };
  for (const record of records) {
    const age = newest - (Date.parse(record.startedAt) || 0);
    if (age <= opts.keepDays * DAY_MS) plan.keep.push({ record, why: 'recent' });
    else if (beside.has(record.runId)) plan.keep.push({ record, why: 'beside a change point' });
    else if (lastOfDay.get(`${record.runner}\n${record.startedAt.slice(0, 10)}`) === record.runId) plan.keep.push({ record, why: 'last of its day' });
    else plan.drop.push(record);
  }
  return plan;
}
