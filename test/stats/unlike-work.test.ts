// Like with like: a no-op (a warm build that reused everything) against a real rebuild is marked, with both
// fractions of their cold builds, and never shown as a bare verdict; the same work on both sides is not.
import { describe, expect, it } from 'vitest';
import { markUnlikeWork } from '../../src/stats/unlike-work.ts';
import { formatComparison } from '../../src/stats/format.ts';
import { makeResults } from '../report/fixtures.ts';

describe('markUnlikeWork', () => {
  // onefile: 60 s cold, 0.8 s warm (a no-op in effect); pex: 8 s cold, 4.3 s warm (a real rebuild); onedir 50 → 40 s.
  const run = () =>
    makeResults({
      variants: [
        { name: 'onefile', cache: 'cold', baseline: true, wallMs: 60_000 },
        { name: 'pex', cache: 'cold', wallMs: 8_000 },
        { name: 'onedir', cache: 'cold', wallMs: 50_000 },
        { name: 'onefile', cache: 'warm', baseline: true, wallMs: 800 },
        { name: 'pex', cache: 'warm', wallMs: 4_300 },
        { name: 'onedir', cache: 'warm', wallMs: 600 },
      ],
    });

  it('marks a warm no-op compared with a warm rebuild, and only that', () => {
    const file = run();
    markUnlikeWork(file.comparisons, file.variants);
    const unlike = file.comparisons.filter((c) => c.method !== 'exact' && c.unlike).map((c) => [c.variant, c.metric]);
    expect(unlike).toEqual([['sidecar/pex@warm', 'wallMs']]);
    const pex = file.comparisons.find((c) => c.variant === 'sidecar/pex@warm' && c.metric === 'wallMs')!;
    expect(pex.method !== 'exact' && pex.unlike).toBe('not like with like in warm: pex rebuilt (53% of its cold build), onefile reused its build (1% of its cold build)');
    expect(formatComparison(pex, { metric: 'wallMs' })).toMatch(/^not like with like in warm: .*, so this is no verdict on the same build: /);
  });
});
