// Whether a variant's builds wrote the same artifact: each build's digest is recorded (RunSample.artifact.sha256),
// and every output says it the same way, "identical in all 6 builds" or "3 distinct artifacts in 3 builds". A
// packager whose output differs at every build (pyinstaller/pyinstaller#1668) shows one size and one digest of
// several, and reproducibility is itself a fact a team choosing a packager wants.
import type { VariantResult } from './schema.ts';

/** How many of a variant's builds recorded an artifact digest, and how many distinct digests they wrote. */
export function countArtifactDigests(v: Pick<VariantResult, 'samples' | 'warmups'>): { builds: number; distinct: number } {
  const digests = [...v.warmups, ...v.samples].flatMap((s) => (s.artifact ? [s.artifact.sha256] : []));
  return { builds: digests.length, distinct: new Set(digests).size };
}

/** "artifact identical in all 6 builds" or "3 distinct artifacts in 3 builds"; null with fewer than 2 digests (older files have none). */
export function describeArtifactDigests(v: Pick<VariantResult, 'samples' | 'warmups'>): string | null {
  const { builds, distinct } = countArtifactDigests(v);
  if (builds < 2) return null;
  return distinct === 1 ? `artifact identical in all ${builds} builds` : `${distinct} distinct artifacts in ${builds} builds`;
}
