// Phases of a build (PyInstaller's Analysis → PYZ → PKG → EXE, cargo's compile → link …). A sample records
// when each phase ended, in ms from the start. The report shows one set of phase ends per variant: the
// medians, when the statistics stage summarised them under `phase:<name>`; otherwise the phases of the
// sample whose wall time is nearest the median (a real build, said to be so, rather than a new statistic).
import type { VariantResult } from '../results/schema.ts';
import { cleanLine } from '../common/clean-text.ts';

export const PHASE_STAT_PREFIX = 'phase:';

export interface PhaseModel {
  /** Where the numbers come from, shown beside them. */
  basis: string;
  /** In the order they ended; durationMs is the time since the previous phase ended. */
  phases: { name: string; endMs: number; durationMs: number }[];
  /** Declared phases that matched no output line in some samples: "link (3 of 5 samples)". */
  missing: string[];
}

/** The phases a variant's report shows (end times in ms from the build's start, durations in ms), or null when it declared none that matched and none is missing. */
export function representativePhases(v: VariantResult): PhaseModel | null {
  const model = phaseEnds(v);
  const missing = missingPhases(v);
  if (!model && missing.length === 0) return null;
  return { ...(model ?? { basis: 'no phase matched', phases: [] }), missing };
}

/** "name (k of n samples)" for every declared phase that matched no line in k of the n samples. */
function missingPhases(v: VariantResult): string[] {
  const counts = new Map<string, number>();
  for (const s of v.samples) for (const name of s.phasesMissing ?? []) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, k]) => `${cleanLine(name, 80)} (${k} of ${v.samples.length} samples)`);
}

function phaseEnds(v: VariantResult): Omit<PhaseModel, 'missing'> | null {
  const summarised = Object.entries(v.stats)
    .filter(([metric]) => metric.startsWith(PHASE_STAT_PREFIX))
    .map(([metric, s]) => ({ name: metric.slice(PHASE_STAT_PREFIX.length), endMs: s.median }));
  if (summarised.length > 0) return withDurations('median of each phase end', summarised);
  const withPhases = v.samples.filter((s) => Object.keys(s.phases).length > 0);
  const median = v.stats.wallMs?.median;
  if (withPhases.length === 0 || median === undefined) return null;
  const nearest = withPhases.reduce((best, s) => (Math.abs(s.wallMs - median) < Math.abs(best.wallMs - median) ? s : best));
  const ends = Object.entries(nearest.phases).map(([name, endMs]) => ({ name, endMs }));
  return withDurations(`round ${nearest.round}, the build nearest the median`, ends);
}

function withDurations(basis: string, ends: { name: string; endMs: number }[]): Omit<PhaseModel, 'missing'> {
  const sorted = ends.filter((e) => Number.isFinite(e.endMs)).sort((a, b) => a.endMs - b.endMs);
  return {
    basis,
    phases: sorted.map((e, i) => ({ name: cleanLine(e.name, 80), endMs: e.endMs, durationMs: e.endMs - (i === 0 ? 0 : sorted[i - 1]!.endMs) })),
  };
}
