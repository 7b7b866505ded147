// The probe list: a toolchain is one ToolchainProbe, and inspectSample merges what the probes find in list
// order (later phases of the same name win, cache checks are joined, a first full build is not judged).
import { describe, expect, it } from 'vitest';
import { inspectSample } from '../../src/probe/inspect-sample.ts';
import { PROBES } from '../../src/probe/probes.ts';
import type { ToolchainProbe } from '../../src/probe/toolchain-probe.ts';

/** A toolchain whose builds print "make: N rebuilt": a noop build must rebuild nothing. */
const MAKE_PROBE: ToolchainProbe = {
  name: 'make',
  sample: {
    inspect: async (out) => {
      const line = out.lines.find((l) => /^make: \d+ rebuilt$/.test(l.line));
      if (!line) return null;
      const rebuilt = Number(/\d+/.exec(line.line)![0]);
      return { phases: { link: line.ms }, cacheCheck: rebuilt === 0 || out.cache !== 'noop' ? 'ok' : `${out.cache} sample rebuilt ${rebuilt}` };
    },
  },
};
const OTHER: ToolchainProbe = { name: 'other', sample: { inspect: async () => ({ phases: { link: 9 }, cacheCheck: 'odd' }) } };
const lines = [
  { ms: 5, line: 'cc -c a.c' },
  { ms: 7, line: 'make: 2 rebuilt' },
];

describe('toolchain probes', () => {
  it('a new toolchain plugs in as one entry', async () => {
    const probes = [...PROBES, MAKE_PROBE];
    expect(await inspectSample({ cache: 'noop', lines, workdir: '/nonexistent', probes })).toEqual({ phases: { link: 7 }, cacheCheck: 'noop sample rebuilt 2' });
    expect(await inspectSample({ cache: 'warm', lines, workdir: '/nonexistent', probes })).toEqual({ phases: { link: 7 }, cacheCheck: 'ok' });
    expect(await inspectSample({ cache: 'noop', lines: lines.slice(0, 1), workdir: '/nonexistent', probes })).toEqual({ phases: {} });
  });

  it('merges in list order and does not judge a first full build', async () => {
    const probes = [MAKE_PROBE, OTHER];
    expect(await inspectSample({ cache: 'noop', lines, workdir: '/nonexistent', probes })).toEqual({ phases: { link: 9 }, cacheCheck: 'noop sample rebuilt 2; odd' });
    expect(await inspectSample({ cache: 'noop', lines, workdir: '/nonexistent', probes, firstBuild: true })).toEqual({
      phases: { link: 9 },
      cacheCheck: 'not checked: the first build of a workdir is a full build',
    });
    expect(await inspectSample({ cache: 'cold', lines, workdir: '/nonexistent', probes, firstBuild: true })).toEqual({ phases: { link: 9 }, cacheCheck: 'odd' });
  });

  it('each bundled probe says null for output that is not its toolchain’s', async () => {
    const out = { cache: 'warm' as const, lines, text: lines.map((l) => l.line), workdir: '/nonexistent', build: 'make' };
    // A probe of artifacts only (the .deb probe) reads no output.
    for (const probe of PROBES.filter((p) => p.sample)) expect(await probe.sample!.inspect(out), probe.name).toBeNull();
  });
});
