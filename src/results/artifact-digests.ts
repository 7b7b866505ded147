// Whether a variant's builds wrote the same artifact: each build's digest is recorded (RunSample.artifact.sha256),
// and every output says it the same way, "identical in all 6 builds" or "3 distinct artifacts in 3 builds". A
// packager whose output differs at every build (pyinstaller/pyinstaller#1668) shows one size and one digest of
// several, and reproducibility is itself a fact a team choosing a packager wants.
import type { VariantResult } from './schema.ts';
import { formatBytes } from './units.ts';

/** How many of a variant's builds recorded an artifact digest, and how many distinct digests they wrote. */
export function countArtifactDigests(v: Pick<VariantResult, 'samples' | 'warmups'>): { builds: number; distinct: number } {
  const digests = [...v.warmups, ...v.samples].flatMap((s) => (s.artifact ? [s.artifact.sha256] : []));
  return { builds: digests.length, distinct: new Set(digests).size };
}

/**
 * "artifact identical in all 6 builds" or "3 distinct artifacts in 3 builds", followed by describeArtifactGrowth
 * when it has something to say; null with fewer than 2 digests (older files have none).
 */
export function describeArtifactDigests(v: Pick<VariantResult, 'samples' | 'warmups'>): string | null {
  const { builds, distinct } = countArtifactDigests(v);
  if (builds < 2) return null;
  const growth = describeArtifactGrowth(v);
  return `${distinct === 1 ? `artifact identical in all ${builds} builds` : `${distinct} distinct artifacts in ${builds} builds`}${growth ? `; ${growth}` : ''}`;
}

/** Growth from one build to the next that counts: past what a timestamp or a reordered archive changes. */
const GROWTH = 1.02;

/**
 * "it grew at every build, 10.5 MiB to 71.7 MiB over 7 builds: the build may pack its own earlier output …" when
 * each of at least 3 builds in a row (warm-ups first, in the order built) wrote an artifact over 2% larger than
 * the one before: a build that packs a folder holding its own output (`pex -D .` with dist/ inside) grows by
 * its last artifact every time, and its size, build time and start-up grow with it. Else null.
 */
export function describeArtifactGrowth(v: Pick<VariantResult, 'samples' | 'warmups'>): string | null {
  const sizes = [...v.warmups, ...v.samples].flatMap((s) => (s.artifact ? [s.artifact.bytes] : []));
  if (sizes.length < 3 || sizes.some((b, i) => i > 0 && !(b > sizes[i - 1]! * GROWTH))) return null;
  return (
    `it grew at every build, ${formatBytes(sizes[0])} to ${formatBytes(sizes.at(-1))} over ${sizes.length} builds: the build may pack its own ` +
    'earlier output (a folder it packs holds its dist/), and its size, build time and start-up grow with it'
  );
}
