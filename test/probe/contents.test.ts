// Grouping shipped files into packages, and PEX/shiv zipapps built for real with the tool env's pex and shiv.
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { cp, mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frozenContents } from '../../src/probe/python/contents.ts';
import { fingerprintArtifact } from '../../src/probe/fingerprint.ts';
import { groupPackages, topLevelName } from '../../src/probe/python/package-sizes.ts';
import { unusedHeavyModules } from '../../src/probe/python/unused-modules.ts';
import { pexItem, shivItem, wheelDistribution } from '../../src/probe/python/zip-contents.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe('topLevelName', () => {
  it.each([
    ['pygments/lexers/python.py', 'pygments'],
    ['pygments', 'pygments'],
    ['six.py', 'six'],
    ['_cffi_backend.cpython-311-x86_64-linux-gnu.so', '_cffi_backend'],
    ['libpython3.11.so.1.0', 'libpython3.11.so.1.0'],
    ['base_library.zip', 'base_library.zip'],
    ['python3.11/lib-dynload/_decimal.cpython-311-x86_64-linux-gnu.so', 'python3.11/lib-dynload'],
    ['numpy.libs/libopenblas64_p-r0.so', 'numpy'],
    ['Pygments-2.14.0.dist-info/METADATA', 'Pygments-2.14.0.dist-info'],
    ['85cae5375ceb5d1ca6c6__mypyc.cpython-311-x86_64-linux-gnu.so', '(mypyc runtime)'],
  ])('%s → %s', (path, name) => {
    expect(topLevelName(path)).toBe(name);
  });
});

describe('groupPackages', () => {
  it('sums by package, folds metadata into its package and sorts largest first', () => {
    expect(
      groupPackages([
        { path: 'pygments/lexers/python.py', bytes: 300 },
        { path: 'pygments/__init__.py', bytes: 100 },
        { path: 'Pygments-2.14.0.dist-info/METADATA', bytes: 10 },
        { path: 'PyYAML-6.0.dist-info/RECORD', bytes: 5 },
        { path: 'yaml/__init__.py', bytes: 50 },
        { path: 'libpython3.11.so.1.0', bytes: 1000 },
      ]),
    ).toEqual([
      { name: 'libpython3.11.so.1.0', bytes: 1000, files: 1 },
      { name: 'pygments', bytes: 410, files: 3 },
      { name: 'yaml', bytes: 50, files: 1 },
      // PyYAML's import name is yaml: the metadata stays apart rather than being guessed onto it.
      { name: 'PyYAML-6.0.dist-info', bytes: 5, files: 1 },
    ]);
  });
});

describe('zipapp layouts', () => {
  it.each([
    ['.bootstrap/pex/pex_info.py', { path: '(pex bootstrap)', bytes: 7 }],
    ['PEX-INFO', { path: '(pex bootstrap)', bytes: 7 }],
    ['.deps/Pygments-2.17.2-py3-none-any.whl/pygments/lexer.py', { path: 'pygments/lexer.py', bytes: 7, distribution: 'Pygments' }],
    ['.deps/Pygments-2.17.2-py3-none-any.whl', { path: 'pygments', bytes: 7, distribution: 'Pygments' }],
    ['.deps/jedi-0.20.1-py2.py3-none-any.whl/jedi-0.20.1.pex-info/original-whl-info.txt', { path: 'jedi', bytes: 7, distribution: 'jedi' }],
    ['.deps/pygments-2.21.0-py3-none-any.whl/.layout.json', { path: 'pygments', bytes: 7, distribution: 'pygments' }],
    ['.deps/pygments-2.21.0-py3-none-any.whl/.prefix/bin/pygmentize', { path: 'pygments', bytes: 7, distribution: 'pygments' }],
    ['app.py', { path: 'app.py', bytes: 7 }],
  ])('pex %s', (path, item) => {
    expect(pexItem(path, 7)).toEqual(item);
  });

  it.each([
    ['_bootstrap/environment.py', '(shiv bootstrap)'],
    ['environment.json', '(shiv bootstrap)'],
    ['site-packages/pygments/lexer.py', 'pygments/lexer.py'],
  ])('shiv %s → %s', (path, mapped) => {
    expect(shivItem(path, 1).path).toBe(mapped);
  });

  it('names the distribution of a wheel file', () => {
    expect(wheelDistribution('typing_extensions-4.12.2-py3-none-any.whl')).toBe('typing_extensions');
  });
});

// The tool env (`npm run setup`) puts pex and shiv beside pyinstaller.
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BIN = process.env.BUILDBENCH_PYINSTALLER ? join(process.env.BUILDBENCH_PYINSTALLER, '..') : join(REPO, '.tools/venv/bin');
const HAVE_TOOLS = existsSync(join(BIN, 'pex')) && existsSync(join(BIN, 'shiv'));

describe.skipIf(!HAVE_TOOLS)(`PEX and shiv zipapps${HAVE_TOOLS ? '' : ` (skipped: no pex/shiv in ${BIN})`}`, () => {
  let root = '';
  beforeAll(async () => {
    root = tempDir('bb-insight-zipapp-');
    // Sources only (pex -D / shiv --site-packages): no index, no network. A fake "pygments" package stands
    // in for the real one so the test needs nothing installed.
    const src = join(root, 'src');
    await cp(fileURLToPath(new URL('../fixtures/probe/py-hello/hello.py', import.meta.url)), join(src, 'hello.py'));
    await mkdir(join(src, 'pygments'), { recursive: true });
    await cp(fileURLToPath(new URL('../fixtures/probe/py-hello/hello.py', import.meta.url)), join(src, 'pygments/__init__.py'));
    await execa(join(BIN, 'pex'), ['-D', src, '-e', 'hello:main', '-o', join(root, 'hello.pex')]);
    await execa(join(BIN, 'shiv'), ['--site-packages', src, '-e', 'hello:main', '-o', join(root, 'hello.pyz')]);
  }, 120_000);
  afterAll(() => rm(root, { recursive: true, force: true }));

  it.each([
    ['hello.pex', 'pex', '(pex bootstrap)', 'remove pygments from the PEX’s sources'],
    ['hello.pyz', 'shiv', '(shiv bootstrap)', 'remove pygments from the requirements'],
  ])('%s: fingerprint, contents that add up, and the dev package found', async (file, packager, runtime, suggestion) => {
    const path = join(root, file);
    const fp = await fingerprintArtifact({ path, expect: { packager, shape: 'zipapp' } });
    expect(fp).toMatchObject({ packager, shape: 'zipapp' });
    expect(fp.packagerVersion).toMatch(/^\d+\.\d+/);
    expect(fp.mismatch).toBeUndefined();
    const contents = (await frozenContents(path))!;
    expect(contents.totalBytes).toBe((await stat(path)).size);
    expect(contents.packages.reduce((sum, p) => sum + p.bytes, 0)).toBe(contents.totalBytes);
    expect(contents.packages.map((p) => p.name)).toEqual(expect.arrayContaining([runtime, 'hello', 'pygments']));
    expect(unusedHeavyModules(contents).map((u) => u.suggestion)).toEqual([suggestion]);
  });
});
