// Regressions against the acknowledgements of `.buildbench/acknowledged.yaml`: a regression a team accepted
// shows as acknowledged and does not fail; past its date, once the baseline holds its commit, or slower than
// the ratio it accepted, it fails again and says why.
import type { Comparison } from '../results/schema.ts';
import { matchGlob } from '../common/match-glob.ts';

/** An acknowledged regression (scenario/acknowledged.ts), as this stage reads it. */
export interface AcknowledgementRule {
  variant: string;
  metric?: string;
  upTo?: number;
  /** YYYY-MM-DD, or a commit. */
  until: string;
  why: string;
  file: string;
  line?: number;
}

/** What the acknowledgements made of the regressions. */
export interface Acknowledged {
  /** Regressions that still fail. */
  standing: Comparison[];
  /** Regressions that an acknowledgement in effect covers. */
  acknowledged: { comparison: Comparison; rule: AcknowledgementRule }[];
  /** Why an acknowledgement that matched covered nothing: expired, or a larger slowdown than accepted. */
  notes: string[];
}

const ids = (id: string) => [id, id.replace(/#.*$/, '')];

/**
 * Sorts `regressions` into standing and acknowledged. `today` is YYYY-MM-DD (UTC); `contains(commit)` says
 * whether the baseline already holds a commit (undefined when it cannot tell: the acknowledgement then stays
 * in effect, with a note). The first rule that matches a regression's variant (its id, or the id without its
 * `#ref`) and metric decides. Never throws.
 */
export function applyAcknowledgements(opts: {
  regressions: readonly Comparison[];
  rules: readonly AcknowledgementRule[];
  today: string;
  contains: (commit: string) => boolean | undefined;
}): Acknowledged {
  const result: Acknowledged = { standing: [], acknowledged: [], notes: [] };
  for (const c of opts.regressions) {
    const rule = opts.rules.find((r) => ids(c.variant).some((id) => matchGlob(r.variant, id)) && (r.metric === undefined || r.metric === c.metric));
    const where = rule ? `${rule.file}${rule.line ? `:${rule.line}` : ''}` : '';
    const why = rule && whyNot({ rule, comparison: c, ...opts });
    if (!rule || why?.fails) {
      result.standing.push(c);
      if (rule && why) result.notes.push(`${c.variant} ${c.metric}: acknowledged at ${where} but ${why.text}`);
      continue;
    }
    result.acknowledged.push({ comparison: c, rule });
    if (why) result.notes.push(`${c.variant} ${c.metric}: acknowledged at ${where}; ${why.text}`);
  }
  return result;
}

function whyNot(opts: { rule: AcknowledgementRule; comparison: Comparison; today: string; contains: (commit: string) => boolean | undefined }): { fails: boolean; text: string } | undefined {
  const { rule, comparison } = opts;
  if (rule.upTo !== undefined && comparison.ratio > rule.upTo) return { fails: true, text: `${comparison.ratio.toFixed(2)}× is slower than the ${rule.upTo}× it accepts` };
  if (/^\d{4}-\d{2}-\d{2}$/.test(rule.until)) return opts.today > rule.until ? { fails: true, text: `it expired after ${rule.until}` } : undefined;
  const contained = opts.contains(rule.until);
  if (contained === true) return { fails: true, text: `it expired: the baseline already contains ${rule.until}` };
  return contained === undefined ? { fails: false, text: `cannot tell whether the baseline contains ${rule.until}, so it stays in effect` } : undefined;
}
