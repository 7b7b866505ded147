// PyInstaller from buildbench's tool env (.tools/venv, made by `npm run setup`) freezing a hello world:
// onefile is one executable; onedir is a folder with the executable and `_internal/`. Measured here
// (PyInstaller 6.22, Debian's Python 3.11): onefile ≈ 7.1 MB, onedir ≈ 17.3 MB, because onefile's archive
// is zlib-compressed and onedir's files are not. The test asserts that direction, not the sizes.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILDBENCH_ROOT } from '../../src/common/where.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const pyinstaller = path.join(BUILDBENCH_ROOT, '.tools/venv/bin/pyinstaller');
const provisioned = existsSync(pyinstaller);
const work = tempDir('bb-pyinstaller-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function bytesOf(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return st.size;
  return readdirSync(p).reduce((sum, entry) => sum + bytesOf(path.join(p, entry)), 0);
}

function freeze(mode: 'onefile' | 'onedir'): string {
  const name = `hello-${mode}`;
  execFileSync(
    pyinstaller,
    ['--noconfirm', `--${mode}`, '--name', name, '--distpath', 'dist', '--workpath', `build-${mode}`, '--specpath', `build-${mode}`, 'hello.py'],
    { cwd: work, stdio: 'pipe', env: { ...process.env, PYINSTALLER_CONFIG_DIR: path.join(work, 'pyinstaller-cache') } },
  );
  return path.join(work, 'dist', name);
}

describe.skipIf(!provisioned)(`PyInstaller onefile vs onedir (needs ${pyinstaller}: run \`npm run setup\`)`, () => {
  it('freezes one file vs a folder with _internal/, onedir larger, both print the greeting', () => {
    writeFileSync(path.join(work, 'hello.py'), 'print("hello from frozen")\n');
    const onefile = freeze('onefile');
    const onedir = freeze('onedir');

    expect(statSync(onefile).isFile()).toBe(true);
    expect(statSync(onedir).isDirectory()).toBe(true);
    expect(readdirSync(onedir).sort()).toEqual(['_internal', 'hello-onedir']);
    expect(statSync(path.join(onedir, '_internal')).isDirectory()).toBe(true);

    expect(execFileSync(onefile, { encoding: 'utf8' })).toBe('hello from frozen\n');
    expect(execFileSync(path.join(onedir, 'hello-onedir'), { encoding: 'utf8' })).toBe('hello from frozen\n');

    // Measured direction: the compressed single file is smaller than the unpacked folder.
    expect(bytesOf(onedir)).toBeGreaterThan(bytesOf(onefile) * 1.5);
  }, 180_000);
});
