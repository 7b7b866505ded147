// Whether each run's builds of a variant wrote the same artifact, side by side, for `compare`: a size that is
// "same (exact)" in both runs may still come from builds that each wrote a different file.
import { describeArtifactDigests } from '../results/artifact-digests.ts';
import type { ResultsFile } from '../results/schema.ts';

/**
 * One line per variant id of `current` whose builds recorded artifact digests: "artifact of s/v@cold: baseline
 * 3 distinct artifacts in 3 builds; current artifact identical in all 3 builds" (a run with no digests for it,
 * an older file, says "not recorded"). Empty when no variant of `current` recorded any.
 */
export function describeArtifactsOfRuns(opts: { baseline: ResultsFile; current: ResultsFile }): string[] {
  const before = new Map(opts.baseline.variants.map((v) => [v.id, v]));
  return opts.current.variants.flatMap((v) => {
    const now = describeArtifactDigests(v);
    if (!now) return [];
    const old = before.get(v.id);
    const then = old ? (describeArtifactDigests(old) ?? 'not recorded') : 'not in the baseline';
    return [`artifact of ${v.id}: baseline ${then}; current ${now}`];
  });
}
