import { describe, expect, it } from 'vitest';
import { cacheStateWarning } from '../../src/results/cache-state-warning.ts';
import { finalizeResults } from '../../src/runner/finalize.ts';
import type { ResultsFile } from '../../src/results/schema.ts';
import { sample, variant } from '../stats/fixtures.ts';

const onedir = () =>
  variant({
    variant: 'onedir',
    cache: 'incremental',
    samples: [
      sample(1, 460, { cacheCheck: 'incremental sample rebuilt nothing: the mutation did not reach PyInstaller' }),
      sample(2, 13975, { cacheCheck: 'ok' }),
      sample(3, 13934, { cacheCheck: 'not checked: the first build of a workdir is a full build' }),
      sample(4, 13100),
    ],
  });

describe('cacheStateWarning', () => {
  it('names the builds that did not measure their state, and says they are in the statistics', () => {
    expect(cacheStateWarning(onedir())).toBe(
      '1 of 4 builds did not measure the incremental state: round 1 (460 ms): incremental sample rebuilt nothing: the mutation did not reach PyInstaller; it is in the statistics',
    );
    expect(cacheStateWarning({ ...onedir(), samples: onedir().samples.slice(1) })).toBeUndefined();
  });

  it('is among the variant’s warnings after finalizeResults, recomputed each time (not duplicated)', () => {
    const results = { variants: [onedir()], comparisons: [], config: {} } as unknown as ResultsFile;
    finalizeResults(results);
    finalizeResults(results);
    expect(results.variants[0]!.warnings?.filter((w) => w.includes('did not measure the incremental state'))).toHaveLength(1);
  });
});
