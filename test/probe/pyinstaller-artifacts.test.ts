// End-to-end on a real PyInstaller hello-world (test/fixtures/probe/py-hello) whose debug-only code path
// imports pygments: built onefile, onedir (reusing the onefile build's Analysis) and onefile with
// `--exclude-module pygments`. PyInstaller comes from buildbench's tool env (.tools/venv, made by
// `npm run setup`) or BUILDBENCH_PYINSTALLER.
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { cp, mkdir, rm, stat, symlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frozenContents } from '../../src/probe/python/contents.ts';
import { fingerprintArtifact } from '../../src/probe/fingerprint.ts';
import { inspectArtifact } from '../../src/probe/inspect-artifact.ts';
import type { ArchiveContents } from '../../src/probe/python/package-sizes.ts';
import { checkPyInstallerCache, readPyInstallerTargets } from '../../src/probe/python/pyinstaller-cache.ts';
import { parsePyInstallerPhases } from '../../src/probe/python/pyinstaller-phases.ts';
import { unusedHeavyModules } from '../../src/probe/python/unused-modules.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const TOOLS_PYINSTALLER = join(REPO, '.tools/venv/bin/pyinstaller');
const PYINSTALLER = process.env.BUILDBENCH_PYINSTALLER || (existsSync(TOOLS_PYINSTALLER) ? TOOLS_PYINSTALLER : '');
const SKIP = PYINSTALLER ? '' : ` (skipped: no ${TOOLS_PYINSTALLER} — run \`npm run setup\` — and BUILDBENCH_PYINSTALLER is unset)`;

let root = '';
const logs: Record<string, string[]> = {};
const paths = { onefile: '', onedir: '', excludes: '' };
const contents: Record<string, ArchiveContents> = {};

/**
 * pygments must be importable by PyInstaller's interpreter. The tool env does not ship it, so borrow one
 * installed for some system Python (Debian: python3-pygments) through `--paths`, as a venv would have it.
 */
async function pygmentsPaths(): Promise<string[]> {
  const python = join(dirname(PYINSTALLER), 'python');
  const probe = 'import pygments, os; print(os.path.dirname(pygments.__path__[0]))';
  if ((await execa(python, ['-c', probe], { reject: false })).exitCode === 0) return [];
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    const found = await execa(candidate, ['-c', probe], { reject: false });
    if (found.exitCode !== 0) continue;
    const site = join(root, 'site');
    await mkdir(site, { recursive: true });
    await symlink(join(found.stdout.trim(), 'pygments'), join(site, 'pygments'));
    return ['--paths', site];
  }
  throw new Error('pygments is importable neither by PyInstaller’s Python nor by python3: install python3-pygments');
}

async function pyinstaller(name: string, args: string[]): Promise<void> {
  const result = await execa('nice', ['-n', '10', PYINSTALLER, '--noconfirm', '--specpath', join(root, `spec-${name}`), ...args, 'hello.py'], {
    cwd: join(root, 'app'),
    env: { PYINSTALLER_CONFIG_DIR: join(root, 'config') },
    all: true,
  });
  logs[name] = result.all.split('\n');
}

beforeAll(async () => {
  if (!PYINSTALLER) return;
  root = tempDir('bb-insight-py-');
  await cp(join(REPO, 'test/fixtures/probe/py-hello'), join(root, 'app'), { recursive: true });
  const extra = await pygmentsPaths();
  const work = join(root, 'build');
  await pyinstaller('onefile', ['--onefile', '--workpath', work, '--distpath', join(root, 'dist'), ...extra]);
  // Same workpath: the onedir build reuses the onefile build's Analysis (PyInstaller's cache).
  await pyinstaller('onedir', ['--onedir', '--workpath', work, '--distpath', join(root, 'dist-onedir'), ...extra]);
  await pyinstaller('excludes', ['--onefile', '--exclude-module', 'pygments', '--workpath', join(root, 'build-ex'), '--distpath', join(root, 'dist-ex'), ...extra]);
  paths.onefile = join(root, 'dist/hello');
  paths.onedir = join(root, 'dist-onedir/hello');
  paths.excludes = join(root, 'dist-ex/hello');
  for (const [name, path] of Object.entries(paths)) contents[name] = (await frozenContents(path))!;
}, 240_000);

afterAll(() => (root ? rm(root, { recursive: true, force: true }) : undefined));

const bytesOf = (c: ArchiveContents | undefined, name: string) => c?.packages.find((p) => p.name === name)?.bytes;

describe.skipIf(!PYINSTALLER)(`PyInstaller artifacts${SKIP}`, () => {
  it('fingerprints onefile and onedir, with versions from the artifact and the log', async () => {
    const onefile = await fingerprintArtifact({ path: paths.onefile, buildLog: logs.onefile, expect: { packager: 'pyinstaller', shape: 'onedir' } });
    expect(onefile).toMatchObject({ packager: 'pyinstaller', shape: 'onefile', mismatch: ['asked for onedir shape, got onefile'] });
    expect(onefile.packagerVersion).toMatch(/^\d+\.\d+/);
    expect(onefile.pythonVersion).toMatch(/^3\.\d+\.\d+/);
    expect(onefile.linker).toBeUndefined();
    const onedir = await fingerprintArtifact({ path: paths.onedir, expect: { packager: 'pyinstaller', shape: 'onedir' } });
    expect(onedir).toMatchObject({ packager: 'pyinstaller', shape: 'onedir' });
    expect(onedir.pythonVersion).toMatch(/^3\.\d+$/);
    expect(onedir.mismatch).toBeUndefined();
  });

  it('lists pygments with its bytes in onefile and onedir, and its packages add up to the artifact', async () => {
    const pygments = bytesOf(contents.onefile, 'pygments')!;
    expect(pygments).toBeGreaterThan(0);
    // Same PYZ, so the same compressed modules.
    expect(bytesOf(contents.onedir, 'pygments')).toBe(pygments);
    const onefile = contents.onefile!;
    expect(onefile.totalBytes).toBe((await stat(paths.onefile)).size);
    expect(onefile.packages.reduce((sum, p) => sum + p.bytes, 0)).toBe(onefile.totalBytes);
    expect(contents.onedir!.shape).toBe('onedir');
    expect(contents.onedir!.packages.reduce((sum, p) => sum + p.bytes, 0)).toBe(contents.onedir!.totalBytes);
  });

  it('suggests excluding pygments, and the excludes build lacks it and is smaller by at least its bytes', () => {
    const pygments = bytesOf(contents.onefile, 'pygments')!;
    const unused = unusedHeavyModules(contents.onefile!);
    expect(unused).toContainEqual({ module: 'pygments', bytes: pygments, files: expect.any(Number), suggestion: '--exclude-module pygments' });
    expect(bytesOf(contents.excludes, 'pygments')).toBeUndefined();
    expect(unusedHeavyModules(contents.excludes!)).toEqual([]);
    expect(contents.onefile!.totalBytes - contents.excludes!.totalBytes).toBeGreaterThanOrEqual(pygments);
  });

  it('fills the results file: fingerprint with versions, heaviest packages, the unused one to drop', async () => {
    const insight = await inspectArtifact({ workdir: root, artifact: { path: 'dist/hello', kind: 'file' }, buildLog: logs.onefile });
    expect(insight.fingerprint).toEqual({
      packager: 'pyinstaller',
      packagerVersion: expect.stringMatching(/^\d+\.\d+/),
      pythonVersion: expect.stringMatching(/^3\.\d+\.\d+$/),
      shape: 'onefile',
    });
    expect(insight.largest).toHaveLength(10);
    expect(insight.largest).toContainEqual({ path: 'pygments', bytes: bytesOf(contents.onefile, 'pygments') });
    expect(insight.unused).toEqual([{ module: 'pygments', bytes: bytesOf(contents.onefile, 'pygments'), suggestion: '--exclude-module pygments' }]);
    expect(insight.duplicateCrates).toBeUndefined();
  });

  it('sees the onefile build cold and the onedir build reuse its Analysis', () => {
    expect(checkPyInstallerCache({ cache: 'cold', targets: readPyInstallerTargets(logs.onefile!) })).toBe('ok');
    const onedir = readPyInstallerTargets(logs.onedir!);
    expect(onedir.find((t) => t.name === 'Analysis')).toEqual({ name: 'Analysis', rebuilt: false, reason: null });
    expect(checkPyInstallerCache({ cache: 'warm', targets: onedir })).toBe('ok');
    expect(checkPyInstallerCache({ cache: 'cold', targets: onedir })).toMatch(/^cold sample reused PyInstaller's cached Analysis, PYZ/);
  });

  it('splits the builds into phases in order, Analysis taking most of a cold build', () => {
    const cold = parsePyInstallerPhases(logs.onefile!);
    expect(Object.keys(cold.phases)).toEqual(['Analysis', 'PYZ', 'PKG', 'EXE']);
    const ends = Object.values(cold.phases);
    expect(ends).toEqual([...ends].sort((a, b) => a - b));
    expect(Object.keys(parsePyInstallerPhases(logs.onedir!).phases)).toEqual(['Analysis', 'PYZ', 'PKG', 'EXE', 'COLLECT']);
    // Cached, the onedir build's Analysis is a fraction of the cold one.
    expect(parsePyInstallerPhases(logs.onedir!).durations.Analysis!).toBeLessThan(cold.durations.Analysis! / 3);
  });
});
