import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeDebugInfo } from '../../src/probe/rust/debug-info.ts';
import { commentStrings, firstNoteDescription, linkerFromMarkers } from '../../src/probe/rust/elf-linker.ts';
import { compareWithExpect, fingerprintArtifact, pyinstallerVersionsFromLog } from '../../src/probe/fingerprint.ts';
import { pythonFromShebang, readPexInfo } from '../../src/probe/python/frozen-python.ts';
import { withRange } from '../../src/probe/formats/file-range.ts';
import { readMarshal } from '../../src/probe/formats/marshal.ts';
import { parseLiftManifest, readScieManifest } from '../../src/probe/python/scie.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe('linkerFromMarkers', () => {
  // .comment strings as `readelf -p .comment` printed them for binaries linked on this machine.
  it.each([
    [['rustc version 1.95.0 (59807616e 2026-04-14)', 'Linker: LLD 22.1.2 (/checkout/src/llvm-project/llvm 1cb4e38)', 'GCC: (Debian 12.2.0-14+deb12u1) 12.2.0'], 'lld', '22.1.2'],
    [['rustc version 1.95.0 (59807616e 2026-04-14)', 'mold 1.10.1 (compatible with GNU ld)', 'GCC: (Debian 12.2.0-14+deb12u1) 12.2.0'], 'mold', '1.10.1'],
    [['GCC: (Debian 12.2.0-14+deb12u1) 12.2.0', 'rustc version 1.95.0 (59807616e 2026-04-14)'], 'bfd', null],
    [['LLD 7.0.0 (https://llvm.org 7.0.0)'], 'lld', '7.0.0'],
    [[], 'bfd', null],
  ] as const)('%j → %s %s', (comments, linker, version) => {
    const got = linkerFromMarkers({ comments });
    expect(got.linker).toBe(linker);
    expect(got.version).toBe(version);
  });

  it('names gold from its version note even when .comment says nothing', () => {
    expect(linkerFromMarkers({ comments: ['GCC: (Debian 12.2.0-14+deb12u1) 12.2.0'], goldNote: 'gold 1.16' })).toEqual({
      linker: 'gold',
      version: '1.16',
      evidence: 'gold 1.16',
    });
  });

  it('splits .comment on NUL and reads a note description', () => {
    expect(commentStrings(Buffer.from('\0GCC: x\0rustc y\0\0'))).toEqual(['GCC: x', 'rustc y']);
    // namesz 4 ("GNU\0"), descsz 9 ("gold 1.16"), type 4 (NT_GNU_GOLD_VERSION)
    const note = Buffer.concat([Buffer.from([4, 0, 0, 0, 9, 0, 0, 0, 4, 0, 0, 0]), Buffer.from('GNU\0gold 1.16\0\0\0', 'latin1')]);
    expect(firstNoteDescription(note, true)).toBe('gold 1.16');
  });
});

describe('placeDebugInfo', () => {
  it.each([
    [{ hasDebugInfo: true, units: { full: 36, skeleton: 0 }, hasDwp: false, hasDebugLink: false }, 'inside'],
    [{ hasDebugInfo: true, units: { full: 12, skeleton: 24 }, hasDwp: true, hasDebugLink: false }, 'packed'],
    [{ hasDebugInfo: true, units: { full: 12, skeleton: 24 }, hasDwp: false, hasDebugLink: false }, 'unpacked'],
    [{ hasDebugInfo: true, units: { full: 36, skeleton: 0 }, hasDwp: true, hasDebugLink: false }, 'inside'],
    [{ hasDebugInfo: false, units: null, hasDwp: false, hasDebugLink: true }, 'debuglink'],
    [{ hasDebugInfo: false, units: null, hasDwp: false, hasDebugLink: false }, 'none'],
  ] as const)('%j → %s', (found, place) => {
    expect(placeDebugInfo(found)).toBe(place);
  });
});

describe('compareWithExpect', () => {
  it.each([
    [{ linker: 'mold' }, { linker: 'lld' }, ['asked for mold, got lld']],
    [{ linker: 'mold' }, { linker: 'mold' }, []],
    [{ linker: 'mold', debugInfo: 'packed' }, { linker: 'mold', debugInfo: 'inside' }, ['asked for packed debug info, got inside']],
    [{ linker: 'lld' }, { packager: 'pyinstaller', shape: 'onefile' }, ['asked for lld, but the artifact is frozen by pyinstaller']],
    [{ linker: 'bfd' }, {}, ['asked for bfd, but the artifact is not a native ELF file']],
    [{ packager: 'PyInstaller', shape: 'onedir' }, { packager: 'pyinstaller', shape: 'onefile' }, ['asked for onedir shape, got onefile']],
    [{ packager: 'pex' }, {}, ['asked for pex, but no known packager was recognised']],
  ] as const)('%j vs %j', (asked, found, mismatch) => {
    expect(compareWithExpect(asked, found)).toEqual(mismatch);
  });
});

describe('frozen-Python metadata', () => {
  it('reads the Python version from a shebang', () => {
    expect(pythonFromShebang('#!/usr/bin/env python3.11\nPK…')).toBe('3.11');
    expect(pythonFromShebang('#!/usr/bin/env python3\n')).toBeNull();
    expect(pythonFromShebang('PK\x03\x04')).toBeNull();
  });

  it('reads PEX-INFO build properties', async () => {
    const info = await readFile(new URL('../fixtures/probe/PEX-INFO', import.meta.url), 'utf8');
    expect(readPexInfo(info)).toEqual({ pexVersion: '2.105.2', pythonVersion: null });
    expect(readPexInfo('{"build_properties":{"pex_version":"2.1.0","version":[3,12,1]}}')).toEqual({ pexVersion: '2.1.0', pythonVersion: '3.12' });
  });

  it('reads PyInstaller and Python versions from its log', async () => {
    const log = (await readFile(new URL('../fixtures/probe/pyinstaller-onefile-cold.log', import.meta.url), 'utf8')).split('\n');
    expect(pyinstallerVersionsFromLog(log)).toEqual({ pyinstaller: '6.22.3', python: '3.11.2' });
  });
});

describe('readMarshal', () => {
  // Bytes from CPython 3.11: marshal.dumps([('a', (0, 17, 2319)), ('b.c', (1, 5, 7))]) (0x80 flags a back-referenceable object).
  it('decodes the PYZ table-of-contents subset', () => {
    const bytes = Buffer.from('5b02000000a902da0161a903e900000000e911000000e90f090000a902fa03622e63a903e901000000e905000000e907000000', 'hex');
    expect(readMarshal(bytes)).toEqual([
      ['a', [0, 17, 2319]],
      ['b.c', [1, 5, 7]],
    ]);
  });

  it('follows back-references to an object seen before', () => {
    // s = 'pygments.lexers'; marshal.dumps([(s, 1), (s, 2)]): the second s is 'r' + index 0.
    const bytes = Buffer.from('5b020000002902fa0f7079676d656e74732e6c6578657273e90100000029027200000000e902000000', 'hex');
    expect(readMarshal(bytes)).toEqual([
      ['pygments.lexers', 1],
      ['pygments.lexers', 2],
    ]);
  });

  it('rejects types the table of contents never uses', () => {
    expect(() => readMarshal(Buffer.from('e7', 'hex'))).toThrow('unsupported marshal type "g" at byte 0');
  });
});

describe('scie lift manifest', () => {
  let dir = '';
  beforeAll(async () => {
    dir = tempDir('bb-scie-');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const manifest =
    '{"scie":{"lift":{"name":"sidecar","base":"~/.nce","files":[{"name":"cpython-3.11.9+20240726-x86_64-unknown-linux-gnu-install_only.tar.gz","key":"cpython","size":29000000,"type":"tar.gz"},{"name":"sidecar.pex","size":1200000,"type":"blob"}],"boot":{"commands":{"":{"exe":"{cpython}/python/bin/python3.11","args":["{sidecar.pex}"]}}}},"jump":{"size":1557952,"version":"1.1.1"}}}';

  it('parses the manifest and rejects JSON that is not one', () => {
    expect(parseLiftManifest(manifest)?.jumpVersion).toBe('1.1.1');
    expect(parseLiftManifest('{"scie":{}}')).toBeNull();
    expect(parseLiftManifest('not json')).toBeNull();
  });

  it('gives an empty or truncated file no fingerprint rather than throwing', async () => {
    const empty = join(dir, 'empty');
    const truncated = join(dir, 'truncated');
    await writeFile(empty, '');
    await writeFile(truncated, Buffer.from(`\x7fELF\x02\x01\x01${'\0'.repeat(50)}`, 'latin1'));
    expect(await fingerprintArtifact({ path: truncated })).toEqual({ evidence: [] });
    expect(await fingerprintArtifact({ path: empty, expect: { linker: 'lld' } })).toEqual({
      evidence: [],
      mismatch: ['asked for lld, but the artifact is not a native ELF file'],
    });
  });

  it('finds the trailing manifest of a cat-assembled scie (binary, files, newline, manifest)', async () => {
    const path = join(dir, 'sidecar');
    await writeFile(path, Buffer.concat([Buffer.from('\x7fELF'), Buffer.alloc(4096, 7), Buffer.from(`\n${manifest}\n`)]));
    const found = await withRange(path, readScieManifest);
    expect(found).toEqual({
      name: 'sidecar',
      jumpVersion: '1.1.1',
      base: '~/.nce',
      files: [
        { name: 'cpython-3.11.9+20240726-x86_64-unknown-linux-gnu-install_only.tar.gz', key: 'cpython', bytes: 29000000, type: 'tar.gz' },
        { name: 'sidecar.pex', key: null, bytes: 1200000, type: 'blob' },
      ],
      extraKeys: [],
    });
  });
});
