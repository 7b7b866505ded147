// A team's .spec rewritten for one variant: the one-file template PyInstaller writes made a folder build (and back),
// excludes added to Analysis, every other line of the team's kept; a shape PyInstaller's templates never write
// refused with the reason. One real PyInstaller build proves the copy builds the other shape.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSpecRewrite, specCopyCommand, specCopyPath } from '../../src/scenario/presets/pyinstaller-spec.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/** PyInstaller 6's `pyi-makespec --onefile hello.py`, with a comment of the team's inside EXE. */
const ONEFILE = `# -*- mode: python ; coding: utf-8 -*-
a = Analysis(
    ['hello.py'],
    pathex=[],
    excludes=["tkinter"],
    noarchive=False,
)
pyz = PYZ(a.pure)

exe = EXE(
    pyz,
    a.scripts,
    a.binaries,
    a.datas,
    [],
    name='hello',
    debug=False,
    strip=False,
    upx=True,
    console=True,  # the team's own comment
)
`;

function folder(files: Record<string, string>): string {
  const dir = tempDir('bb-spec-');
  for (const [f, text] of Object.entries(files)) writeFileSync(path.join(dir, f), text);
  return dir;
}

/** The copy the variant's set-up writes, by running that set-up command with sh in `dir`. */
function copyOf(opts: { dir: string; shape: 'onefile' | 'onedir'; excludes?: string[]; spec?: string }): string {
  const spec = opts.spec ?? 'hello.spec';
  execFileSync('sh', ['-c', specCopyCommand({ python: 'python3', spec, variant: 'v', shape: opts.shape, excludes: opts.excludes ?? [] })], { cwd: opts.dir });
  return readFileSync(path.join(opts.dir, specCopyPath(spec, 'v')), 'utf8');
}

describe('a copy of the team\'s spec with one thing changed', () => {
  it('makes the one-file template a folder build that PyInstaller builds, the team\'s comment kept', () => {
    const dir = folder({ 'hello.spec': ONEFILE, 'hello.py': 'print("hi")\n' });
    const onedir = copyOf({ dir, shape: 'onedir' });
    expect(onedir).toContain('    [],\n    exclude_binaries=True,\n    name=\'hello\',');
    expect(onedir).not.toMatch(/EXE\([^)]*a\.binaries/);
    expect(onedir).toContain("coll = COLLECT(\n    exe,\n    a.binaries,\n    a.datas,\n    strip=False,\n    upx=True,\n    upx_exclude=[],\n    name='hello',\n)");
    expect(onedir).toContain('console=True,  # the team\'s own comment');
    execFileSync(fileURLToPath(new URL('../../.tools/venv/bin/pyinstaller', import.meta.url)), ['--noconfirm', '--log-level', 'WARN', specCopyPath('hello.spec', 'v')], { cwd: dir, stdio: 'ignore' });
    expect(statSync(path.join(dir, 'dist/hello')).isDirectory()).toBe(true);
    expect(execFileSync(path.join(dir, 'dist/hello/hello'), { encoding: 'utf8' })).toBe('hi\n');
  }, 120_000);

  it('makes the folder template one file again, and adds excludes to the team\'s own', () => {
    const dir = folder({ 'hello.spec': ONEFILE });
    writeFileSync(path.join(dir, 'dir.spec'), copyOf({ dir, shape: 'onedir' }));
    const back = copyOf({ dir, spec: 'dir.spec', shape: 'onefile', excludes: ['__main__', 'pytest'] });
    expect(back).toContain('    a.scripts, a.binaries, a.datas,\n    [],\n    name=\'hello\',');
    expect(back).not.toContain('COLLECT');
    expect(back).not.toContain('exclude_binaries');
    expect(back).toContain('excludes=["tkinter", \'__main__\', \'pytest\'],');
    // Already that shape: only the excludes change.
    expect(copyOf({ dir, shape: 'onefile', excludes: ['pytest'] })).toBe(ONEFILE.replace('["tkinter"]', '["tkinter", \'pytest\']'));
  });

  it('refuses a shape PyInstaller never writes, with the reason', () => {
    const dir = folder({
      'multi.spec': "a = Analysis(['a.py'])\nb = Analysis(['b.py'])\nexe = EXE(PYZ(a.pure), a.scripts, name='a')\n",
      'listed.spec': "a = Analysis(['a.py'])\nparts = a.binaries + a.datas\nexe = EXE(PYZ(a.pure), a.scripts, parts, name='a')\n",
      'bundle.spec': "a = Analysis(['a.py'])\nexe = EXE(PYZ(a.pure), a.scripts, [], exclude_binaries=True, name='a')\ncoll = COLLECT(exe, a.binaries, a.datas, name='a')\napp = BUNDLE(coll, name='a.app')\n",
    });
    const reason = (spec: string, shape: 'onefile' | 'onedir') => checkSpecRewrite({ specFile: path.join(dir, spec), shape, excludes: [] });
    expect(reason('multi.spec', 'onedir')).toBe(`buildbench cannot make a onedir copy of ${path.join(dir, 'multi.spec')}: it has 2 Analysis(...) calls at its top level, not one`);
    expect(reason('listed.spec', 'onedir')).toMatch(/: its EXE\(\.\.\.\) takes none of a\.binaries\/a\.datas as arguments, so it is not the one-file shape$/);
    expect(reason('bundle.spec', 'onefile')).toMatch(/: what COLLECT\(\.\.\.\) makes is used on line 4 \(a BUNDLE\?\)$/);
    expect(reason('bundle.spec', 'onedir')).toBeUndefined();
    expect(existsSync(path.join(dir, 'bundle.v.spec'))).toBe(false);
  });
});
