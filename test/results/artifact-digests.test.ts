import { describe, expect, it } from 'vitest';
import { describeArtifactDigests } from '../../src/results/artifact-digests.ts';
import { sample, variant } from '../stats/fixtures.ts';

const withSizes = (sizes: number[]) => {
  const v = variant({ variant: 'pex', cache: 'incremental' });
  const [first, ...rest] = sizes.map((bytes, i) => sample(i, 1000, { artifact: { sha256: `h${i}`, bytes } }));
  return { ...v, warmups: [{ ...first!, round: -1 }], samples: rest };
};

describe('describeArtifactDigests', () => {
  it('says when the artifact grew at every build: a build that packs its own earlier output', () => {
    // A new user's trial: pex -D . with dist/ inside, 10.7 MB more at every build.
    const mb = 2 ** 20;
    expect(describeArtifactDigests(withSizes([10.5, 21.2, 31.9, 42.6, 53.3].map((x) => Math.round(x * mb))))).toBe(
      '5 distinct artifacts in 5 builds; it grew at every build, 10.5 MiB to 53.3 MiB over 5 builds: the build may pack its own earlier output ' +
        '(a folder it packs holds its dist/), and its size, build time and start-up grow with it',
    );
    // Sizes that wander (timestamps, reordered archives) or grow once are not that.
    expect(describeArtifactDigests(withSizes([1000, 1010, 1005, 1012]))).toBe('4 distinct artifacts in 4 builds');
    expect(describeArtifactDigests(withSizes([1000, 1500, 1500, 1500]))).toBe('4 distinct artifacts in 4 builds');
    expect(describeArtifactDigests(withSizes([1000, 2000]))).toBe('2 distinct artifacts in 2 builds');
  });
});
