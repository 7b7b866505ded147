// The noise findings in words, for the terminal, compare, summary.md and the report alike: drift beside noise
// and which analysis the rule chose, a trend through the run, two modes in a variant, and how the winners of
// a metric compare with each other. Display only; every number was computed once in drift.ts, modes.ts and
// winners.ts.
import { formatMetric } from '../results/metrics.ts';
import { periodsOf } from './modes.ts';
import type { Comparison, Drift, Mode } from '../results/schema.ts';
import { earliestDifferenceStop, lookLevels } from './decide-stop.ts';
import { MIN_PAIRS, isTrending, trendSpan } from './drift.ts';
import { formatFactor, formatP } from './format.ts';

/** ln sd as a percent, "9.4%". */
const pct = (lnSd: number) => `${(lnSd * 100).toFixed(lnSd < 0.1 ? 1 : 0)}%`;

/** Where a drift record belongs: "sidecar, cold builds". */
export const driftWhere = (d: Pick<Drift, 'scenario' | 'cache' | 'ref'>) => `${d.scenario}, ${d.cache} builds${d.ref ? ` at ${d.ref}` : ''}`;

/**
 * "rounds moved together by 9.4% (drift), builds within a round by 13% (noise) over 8 rounds; the rounds differ
 * more than noise alone explains (p = 0.005): compared by round pairs where ≥ 8 rounds have both builds" — or
 * "…; no more than noise explains (p = 0.41): compared as independent samples". The test says whether rounds
 * differ at all, not that the drift is larger than the noise; fewer rounds than pairing needs say so.
 */
export function describeDrift(d: Drift): string {
  const head = `rounds moved together by ${pct(d.driftSd)} (drift), builds within a round by ${pct(d.noiseSd)} (noise) over ${d.rounds} rounds`;
  if (!d.paired) return `${head}; the rounds differ no more than noise explains (${formatP(d.driftP)}): compared as independent samples`;
  const differ = `${head}; the rounds differ more than noise alone explains (${formatP(d.driftP)})`;
  return d.rounds >= MIN_PAIRS
    ? `${differ}: compared by round pairs where ≥ ${MIN_PAIRS} rounds have both builds`
    : `${differ}, but ${d.rounds} rounds are fewer than the ${MIN_PAIRS} pairs a paired comparison needs: compared as independent samples`;
}

/**
 * The warning of a monotone drift, or null: "build times trend with build order (Kendall's τ = 1.00, p < 0.001;
 * the last round ran 1.9× the first): more runs will not average this out — rerun on a quiet machine".
 */
export function describeTrend(d: Drift): string | null {
  if (!isTrending(d)) return null;
  const span = trendSpan(d);
  return (
    `build times ${d.trendTau > 0 ? 'grow' : 'shrink'} with build order through the run (Kendall's τ = ${d.trendTau.toFixed(2)}, Mann–Kendall ${formatP(d.trendP)}; ` +
    `the last round ran at ${formatFactor(span)}× the first): more runs will not average this drift out — find what changed on the machine, or rerun on a quiet one`
  );
}

/**
 * "two modes: 2 of 10 builds at ~113 ms (112 ms … 115 ms), 8 at ~620 ms (611 ms … 628 ms)"; '' for fewer than
 * two. Two groups one after the other in the run (every round of one before every round of the other) are not
 * modes mixed but a change during the run: "a change during the run: rounds 1–5 at ~203 ms (…), rounds 6–10 at
 * ~353 ms (…) — the builds changed from round 6 on; one median describes neither period".
 */
export function describeModes(modes: readonly Mode[] | undefined, metric: string): string {
  if (!modes || modes.length < 2) return '';
  const range = (m: Mode) => `~${formatMetric(metric, m.median)} (${formatMetric(metric, m.min)} … ${formatMetric(metric, m.max)})`;
  const inTime = periodsOf(modes);
  if (inTime) {
    const rounds = (r: readonly number[]) => (r.length === 1 ? `round ${r[0]}` : `rounds ${r[0]}–${r.at(-1)}`);
    return (
      `a change during the run: ${inTime.map((m) => `${rounds(m.rounds!)} at ${range(m)}`).join(', ')} — ` +
      `the builds changed from round ${inTime[1]!.rounds![0]} on; one median describes neither period`
    );
  }
  const n = modes.reduce((s, m) => s + m.count, 0);
  const one = (m: Mode, i: number) => `${i === 0 ? `${m.count} of ${n} builds` : m.count} at ${range(m)}`;
  return `two modes: ${modes.map(one).join(', ')} — one median describes neither group`;
}


/**
 * A comparison between two winners, named by `label`: "pex is 1.14× faster than shiv (Holm p = 0.002)",
 * "pex and shiv: no difference between them", "undecided between pex and shiv (1.03×, Holm p = 0.21)".
 */
export function describeBetweenWinners(c: Comparison, label: (id: string) => string, words = { lower: 'faster', higher: 'slower' }): string {
  const [a, b] = [label(c.variant), label(c.baseline)];
  const holm = 'holmP' in c && c.holmP !== undefined ? `, Holm ${formatP(c.holmP)}` : c.method === 'exact' ? ', exact' : '';
  switch (c.verdict) {
    case 'faster':
      return `${a} is ${formatFactor(1 / c.ratio)}× ${words.lower} than ${b}${holm ? ` (${holm.slice(2)})` : ''}`;
    case 'slower':
      return `${a} is ${formatFactor(c.ratio)}× ${words.higher} than ${b}${holm ? ` (${holm.slice(2)})` : ''}`;
    case 'no difference':
      return `${a} and ${b}: no difference between them (${formatFactor(c.ratio)}×${holm})`;
    case 'inconclusive':
      return `undecided between ${a} and ${b} (${formatFactor(c.ratio)}×${holm})`;
  }
}

/**
 * What `--runs auto` can do with these bounds, for the plan's notes and --min-runs' help: "--runs auto: rounds 4
 * to 20; before round 20 a faster/slower stop needs p ≤ 0.00031 (0.1·α over 16 looks), so it comes no earlier
 * than round 8; the last round decides at α = 0.045".
 */
export function describeAdaptiveStops(opts: { alpha: number; minRuns: number; maxRuns: number }): string {
  const { interimP, finalAlpha } = lookLevels(opts);
  const earliest = earliestDifferenceStop(opts);
  const looks = opts.maxRuns - opts.minRuns;
  const alphaText = Number(finalAlpha.toPrecision(3));
  if (looks === 0) return `--runs auto: ${opts.maxRuns} rounds, decided at α = ${alphaText}`;
  const when = Number.isFinite(earliest) ? `it comes no earlier than round ${earliest}` : 'no round of this run can stop on it';
  return (
    `--runs auto: rounds ${opts.minRuns} to ${opts.maxRuns}; before round ${opts.maxRuns} a faster/slower stop needs p ≤ ${Number(interimP.toPrecision(2))} ` +
    `(0.1·α over ${looks} looks), so ${when}; the last round decides at α = ${alphaText}`
  );
}
