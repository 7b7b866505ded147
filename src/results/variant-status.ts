// A variant that builds but whose artifact never becomes ready keeps its build figures: its status stays `ok`
// (its builds, sizes and their comparisons are as good as anyone's), its `startup.readyOk` is false, its
// `reason` begins "built, does not start" with the launch's error, and only its start-up metrics are empty.
// A team whose app has a start-up bug still learns which packager builds faster and ships smaller. Files
// written before this kept such a variant `failed` with a reason beginning "built, does not run".
import type { VariantResult } from './schema.ts';

/** How the reason of a variant that built but did not start begins. */
export const DOES_NOT_START = 'built, does not start';
/** The same, as files written before build figures were kept for it said it (their status is `failed`). */
const DOES_NOT_RUN_BEFORE = 'built, does not run';

type StatusSource = Pick<VariantResult, 'status' | 'reason'> & { startup?: Pick<NonNullable<VariantResult['startup']>, 'readyOk'> | null };

/** True when the variant built and its artifact never became ready (in this file's format or an older one's). */
export function doesNotStart(v: StatusSource): boolean {
  if (v.status === 'ok') return v.startup?.readyOk === false;
  return v.status === 'failed' && (v.reason?.startsWith(DOES_NOT_RUN_BEFORE) ?? false);
}

/** The status word every output shows: `does not start` for such a variant, else its status (ok, failed, unavailable …). */
export function statusWord(v: StatusSource): string {
  return doesNotStart(v) ? 'does not start' : v.status;
}

/** True when the reason names an artifact that built but did not start (either wording). */
export function isDoesNotStartReason(reason: string | null | undefined): boolean {
  return !!reason && (reason.startsWith(DOES_NOT_START) || reason.startsWith(DOES_NOT_RUN_BEFORE));
}
