// What share of a run's wall time were the measured builds, and where the rest went: set-ups, warm-ups,
// re-measured and failed builds, the harness's work between builds, launch rounds. From the run's own record
// (`spentMs`, results/spent-schema.ts) where it has one; an older file is read from its samples, which know
// the builds, warm-ups, set-up commands and launches but not what lay between them ("the rest").
import type { ResultsFile, RunSample } from './schema.ts';

/** One part of a run's wall time. */
export interface TimePart {
  part: string;
  ms: number;
  /** How many builds or launches it holds, when it is made of them. */
  count?: number;
  /** Of `ms`, the part its processes ran (launch rounds: exec to ready), when less than the whole. */
  ownMs?: number;
}

/** A run's wall time and its parts, largest share first by the order written; `measuredShare` in [0, 1]. */
export interface TimeSpent {
  totalMs: number;
  /** The measured builds the statistics use, as a share of totalMs. */
  measuredShare: number;
  parts: TimePart[];
  /** True when the run recorded spentMs; false when the parts come from the samples alone. */
  recorded: boolean;
  /** Builds (measured or warm-ups) that primed a warm twin's workdir: a cold build run there instead of a warm-up of the twin's own. */
  primingBuilds: number;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * The parts of `results`' wall time (finishedAt − startedAt; an unfinished file is measured to its last part).
 * Build times are their process's wall time: the sample's wallMs plus the overhead taken off it. Pure.
 */
export function timeSpent(results: ResultsFile): TimeSpent {
  const overhead = results.config.overheadMs ?? 0;
  const wall = (samples: readonly RunSample[]) => sum(samples.map((s) => s.wallMs + overhead));
  const all = <K extends 'samples' | 'warmups' | 'contaminated' | 'failures'>(key: K) => results.variants.flatMap((v) => v[key] ?? []);
  const measured = all('samples');
  const failed = all('failures');
  const discarded = [...all('contaminated'), ...failed.filter((s) => s.round > 0)];
  const launches = results.variants.flatMap((v) => v.startup?.launches ?? []);
  const spent = results.spentMs;
  const parts: TimePart[] = [
    { part: 'measured builds', ms: wall(measured), count: measured.length },
    { part: 're-measured and failed builds', ms: wall(discarded), count: discarded.length },
  ];
  if (spent) {
    parts.push(
      { part: 'between builds (cache states, artifacts, probes, results writes)', ms: Math.max(0, spent.rounds - wall(measured) - wall(discarded)) },
      { part: 'set-ups', ms: spent.setup },
      { part: 'warm-ups', ms: spent.warmups, count: all('warmups').length + failed.filter((s) => s.round < 0).length },
      // Exec to ready of every launch, kept or dropped with a variant that did not start: the rest is set-up and clean-up.
      { part: 'launch rounds', ms: spent.startup, count: launches.length, ownMs: sum(launches.map((l) => l.ms)) },
      { part: 'calibration', ms: spent.checks },
    );
  } else {
    parts.push(
      { part: 'set-up commands', ms: sum(results.variants.map((v) => v.setupMs ?? 0)) },
      { part: 'warm-ups', ms: wall([...all('warmups'), ...failed.filter((s) => s.round < 0)]), count: all('warmups').length },
      { part: 'launches (exec to ready)', ms: sum(launches.map((l) => l.ms)), count: launches.length },
    );
  }
  const known = sum(parts.map((p) => p.ms));
  const span = results.finishedAt ? Date.parse(results.finishedAt) - Date.parse(results.startedAt) : known;
  const totalMs = Math.max(span, known);
  parts.push({ part: spent ? 'the rest (tool checks, final statistics)' : 'the rest (not recorded in this file)', ms: totalMs - known });
  return { totalMs, measuredShare: totalMs > 0 ? wall(measured) / totalMs : 0, parts, recorded: spent !== undefined, primingBuilds: [...measured, ...all('warmups')].filter((s) => s.primes).length };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The parts as text, one per line, each with its seconds and share: "measured builds  522.0 s  39.7%  (60 builds)". */
export function formatTimeSpent(t: TimeSpent): string {
  const width = Math.max(...t.parts.map((p) => p.part.length));
  const lines = t.parts.map((p) => {
    const own = p.ownMs === undefined ? '' : `, ${seconds(p.ownMs)} exec to ready`;
    const count = p.count === undefined ? '' : `  (${p.count}${own})`;
    return `  ${p.part.padEnd(width)}  ${seconds(p.ms).padStart(9)}  ${pct(t.totalMs > 0 ? p.ms / t.totalMs : 0).padStart(6)}${count}`;
  });
  const priming = t.primingBuilds > 0 ? `; ${t.primingBuilds} cold build${t.primingBuilds === 1 ? '' : 's'} primed a warm twin's workdir (no warm-up of the twin's own)` : '';
  return [
    `wall time ${seconds(t.totalMs)}: measured builds ${pct(t.measuredShare)}${priming}${t.recorded ? '' : ' (an older file: what lay between builds is not recorded)'}`,
    ...lines,
  ].join('\n');
}
