// An artifact folder as a user ships it: the digest sees where a symlink points, file modes and empty
// folders; symlinks count as files; a file hard-linked under two names is on disk once and counted once.
import { chmodSync, linkSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { measureArtifact } from '../../src/runner/artifact.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const made: string[] = [];
afterEach(() => made.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const MIB = 2 ** 20;

/** A workdir with `dist/` holding lib-1.so, lib-2.so and `current.so` → `target`, shaped by `edit`. */
function build(opts: { target?: string; edit?: (dist: string) => void } = {}): string {
  const workdir = tempDir('bb-art-');
  made.push(workdir);
  const dist = path.join(workdir, 'dist');
  mkdirSync(dist);
  writeFileSync(path.join(dist, 'lib-1.so'), 'one');
  writeFileSync(path.join(dist, 'lib-2.so'), 'two');
  symlinkSync(opts.target ?? 'lib-1.so', path.join(dist, 'current.so'));
  opts.edit?.(dist);
  return workdir;
}

const measure = (workdir: string) => measureArtifact({ workdir, rel: 'dist' });

describe('artifact digest and counts', () => {
  it('differ when only a symlink target differs', async () => {
    const [one, two] = await Promise.all([measure(build({ target: 'lib-1.so' })), measure(build({ target: 'lib-2.so' }))]);
    expect(one.sha256).not.toBe(two.sha256);
    expect([one.files, one.symlinks, one.bytes]).toEqual([3, 1, 6]);
    // Built again the same way, the digest is the same: it depends on what ships, not on where or when.
    expect((await measure(build({ target: 'lib-1.so' }))).sha256).toBe(one.sha256);
  });

  it('differ when only a mode or an empty folder differs', async () => {
    const plain = (await measure(build())).sha256;
    expect((await measure(build({ edit: (d) => chmodSync(path.join(d, 'lib-2.so'), 0o755) }))).sha256).not.toBe(plain);
    expect((await measure(build({ edit: (d) => mkdirSync(path.join(d, 'plugins')) }))).sha256).not.toBe(plain);
  });

  it('count a hard-linked file once in bytes, twice in names', async () => {
    const workdir = build({
      edit: (d) => {
        writeFileSync(path.join(d, 'big.bin'), Buffer.alloc(MIB, 7));
        linkSync(path.join(d, 'big.bin'), path.join(d, 'big-again.bin'));
      },
    });
    const a = await measure(workdir);
    // `largest` (the hard-linked file once, under its first name) is the probe stage's: test/probe/artifact-files.test.ts.
    expect({ bytes: a.bytes, files: a.files, hardLinks: a.hardLinks }).toEqual({ bytes: MIB + 6, files: 5, hardLinks: 1 });
    // Two copies instead of a hard link: twice the bytes, and another digest.
    const copies = await measure(build({ edit: (d) => ['big.bin', 'big-again.bin'].forEach((f) => writeFileSync(path.join(d, f), Buffer.alloc(MIB, 7))) }));
    expect(copies.bytes).toBe(2 * MIB + 6);
    expect(copies.sha256).not.toBe(a.sha256);
  });
});
