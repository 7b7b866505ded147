// "Nothing rebuilt" is a count, not "can't tell": plain `cargo build` (no -v) in a noop state prints only its
// `Finished` line, and the sample records rebuiltUnits 0 with the cache check done, as the verbose build does.
import { describe, expect, it } from 'vitest';
import { probeHooks } from '../../src/probe/index.ts';
import { runScenario, writeScenario } from './helpers.ts';

describe('a noop cargo build without -v', () => {
  it('records 0 rebuilt units and checks the noop state', async () => {
    const file = writeScenario({
      fixture: 'tiny-crate',
      yaml: 'name: crate\nproject: project\nruns: 2\ncache: noop\nvariants:\n  - {name: quiet, build: cargo build --offline}\n  - {name: verbose, build: cargo build --offline -v}\n',
    });
    const results = await runScenario({ file, hooks: probeHooks() });
    for (const v of results.variants) {
      expect(v.status, v.reason ?? '').toBe('ok');
      expect(v.samples.map((s) => [s.rebuiltUnits, s.cacheCheck])).toEqual([
        [0, 'ok'],
        [0, 'ok'],
      ]);
    }
    expect(results.variants.map((v) => v.samples[0]!.freshUnits)).toEqual([undefined, 1]);
  });
});
