// bench/timings.json is used only where its fingerprints match scenarios/ as they are now: an entry that
// matches nothing would silently turn the README's `--all` estimate into "never measured". After a change that
// keeps what builds cost, `npm run timings -- --refingerprint`; after one that changes it, measure again.
import { describe, expect, it } from 'vitest';
import { readTimingsFile } from '../../src/plan/estimate.ts';
import { fingerprintsOf } from '../../src/plan/fingerprint.ts';
import { selectScenarios } from '../../src/scenario/discover.ts';
import { BUILDBENCH_ROOT } from '../../src/common/where.ts';

describe('bench/timings.json', () => {
  it('has every entry marked with the fingerprint of a variant scenarios/ defines now', () => {
    const { scenarios } = selectScenarios({ args: [], all: true, cwd: BUILDBENCH_ROOT });
    const now = fingerprintsOf(scenarios);
    const timings = readTimingsFile(`${BUILDBENCH_ROOT}/bench/timings.json`);
    expect(timings.size).toBeGreaterThan(30);
    const stale = [...timings].filter(([id, t]) => now.get(id) !== t.fingerprint).map(([id]) => id);
    expect(stale).toEqual([]);
  });
});
