// The .deb probe on real packages built here with dpkg-deb --build: the control fields, Installed-Size in
// bytes, a package without Installed-Size, and files that are not .debs (an ar archive of another kind, a
// plain file) recognised without a process.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDeb, parseControlFields, readDeb } from '../../../src/probe/formats/deb.ts';
import { withRange } from '../../../src/probe/formats/file-range.ts';
import { inspectArtifact } from '../../../src/probe/inspect-artifact.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

/** A real .deb holding usr/bin/hello (a shell script), built by dpkg-deb; returns its path. */
export function buildDeb(dir: string, control: Record<string, string>): string {
  const root = path.join(dir, 'pkg');
  mkdirSync(path.join(root, 'DEBIAN'), { recursive: true });
  mkdirSync(path.join(root, 'usr', 'bin'), { recursive: true });
  writeFileSync(path.join(root, 'usr', 'bin', 'hello'), '#!/bin/sh\necho hello\n');
  chmodSync(path.join(root, 'usr', 'bin', 'hello'), 0o755);
  const fields = Object.entries(control).map(([k, v]) => `${k}: ${v}`);
  writeFileSync(path.join(root, 'DEBIAN', 'control'), `${fields.join('\n')}\n`);
  const deb = path.join(dir, 'hello.deb');
  execFileSync('dpkg-deb', ['--root-owner-group', '--build', root, deb], { stdio: 'pipe' });
  return deb;
}

const CONTROL = {
  Package: 'bb-hello',
  Version: '1.2.3',
  Architecture: 'amd64',
  Maintainer: 'buildbench <bb@example.invalid>',
  'Installed-Size': '4242',
  Description: 'a test package\n with a continuation line',
};

const tmp = () => tempDir('bb-deb-');

describe('.deb probe', () => {
  it('reads the control fields of a real .deb, Installed-Size in bytes', async () => {
    const deb = buildDeb(tmp(), CONTROL);
    const pkg = await withRange(deb, (reader) => readDeb({ path: deb, reader }));
    expect(pkg).toEqual({ format: 'deb', name: 'bb-hello', version: '1.2.3', architecture: 'amd64', installedBytes: 4242 * 1024 });
    // The artifact probe records it on the artifact.
    const dir = path.dirname(deb);
    const insight = await inspectArtifact({ workdir: dir, artifact: { path: 'hello.deb', kind: 'file' } });
    expect(insight.package).toEqual(pkg);
  });

  it('records null for a package without Installed-Size', async () => {
    const { 'Installed-Size': _, ...rest } = CONTROL;
    const deb = buildDeb(tmp(), rest);
    const pkg = await withRange(deb, (reader) => readDeb({ path: deb, reader }));
    expect(pkg?.installedBytes).toBeNull();
    expect(pkg?.name).toBe('bb-hello');
  });

  it('tells a .deb from another ar archive and from a plain file', async () => {
    const dir = tmp();
    const deb = buildDeb(dir, CONTROL);
    writeFileSync(path.join(dir, 'member.txt'), 'x');
    const lib = path.join(dir, 'lib.a');
    execFileSync('ar', ['rc', lib, 'member.txt'], { cwd: dir });
    writeFileSync(path.join(dir, 'plain'), '!<arch>\nnot really');
    expect(await withRange(deb, isDeb)).toBe(true);
    expect(await withRange(lib, isDeb)).toBe(false);
    expect(await withRange(path.join(dir, 'plain'), (reader) => readDeb({ path: path.join(dir, 'plain'), reader }))).toBeNull();
    const insight = await inspectArtifact({ workdir: dir, artifact: { path: 'lib.a', kind: 'file' } });
    expect(insight.package).toBeUndefined();
    // A folder artifact (the package's own staging tree here) is no package either.
    expect((await inspectArtifact({ workdir: dir, artifact: { path: 'pkg', kind: 'dir' } })).package).toBeUndefined();
  });

  it('parses continuation lines into the field before them', () => {
    const fields = parseControlFields('Package: a\nDescription: one\n two\n .\n three\nVersion: 1\n');
    expect(fields.get('Description')).toBe('one\ntwo\n.\nthree');
    expect(fields.get('Version')).toBe('1');
  });
});
