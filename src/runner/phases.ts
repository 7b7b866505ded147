// Phases of a build from its output lines. A phase is recorded as the time from the start of the build to
// the end of the phase (RunSample.phases). The runner stamps every output line with ms since the build
// started; `TimedLine` is that pair.
import type { PhaseRule } from '../scenario/schema.ts';
import type { TimedLine } from '../common/timed-line.ts';

export type { TimedLine };

export interface PhaseResult {
  /** Phase name → ms from build start to the end of the phase, in the order the phases ended. */
  phases: Record<string, number>;
  /** Rules that matched no line (generic phases). */
  unmatched?: string[];
}

/** Each rule's phase ends at the first line its regular expression matches (DESIGN.md, "phases"). */
export function parseGenericPhases(opts: { lines: readonly TimedLine[]; rules: readonly PhaseRule[] }): PhaseResult {
  const ends: [string, number][] = [];
  const unmatched: string[] = [];
  for (const rule of opts.rules) {
    const re = new RegExp(rule.pattern);
    const hit = opts.lines.find((l) => re.test(l.line));
    if (hit) ends.push([rule.name, hit.ms]);
    else unmatched.push(rule.name);
  }
  ends.sort((a, b) => a[1] - b[1]);
  return unmatched.length > 0 ? { phases: Object.fromEntries(ends), unmatched } : { phases: Object.fromEntries(ends) };
}
