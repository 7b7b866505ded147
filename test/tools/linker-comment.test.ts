// Which linker wrote a binary, read back from its ELF `.comment` section, for a tiny crate without
// dependencies. On x86_64 Linux, Rust ≥ 1.90 links with its bundled rust-lld ("Linker: LLD …"); mold writes
// "mold …"; GNU ld writes no linker line at all (only the C runtime's "GCC: …" stays).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findExecutable } from '../../src/tools/detect.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const cargo = findExecutable(['cargo']);
const mold = findExecutable(['mold']);
const readelf = findExecutable(['readelf']);
const crate = tempDir('bb-linker-');
afterAll(() => rmSync(crate, { recursive: true, force: true }));

function buildWith(opts: { label: string; rustflags: string }): string {
  mkdirSync(path.join(crate, 'src'), { recursive: true });
  writeFileSync(path.join(crate, 'Cargo.toml'), '[package]\nname = "hello"\nversion = "0.1.0"\nedition = "2021"\n');
  writeFileSync(path.join(crate, 'src/main.rs'), 'fn main() { println!("hello"); }\n');
  // One target dir per linker: RUSTFLAGS are part of every unit's fingerprint.
  const target = path.join(crate, `target-${opts.label}`);
  execFileSync(cargo ?? 'cargo', ['build', '--offline', '--quiet'], {
    cwd: crate,
    stdio: 'pipe',
    env: { ...process.env, CARGO_TARGET_DIR: target, RUSTFLAGS: opts.rustflags },
  });
  const bin = path.join(target, 'debug/hello');
  expect(execFileSync(bin, { encoding: 'utf8' })).toBe('hello\n');
  return execFileSync(readelf ?? 'readelf', ['-p', '.comment', bin], { encoding: 'utf8' });
}

const cases = [
  { label: 'default', rustflags: '', present: /Linker: LLD \d+/, absent: /mold/ },
  { label: 'mold', rustflags: '-C link-arg=-fuse-ld=mold', present: /mold \d+\.\d+/, absent: /Linker: LLD/ },
  { label: 'bfd', rustflags: '-C link-arg=-fuse-ld=bfd -C linker-features=-lld', present: /GCC: /, absent: /Linker: LLD|mold/ },
];

describe.skipIf(!cargo || !mold || !readelf)('ELF .comment names the linker (needs cargo, mold, readelf: `npm run setup`)', () => {
  it.each(cases)('$label', ({ label, rustflags, present, absent }) => {
    const comment = buildWith({ label, rustflags });
    expect(comment).toMatch(present);
    expect(comment).not.toMatch(absent);
  }, 120_000);
});
