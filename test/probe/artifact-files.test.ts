// The artifact's biggest entries and its split debug info, as the probe stage (their one writer) reads them
// from real files: a folder with a hard link and debug files, a binary with a .dwp beside it, .dwo files it
// names inside and outside the workdir.
import { linkSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LARGEST, readArtifactFiles } from '../../src/probe/artifact-files.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const made: string[] = [];
afterEach(() => made.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function workdir(files: Record<string, number>): string {
  const dir = realpathSync(tempDir('bb-artfiles-'));
  made.push(dir);
  for (const [rel, bytes] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), Buffer.alloc(bytes, 1));
  }
  return dir;
}

describe('readArtifactFiles', () => {
  it('lists a folder’s biggest files, a hard-linked file once under its first name, and its debug files', async () => {
    const dir = workdir({ 'dist/big.bin': 4096, 'dist/lib/a.so': 300, 'dist/lib/a.so.debug': 200, 'dist/b.dwo': 100 });
    linkSync(path.join(dir, 'dist/big.bin'), path.join(dir, 'dist/big-again.bin'));
    const files = await readArtifactFiles({ workdir: dir, artifact: { path: 'dist', kind: 'dir' } });
    expect(files).toEqual({
      largest: [
        { path: 'big-again.bin', bytes: 4096 },
        { path: 'lib/a.so', bytes: 300 },
        { path: 'lib/a.so.debug', bytes: 200 },
        { path: 'b.dwo', bytes: 100 },
      ],
      debugBytes: 300,
    });
  });

  it('keeps the biggest LARGEST entries, equal sizes in path order', async () => {
    const dir = workdir(Object.fromEntries(Array.from({ length: LARGEST + 3 }, (_, i) => [`dist/f${String(i).padStart(2, '0')}`, i < 3 ? 10 : 5])));
    const { largest } = await readArtifactFiles({ workdir: dir, artifact: { path: 'dist', kind: 'dir' } });
    expect(largest.map((e) => e.path)).toEqual(['f00', 'f01', 'f02', 'f03', 'f04', 'f05', 'f06', 'f07', 'f08', 'f09']);
  });

  it('counts a binary’s .dwp beside it and the .dwo files it names inside the workdir, each once', async () => {
    const dir = workdir({ 'target/app': 1000, 'target/app.dwp': 70, 'target/deps/x.dwo': 20, 'target/deps/y.dwo': 5 });
    const outside = workdir({ 'z.dwo': 999 });
    linkSync(path.join(dir, 'target/deps/x.dwo'), path.join(dir, 'target/incremental-x.dwo'));
    const dwoFiles = ['target/deps/x.dwo', 'target/incremental-x.dwo', 'target/deps/y.dwo', 'target/deps/gone.dwo'].map((f) => path.join(dir, f));
    const files = await readArtifactFiles({ workdir: dir, artifact: { path: 'target/app', kind: 'file' }, dwoFiles: [...dwoFiles, path.join(outside, 'z.dwo')] });
    expect(files).toEqual({ largest: [], debugBytes: 70 + 20 + 5 });
  });
});
