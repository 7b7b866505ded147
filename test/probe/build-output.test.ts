// Parsers over real captured output: cargo 1.95 and PyInstaller 6.22.3 on this machine (test/fixtures/probe/*.log).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCacheState } from '../../src/probe/cache-check.ts';
import { countCargoUnits } from '../../src/probe/rust/cargo-units.ts';
import { parseCargoTreeDuplicates } from '../../src/probe/rust/cargo-duplicates.ts';
import { extractJsonAfter, parseCargoTimingHtml, slowestUnits } from '../../src/probe/rust/cargo-timings.ts';
import { parseGenericPhases } from '../../src/runner/phases.ts';
import { TAURI_PHASE_RULES } from '../../src/probe/rust/tauri-phases.ts';
import { checkPyInstallerCache, readPyInstallerTargets } from '../../src/probe/python/pyinstaller-cache.ts';
import { parsePyInstallerPhases } from '../../src/probe/python/pyinstaller-phases.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/probe/${name}`, import.meta.url), 'utf8');
const lines = (name: string) => fixture(name).split('\n');

describe('countCargoUnits', () => {
  it.each([
    ['cargo-cold.json.log', { rebuilt: 2, fresh: 0, source: 'json' }],
    ['cargo-noop.json.log', { rebuilt: 0, fresh: 2, source: 'json' }],
    ['cargo-incremental.json.log', { rebuilt: 1, fresh: 1, source: 'json' }],
    ['cargo-cold.log', { rebuilt: 2, fresh: null, source: 'text' }],
    ['cargo-noop-verbose.log', { rebuilt: 0, fresh: 2, source: 'text' }],
    ['cargo-incremental-verbose.log', { rebuilt: 1, fresh: 1, source: 'text' }],
  ])('%s → %j', (name, count) => {
    expect(countCargoUnits(lines(name))).toEqual(count);
  });

  it('finds nothing in output that is not cargo’s', () => {
    expect(countCargoUnits(['hello', '{"reason":"build-script-executed"}', 'Finished reading'])).toEqual({ rebuilt: 0, fresh: null, source: 'none' });
  });

  it('reads a build that rebuilt nothing as 0, not as unknown', () => {
    // `cargo build` without -v in a noop state prints its closing line alone.
    expect(countCargoUnits(['    Finished `dev` profile [unoptimized + debuginfo] target(s) in 0.03s'])).toEqual({ rebuilt: 0, fresh: null, source: 'text' });
    expect(countCargoUnits(['    Finished dev [unoptimized + debuginfo] target(s) in 0.50s'])).toEqual({ rebuilt: 0, fresh: null, source: 'text' });
    expect(countCargoUnits(['{"reason":"build-finished","success":true}'])).toEqual({ rebuilt: 0, fresh: 0, source: 'json' });
    // A build cut short before its end says nothing of what it would have rebuilt.
    expect(countCargoUnits(['   Compiling tiny v0.1.0 (/w)'])).toEqual({ rebuilt: 1, fresh: null, source: 'text' });
    expect(countCargoUnits(['error: could not find `Cargo.toml`'])).toEqual({ rebuilt: 0, fresh: null, source: 'none' });
  });
});

describe('checkCacheState', () => {
  it.each([
    [{ cache: 'cold', rebuilt: 2, fresh: 0 }, 'ok'],
    [{ cache: 'cold', rebuilt: 2, fresh: null }, 'ok'],
    [{ cache: 'cold', rebuilt: 0, fresh: 2 }, 'cold sample rebuilt nothing (2 units fresh): outputs and caches were not cleared'],
    [{ cache: 'cold', rebuilt: 5, fresh: 115 }, 'cold sample found 115 of 120 units fresh: not a full rebuild'],
    [{ cache: 'incremental', rebuilt: 1, fresh: 1 }, 'ok'],
    [{ cache: 'incremental', rebuilt: 1, fresh: 0 }, 'ok'],
    [{ cache: 'incremental', rebuilt: 0, fresh: 2 }, 'incremental sample rebuilt nothing: the mutation did not reach the build'],
    [{ cache: 'incremental', rebuilt: 120, fresh: 0 }, 'incremental sample rebuilt all 120 units: a full rebuild, not an incremental one'],
    [{ cache: 'incremental', rebuilt: 120, fresh: null, total: 120 }, 'incremental sample rebuilt all 120 units: a full rebuild, not an incremental one'],
    [{ cache: 'noop', rebuilt: 0, fresh: 2 }, 'ok'],
    [{ cache: 'noop', rebuilt: 1, fresh: 1 }, 'noop sample rebuilt 1 unit: something changes between builds'],
    [{ cache: 'warm', rebuilt: 0, fresh: 2 }, 'ok'],
  ] as const)('%j → %s', (state, verdict) => {
    expect(checkCacheState(state)).toBe(verdict);
  });
});

describe('PyInstaller cache use', () => {
  it.each([
    [
      'pyinstaller-onefile-cold.log',
      [
        { name: 'Analysis', rebuilt: true, reason: 'Analysis-00.toc is non existent' },
        { name: 'PYZ', rebuilt: true, reason: 'PYZ-00.toc is non existent' },
        { name: 'PKG', rebuilt: true, reason: 'PKG-00.toc is non existent' },
        { name: 'EXE', rebuilt: true, reason: 'EXE-00.toc is non existent' },
      ],
    ],
    [
      'pyinstaller-onefile-noop.log',
      [
        { name: 'Analysis', rebuilt: false, reason: null },
        { name: 'PYZ', rebuilt: false, reason: null },
        { name: 'PKG', rebuilt: false, reason: null },
        { name: 'EXE', rebuilt: false, reason: null },
      ],
    ],
    [
      'pyinstaller-onedir-warm.log',
      [
        { name: 'Analysis', rebuilt: false, reason: null },
        { name: 'PYZ', rebuilt: false, reason: null },
        { name: 'PKG', rebuilt: true, reason: 'toc changed' },
        { name: 'EXE', rebuilt: true, reason: 'hello missing' },
        { name: 'COLLECT', rebuilt: true, reason: 'COLLECT-00.toc is non existent' },
      ],
    ],
    [
      'pyinstaller-onedir-noop.log',
      [
        { name: 'Analysis', rebuilt: false, reason: null },
        { name: 'PYZ', rebuilt: false, reason: null },
        { name: 'PKG', rebuilt: false, reason: null },
        { name: 'EXE', rebuilt: false, reason: null },
        { name: 'COLLECT', rebuilt: true, reason: null },
      ],
    ],
    [
      'pyinstaller-onedir-incremental.log',
      [
        { name: 'Analysis', rebuilt: true, reason: 'hello.py changed' },
        { name: 'PYZ', rebuilt: false, reason: null },
        { name: 'PKG', rebuilt: true, reason: 'hello.py changed' },
        { name: 'EXE', rebuilt: true, reason: 'pkg is more recent' },
        { name: 'COLLECT', rebuilt: true, reason: null },
      ],
    ],
  ])('%s → its targets', (name, targets) => {
    expect(readPyInstallerTargets(lines(name))).toEqual(targets);
  });

  it.each([
    ['cold', 'pyinstaller-onefile-cold.log', 'ok'],
    ['cold', 'pyinstaller-onefile-noop.log', "cold sample reused PyInstaller's cached Analysis, PYZ, PKG, EXE: the workpath was not cleared"],
    ['cold', 'pyinstaller-onedir-incremental.log', "cold sample reused PyInstaller's cached PYZ: the workpath was not cleared"],
    ['warm', 'pyinstaller-onedir-warm.log', 'ok'],
    ['warm', 'pyinstaller-onefile-cold.log', "warm sample rebuilt Analysis (Analysis-00.toc is non existent): PyInstaller's cache was not used"],
    ['noop', 'pyinstaller-onedir-noop.log', 'ok'],
    ['noop', 'pyinstaller-onedir-warm.log', 'noop sample rebuilt PKG (toc changed), EXE (hello missing): something changes between builds'],
    ['incremental', 'pyinstaller-onedir-incremental.log', 'ok'],
    ['incremental', 'pyinstaller-onedir-noop.log', 'incremental sample rebuilt nothing: the mutation did not reach PyInstaller'],
  ] as const)('%s sample with %s → %s', (cache, name, verdict) => {
    expect(checkPyInstallerCache({ cache, targets: readPyInstallerTargets(lines(name)) })).toBe(verdict);
  });

  it('says when the log shows no targets at all', () => {
    expect(checkPyInstallerCache({ cache: 'cold', targets: readPyInstallerTargets(['Build complete!']) })).toBe(
      "not checked: no PyInstaller 'checking' lines in the output (log level above INFO?)",
    );
  });
});

describe('parsePyInstallerPhases', () => {
  it('ends each target where the next is checked and the last at "Build complete!"', () => {
    expect(parsePyInstallerPhases(lines('pyinstaller-onefile-cold.log'))).toEqual({
      phases: { Analysis: 9791, PYZ: 10703, PKG: 14425, EXE: 14589 },
      durations: { Analysis: 9791, PYZ: 912, PKG: 3722, EXE: 164 },
    });
  });

  it('includes COLLECT for onedir and shifts onto the build clock', () => {
    const { phases } = parsePyInstallerPhases(lines('pyinstaller-onedir-warm.log'), { offsetMs: 1000 });
    expect(phases).toEqual({ Analysis: 1186, PYZ: 1206, PKG: 1219, EXE: 1236, COLLECT: 1256 });
  });
});

describe('parseGenericPhases', () => {
  const timed = [
    { ms: 10, line: '   Compiling greet v0.1.0' },
    { ms: 900, line: '    Finished `release` profile [optimized] target(s) in 0.89s' },
    { ms: 950, line: '    Bundling app_0.1.0_amd64.deb' },
    { ms: 2100, line: '    Finished 1 bundle at:' },
  ];

  it('ends each phase at the first matching line', () => {
    expect(parseGenericPhases({ lines: timed, rules: TAURI_PHASE_RULES })).toEqual({ phases: { compile: 900, bundle: 2100 } });
  });

  it('names the rules that matched nothing', () => {
    expect(parseGenericPhases({ lines: timed.slice(0, 2), rules: [...TAURI_PHASE_RULES, { name: 'sign', pattern: 'Signing' }] })).toEqual({
      phases: { compile: 900 },
      unmatched: ['bundle', 'sign'],
    });
  });
});

describe('cargo timings', () => {
  it('reads per-unit times and the app unit from a real report (serde, anyhow, itoa)', () => {
    const t = parseCargoTimingHtml(fixture('cargo-timing-serde.html'));
    expect(t.units).toHaveLength(20);
    expect(t.app).toMatchObject({ name: 'timing-app', target: ' timing-app "bin"', startMs: 25730, durationMs: 530 });
    expect(t.phases).toEqual({ dependencies: 25720, app: 26260 });
    expect(t.appLinkMs).toBeNull();
    expect(slowestUnits(t, 3).map((u) => `${u.name}${u.target}`)).toEqual(['serde_core', 'syn', 'serde_derive']);
    expect(t.units.find((u) => u.name === 'syn')?.sectionsMs).toEqual({ frontend: 8850, codegen: 2700 });
  });

  it('reads the two-unit fixture crate', () => {
    const t = parseCargoTimingHtml(fixture('cargo-timing.html'));
    expect(t.units.map((u) => u.name)).toEqual(['greet', 'insight-app']);
    expect(t.phases).toEqual({ dependencies: 140, app: 250 });
  });

  it('reads rmeta_time from older cargo and balances brackets inside strings', () => {
    const html = 'const UNIT_DATA = [{"name":"a]b","version":"1.0.0","target":"","start":0.5,"duration":2,"rmeta_time":1.5}];\nconst X = 1;';
    expect(parseCargoTimingHtml(html).units[0]).toEqual({ name: 'a]b', version: '1.0.0', target: '', startMs: 500, durationMs: 2000, sectionsMs: { frontend: 1500, codegen: 500 } });
    expect(extractJsonAfter('nothing here', 'const UNIT_DATA =')).toBeNull();
  });

  it('refuses a page without unit data', () => {
    expect(() => parseCargoTimingHtml('<html></html>')).toThrow('no UNIT_DATA in the cargo timing report');
  });
});

describe('parseCargoTreeDuplicates', () => {
  it('counts crates present in several versions', () => {
    const out = 'greet v0.1.0 (/w/greet-v1)\n\ngreet v0.2.0 (/w/greet-v2)\n\nsyn v1.0.109\n\nsyn v2.0.119\n\nsyn v3.0.10\n';
    expect(parseCargoTreeDuplicates(out)).toEqual({
      count: 2,
      crates: [
        { name: 'syn', versions: ['1.0.109', '2.0.119', '3.0.10'] },
        { name: 'greet', versions: ['0.1.0', '0.2.0'] },
      ],
    });
    expect(parseCargoTreeDuplicates('')).toEqual({ count: 0, crates: [] });
  });
});
