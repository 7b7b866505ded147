// inspectSample over captured output given the per-line times the runner records, and the runner hooks.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { probeHooks } from '../../src/probe/hooks.ts';
import { inspectSample } from '../../src/probe/inspect-sample.ts';
import { parseGenericPhases, type TimedLine } from '../../src/runner/phases.ts';
import type { PlannedVariant } from '../../src/plan/plan.ts';
import type { ArtifactInfo, RunSample } from '../../src/results/schema.ts';
import type { GroupRunResult } from '../../src/runner/process-group.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/probe/', import.meta.url));
/** A captured log as the runner would have timed it: each line arriving `delayMs` after its stamp (or 0). */
function timed(name: string, delayMs = 0): TimedLine[] {
  return readFileSync(FIXTURES + name, 'utf8')
    .split('\n')
    .map((line, i) => ({ ms: (Number(/^(\d+) /.exec(line)?.[1]) || i) + delayMs, line }));
}

describe('inspectSample', () => {
  it('puts PyInstaller’s phases on the build clock, finds its cold build cold and reads the versions it ran with', async () => {
    const got = await inspectSample({ cache: 'cold', lines: timed('pyinstaller-onefile-cold.log', 300), workdir: FIXTURES });
    expect(got).toEqual({ phases: { Analysis: 10091, PYZ: 11003, PKG: 14725, EXE: 14889 }, cacheCheck: 'ok', toolVersions: { pyinstaller: '6.22.3', python: '3.11.2' } });
  });

  it('adds no phases of its own when the scenario declares some (the runner parses those)', async () => {
    const rules = [
      { name: 'analysis', pattern: 'INFO: checking PYZ' },
      { name: 'pyz', pattern: 'INFO: checking PKG' },
      { name: 'pkg', pattern: 'INFO: checking EXE' },
      { name: 'exe', pattern: 'INFO: (checking COLLECT|Build complete)' },
    ];
    const lines = timed('pyinstaller-onedir-warm.log', 300);
    expect(await inspectSample({ cache: 'warm', lines, workdir: FIXTURES, rules })).toEqual({ phases: {}, cacheCheck: 'ok', toolVersions: { pyinstaller: '6.22.3', python: '3.11.2' } });
    expect(parseGenericPhases({ lines, rules }).phases).toEqual({ analysis: 486, pyz: 506, pkg: 519, exe: 536 });
  });

  it('counts cargo units and checks the state', async () => {
    expect(await inspectSample({ cache: 'noop', lines: timed('cargo-noop.json.log'), workdir: FIXTURES })).toEqual({
      phases: {},
      rebuiltUnits: 0,
      freshUnits: 2,
      cacheCheck: 'ok',
    });
    const cold = await inspectSample({ cache: 'cold', lines: timed('cargo-noop.json.log'), workdir: FIXTURES });
    expect(cold.cacheCheck).toBe('cold sample rebuilt nothing (2 units fresh): outputs and caches were not cleared');
  });

  it('does not judge the first (full) build of an incremental variant', async () => {
    const got = await inspectSample({ cache: 'incremental', lines: timed('cargo-cold.json.log'), workdir: FIXTURES, firstBuild: true });
    expect(got.cacheCheck).toBe('not checked: the first build of a workdir is a full build');
    expect(got.rebuiltUnits).toBe(2);
    const later = await inspectSample({ cache: 'incremental', lines: timed('cargo-cold.json.log'), workdir: FIXTURES });
    expect(later.cacheCheck).toBe('incremental sample rebuilt all 2 units: a full rebuild, not an incremental one');
  });

  it('reads the cargo timing report the build announced, aligned to the line that announced it', async () => {
    const lines: TimedLine[] = [
      { ms: 100, line: '   Compiling greet v0.1.0 (/w/greet)' },
      { ms: 200, line: '   Compiling insight-app v0.1.0 (/w)' },
      { ms: 1250, line: `      Timing report saved to ${FIXTURES}cargo-timing.html` },
      { ms: 1260, line: '    Finished `dev` profile [unoptimized + debuginfo] target(s) in 1.16s' },
    ];
    const got = await inspectSample({ cache: 'cold', lines, workdir: FIXTURES });
    expect(got).toEqual({
      phases: { dependencies: 1140, app: 1250 },
      slowestUnits: [
        { name: 'insight-app 0.1.0 insight-app "bin"', ms: 100 },
        { name: 'greet 0.1.0', ms: 80 },
      ],
      rebuiltUnits: 2,
      cacheCheck: 'ok',
    });
  });

  it('splits a Tauri build into compile and bundle, unless the scenario declares its own phases', async () => {
    const lines: TimedLine[] = [
      { ms: 900, line: '    Finished `release` profile [optimized] target(s) in 0.89s' },
      { ms: 950, line: '    Bundling app_0.1.0_amd64.deb' },
      { ms: 2100, line: '    Finished 1 bundle at:' },
    ];
    const tauri = await inspectSample({ cache: 'warm', lines, workdir: FIXTURES, build: 'npx tauri build --bundles deb' });
    expect(tauri.phases).toEqual({ compile: 900, bundle: 2100 });
    const own = await inspectSample({ cache: 'warm', lines, workdir: FIXTURES, build: 'npx tauri build', rules: [{ name: 'bundling', pattern: 'Bundling' }] });
    expect(own.phases).toEqual({});
  });
});

describe('probeHooks', () => {
  // Only the fields the hooks read; the runner passes the full PlannedVariant and GroupRunResult.
  const planned = (cache: 'cold' | 'incremental', expect?: object) =>
    ({ id: `s/v@${cache}`, cache, workdir: FIXTURES, variant: { name: 'v', build: 'cargo build', expect } }) as unknown as PlannedVariant;
  const sample = (): RunSample => ({ round: 1, position: 0, wallMs: 1, userMs: 0, sysMs: 0, maxRssKb: 0, treeRssKb: 0, exitCode: 0, phases: { own: 5 }, log: 'x.log' });

  it('fills each sample, skipping the cache check of an incremental variant’s first build only', async () => {
    const hooks = probeHooks();
    const run = { lines: timed('cargo-cold.json.log') } as GroupRunResult;
    const first = sample();
    await hooks.afterSample!({ planned: planned('incremental'), sample: first, run });
    expect(first).toMatchObject({ phases: { own: 5 }, rebuiltUnits: 2, freshUnits: 0, cacheCheck: 'not checked: the first build of a workdir is a full build' });
    const second = sample();
    await hooks.afterSample!({ planned: planned('incremental'), sample: second, run });
    expect(second.cacheCheck).toBe('incremental sample rebuilt all 2 units: a full rebuild, not an incremental one');
  });

  it("checks the first build of a workdir its cold twin primed, when the runner says it is not a full first build", async () => {
    const first = sample();
    await probeHooks().afterSample!({ planned: planned('incremental'), sample: first, run: { lines: timed('cargo-cold.json.log') } as GroupRunResult, firstBuild: false });
    expect(first.cacheCheck).toBe('incremental sample rebuilt all 2 units: a full rebuild, not an incremental one');
  });

  it('fingerprints the artifact and reports a failing analysis instead of throwing', async () => {
    const errors: string[] = [];
    const hooks = probeHooks({ onError: (what, error) => errors.push(`${what}: ${(error as Error).message}`) });
    const measured = (path: string): ArtifactInfo => ({ path, kind: 'file', bytes: 1, files: 1, sha256: '', debugBytes: 0, largest: [] });
    const artifact = measured('ls');
    await hooks.afterArtifact!({ planned: { ...planned('cold', { linker: 'mold' }), workdir: '/usr/bin' }, artifact });
    expect(artifact.fingerprint).toMatchObject({ linker: 'bfd', mismatch: ['asked for mold, got bfd'] });
    const gone = measured('no-such-file');
    await hooks.afterArtifact!({ planned: planned('cold'), artifact: gone });
    expect(gone.fingerprint).toBeUndefined();
    expect(errors).toEqual([expect.stringMatching(/^artifact insight of s\/v@cold: ENOENT/)]);
  });
});
