// End-to-end on a real two-unit crate (test/fixtures/probe/rust-app: a binary and one path dependency),
// built here with the default linker (rust-lld), mold, GNU ld and split debug info.
import { execa } from 'execa';
import { cp, rm, stat, utimes } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCacheState } from '../../src/probe/cache-check.ts';
import { cargoDuplicates } from '../../src/probe/rust/cargo-duplicates.ts';
import { parseCargoTimings } from '../../src/probe/rust/cargo-timings.ts';
import { countCargoUnits } from '../../src/probe/rust/cargo-units.ts';
import { fingerprintArtifact } from '../../src/probe/fingerprint.ts';
import { inspectArtifact } from '../../src/probe/inspect-artifact.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/probe/', import.meta.url));
const BIN = 'insight-app';

let root = '';
let app = '';
const builds: Record<string, { lines: string[]; binary: string }> = {};

/** One cargo build into its own target dir; stdout (JSON messages) and stderr lines together, as the runner sees them. */
async function build(name: string, opts: { target?: string; env?: Record<string, string>; args?: string[] } = {}) {
  const target = join(root, 'target', opts.target ?? name);
  const result = await execa('nice', ['-n', '10', 'cargo', 'build', '--offline', '--message-format=json', ...(opts.args ?? [])], {
    cwd: app,
    env: { CARGO_TARGET_DIR: target, RUSTFLAGS: '', CARGO_TERM_COLOR: 'never', ...opts.env },
    all: true,
  });
  builds[name] = { lines: result.all.split('\n'), binary: join(target, 'debug', BIN) };
}

beforeAll(async () => {
  root = tempDir('bb-insight-rust-');
  app = join(root, 'app');
  await cp(join(FIXTURES, 'rust-app'), app, { recursive: true });
  // Sequential: two shared cores; each build is about a second.
  await build('cold', { target: 'default', args: ['--timings'] });
  await build('noop', { target: 'default' });
  const now = new Date(Date.now() + 2000);
  await utimes(join(app, 'src/main.rs'), now, now);
  await build('incremental', { target: 'default' });
  await build('mold', { env: { RUSTFLAGS: '-Clink-arg=-fuse-ld=mold' } });
  await build('bfd', { env: { RUSTFLAGS: '-Clink-arg=-fuse-ld=bfd -Clinker-features=-lld' } });
  await build('packed', { env: { CARGO_PROFILE_DEV_SPLIT_DEBUGINFO: 'packed' } });
  await build('unpacked', { env: { CARGO_PROFILE_DEV_SPLIT_DEBUGINFO: 'unpacked' } });
}, 180_000);

afterAll(() => rm(root, { recursive: true, force: true }));

describe('fingerprintArtifact on real binaries', () => {
  it.each([
    ['cold', 'lld'],
    ['mold', 'mold'],
    ['bfd', 'bfd'],
  ] as const)('the %s build names its linker: %s', async (name, linker) => {
    const fp = await fingerprintArtifact({ path: builds[name]!.binary });
    expect(fp.linker).toBe(linker);
    expect(fp.debugInfo).toBe('inside');
    expect(fp.mismatch).toBeUndefined();
  });

  it('flags a variant that asked for mold but got the default linker', async () => {
    const fp = await fingerprintArtifact({ path: builds.cold!.binary, expect: { linker: 'mold' } });
    expect(fp.mismatch).toEqual(['asked for mold, got lld']);
  });

  it('sees packed split debug info (.dwp beside the binary, skeleton units inside)', async () => {
    const fp = await fingerprintArtifact({ path: builds.packed!.binary, expect: { debugInfo: 'packed', linker: 'lld' } });
    expect(fp.debugInfo).toBe('packed');
    expect(fp.mismatch).toBeUndefined();
    const inside = await fingerprintArtifact({ path: builds.cold!.binary, expect: { debugInfo: 'packed' } });
    expect(inside.mismatch).toEqual(['asked for packed debug info, got inside']);
  });
});

describe('cache state from real cargo output', () => {
  it('counts both units rebuilt when cold, both fresh on a noop, one of two after touching main.rs', () => {
    expect(countCargoUnits(builds.cold!.lines)).toEqual({ rebuilt: 2, fresh: 0, source: 'json' });
    expect(countCargoUnits(builds.noop!.lines)).toEqual({ rebuilt: 0, fresh: 2, source: 'json' });
    expect(countCargoUnits(builds.incremental!.lines)).toEqual({ rebuilt: 1, fresh: 1, source: 'json' });
  });

  it('accepts each sample in its own state and rejects it in the opposite one', () => {
    const verdict = (name: string, cache: 'cold' | 'noop' | 'incremental') => checkCacheState({ cache, ...countCargoUnits(builds[name]!.lines) });
    expect([verdict('cold', 'cold'), verdict('noop', 'noop'), verdict('incremental', 'incremental')]).toEqual(['ok', 'ok', 'ok']);
    expect(verdict('noop', 'cold')).toBe('cold sample rebuilt nothing (2 units fresh): outputs and caches were not cleared');
    expect(verdict('cold', 'noop')).toBe('noop sample rebuilt 2 units: something changes between builds');
    expect(verdict('cold', 'incremental')).toBe('incremental sample rebuilt all 2 units: a full rebuild, not an incremental one');
  });
});

describe('cargo timings and duplicates', () => {
  it('reads the --timings report of the cold build: the dependency ends before the app unit', async () => {
    const t = await parseCargoTimings(join(root, 'target/default/cargo-timings/cargo-timing.html'));
    expect(t.units.map((u) => u.name).sort()).toEqual(['greet', 'insight-app']);
    expect(t.app?.name).toBe('insight-app');
    expect(t.phases.dependencies).toBeLessThanOrEqual(t.phases.app!);
  });

  it('counts crates compiled in two versions, without writing to the workdir', async () => {
    const dups = join(root, 'dups');
    await cp(join(FIXTURES, 'rust-dups'), dups, { recursive: true });
    await execa('cargo', ['build', '--offline', '-q'], { cwd: dups, env: { RUSTFLAGS: '' } });
    expect(await cargoDuplicates(dups)).toEqual({ count: 1, crates: [{ name: 'greet', versions: ['0.1.0', '0.2.0'] }] });
    expect(await cargoDuplicates(app)).toEqual({ count: 0, crates: [] });
    const insight = await inspectArtifact({ workdir: dups, artifact: { path: 'target/debug/dups-app', kind: 'file' } });
    expect(insight.duplicateCrates).toBe(1);
  });
});

describe('inspectArtifact', () => {
  it('counts the .dwo files an unpacked binary names as its split debug info, inside the workdir only', async () => {
    // The oracle: binutils' readelf, which resolves each skeleton unit's DW_AT_dwo_name itself. Not every
    // .dwo in deps/ is named (a codegen unit the link dropped), and incremental/ holds hard links of the rest.
    const dump = await execa('readelf', ['--debug-dump=info', builds.unpacked!.binary], { reject: false });
    const named = [...new Set([...dump.stdout.matchAll(/Found separate debug object file: (\S+\.dwo)$/gm)].map((m) => m[1]!))];
    expect(named.length).toBeGreaterThan(1);
    const bytes = (await Promise.all(named.map((f) => stat(f)))).reduce((sum, st) => sum + st.size, 0);
    const artifact = { path: relative(root, builds.unpacked!.binary), kind: 'file' as const };
    const insight = await inspectArtifact({ workdir: root, artifact, expect: { debugInfo: 'unpacked' } });
    expect(insight.fingerprint?.debugInfo).toBe('unpacked');
    expect(insight.fingerprint?.mismatch).toBeUndefined();
    expect(insight.debugBytes).toBe(bytes);
    // The same binary seen from a workdir that does not hold its target dir: nothing outside is counted.
    expect((await inspectArtifact({ workdir: app, artifact: { path: relative(app, builds.unpacked!.binary), kind: 'file' } })).debugBytes).toBe(0);
  });

  it('writes the fingerprint in the results-file shape, versions included', async () => {
    const insight = await inspectArtifact({
      workdir: app,
      artifact: { path: relative(app, builds.mold!.binary), kind: 'file' },
      expect: { linker: 'mold', debugInfo: 'packed' },
    });
    expect(insight).toEqual({
      fingerprint: { linker: 'mold', linkerVersion: expect.stringMatching(/^\d+\.\d+/), debugInfo: 'inside', mismatch: ['asked for packed debug info, got inside'] },
      duplicateCrates: 0,
      // The probe stage writes these two for every artifact it reads (probe/artifact-files.ts): a single binary
      // with its debug info inside lists no entries and no split debug info.
      largest: [],
      debugBytes: 0,
    });
    expect(await inspectArtifact({ workdir: app, artifact: { path: 'nowhere', kind: 'missing' } })).toEqual({});
  });
});
