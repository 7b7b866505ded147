// The one-line forms of a change point and a creep that `buildbench history DIR` prints (and the run's
// regression message repeats): the series, the two commits, the step with its interval.
import type { ChangeFinding, CreepFinding, RunRef } from './changes.ts';

/** A run by its commit's first 8 hex digits, or by its run id when it has no commit. */
export function shortRun(r: RunRef): string {
  return r.commit ? r.commit.slice(0, 8) : r.runId;
}

/** A ratio as a signed percentage with one decimal: 1.0812 → "+8.1%". */
export function formatPct(ratio: number): string {
  const pct = (ratio - 1) * 100;
  return `${pct >= 0 ? '+' : '−'}${Math.abs(pct).toFixed(1)}%`;
}

/** `<series>: <commit before> → <commit after>  +8.1% [+6.9%, +9.0%] slower, p 0.005, in effect` */
export function formatChange(c: ChangeFinding): string {
  const state = c.inEffect ? 'in effect' : 'no longer in effect';
  return `${c.series}: ${shortRun(c.before)} → ${shortRun(c.after)}  ${formatPct(c.ratio)} [${formatPct(c.ciLow)}, ${formatPct(c.ciHigh)}] ${c.direction}, p ${c.p.toFixed(3)}, ${state}`;
}

/** `<series>: creep over 20 runs <first commit> … <last commit>  +6.2% [+4.8%, +7.7%] slower` */
export function formatCreep(c: CreepFinding): string {
  return `${c.series}: creep over ${c.runs} runs ${shortRun(c.from)} … ${shortRun(c.to)}  ${formatPct(c.ratio)} [${formatPct(c.ciLow)}, ${formatPct(c.ciHigh)}] ${c.direction}`;
}
