// Which packager froze a Python app, in which shape, for which Python — read from the artifact alone.
// PyInstaller: a CArchive (see probe/formats/carchive.ts); onefile carries libpython inside, onedir beside it in `_internal/`.
// PEX: a zip (or a loose/packed directory) with a PEX-INFO JSON whose build_properties.pex_version names the
// pex that built it. shiv: a zip with environment.json ("shiv_version"). A scie: see scie.ts.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { withRange, type RangeReader } from '../formats/file-range.ts';
import { findPyInstallerArchive, isOnefile, pythonVersionOf } from './pyinstaller-archive.ts';
import { readScieManifest } from './scie.ts';
import { readZipEntry, readZipListing } from '../formats/zip.ts';

export interface FrozenPython {
  packager: 'pyinstaller' | 'pex' | 'shiv' | 'zipapp' | 'scie';
  packagerVersion: string | null;
  pythonVersion: string | null;
  shape: 'onefile' | 'onedir' | 'zipapp' | 'scie' | 'loose' | 'packed';
  evidence: string;
}

const asRecord = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/** "3.11" from a shebang such as "#!/usr/bin/env python3.11"; null for a bare "python3". */
export function pythonFromShebang(head: string): string | null {
  const first = head.split('\n', 1)[0] ?? '';
  return first.startsWith('#!') ? (/python(\d+\.\d+)/.exec(first)?.[1] ?? null) : null;
}

/** pex_version and the interpreter version from PEX-INFO, when it recorded one. */
export function readPexInfo(json: string): { pexVersion: string | null; pythonVersion: string | null } {
  const props = asRecord(asRecord(JSON.parse(json)).build_properties);
  const version = Array.isArray(props.version) ? props.version.slice(0, 2).join('.') : null;
  return { pexVersion: typeof props.pex_version === 'string' ? props.pex_version : null, pythonVersion: version };
}

async function detectFile(reader: RangeReader): Promise<FrozenPython | null> {
  const archive = await findPyInstallerArchive(reader);
  if (archive) {
    const shape = isOnefile(archive) ? 'onefile' : 'onedir';
    return { packager: 'pyinstaller', packagerVersion: null, pythonVersion: pythonVersionOf(archive), shape, evidence: `CArchive cookie, ${archive.pythonLib}` };
  }
  const scie = await readScieManifest(reader);
  if (scie) {
    const pex = scie.files.some((f) => f.name === 'pex' || f.name.endsWith('.pex')) || scie.extraKeys.includes('pex');
    const python = scie.files.map((f) => /(?:cpython|python)-?(\d+\.\d+)/.exec(f.name)?.[1]).find((v) => v !== undefined) ?? null;
    const packager = pex ? 'pex' : 'scie';
    return { packager, packagerVersion: pex ? null : scie.jumpVersion, pythonVersion: python, shape: 'scie', evidence: `scie lift manifest (scie-jump ${scie.jumpVersion ?? '?'})` };
  }
  const zip = await readZipListing(reader);
  if (!zip) return null;
  const head = (await reader.read(0, 256)).toString('latin1');
  const shebangPython = pythonFromShebang(head);
  const byName = new Map(zip.entries.map((e) => [e.name, e]));
  const pexInfo = byName.get('PEX-INFO');
  if (pexInfo) {
    const info = readPexInfo((await readZipEntry({ reader, entry: pexInfo })).toString('utf8'));
    return { packager: 'pex', packagerVersion: info.pexVersion, pythonVersion: shebangPython ?? info.pythonVersion, shape: 'zipapp', evidence: 'PEX-INFO in zip' };
  }
  const env = byName.get('environment.json');
  if (env) {
    const doc = asRecord(JSON.parse((await readZipEntry({ reader, entry: env })).toString('utf8')));
    const version = typeof doc.shiv_version === 'string' ? doc.shiv_version : null;
    return { packager: 'shiv', packagerVersion: version, pythonVersion: shebangPython, shape: 'zipapp', evidence: 'environment.json in zip' };
  }
  if (byName.has('__main__.py')) return { packager: 'zipapp', packagerVersion: null, pythonVersion: shebangPython, shape: 'zipapp', evidence: '__main__.py in zip' };
  return null;
}

async function detectDir(dir: string): Promise<FrozenPython | null> {
  const names = await readdir(dir);
  if (names.includes('PEX-INFO')) {
    const info = readPexInfo(await readFile(join(dir, 'PEX-INFO'), 'utf8'));
    const deps = names.includes('.deps') ? await readdir(join(dir, '.deps')) : [];
    const packed = await Promise.all(deps.map(async (d) => (await stat(join(dir, '.deps', d))).isFile()));
    const shape = packed.some(Boolean) ? 'packed' : 'loose';
    return { packager: 'pex', packagerVersion: info.pexVersion, pythonVersion: info.pythonVersion, shape, evidence: 'PEX-INFO in directory' };
  }
  for (const name of names) {
    const path = join(dir, name);
    if (!(await stat(path)).isFile()) continue;
    const found = await withRange(path, async (reader) => (reader.size > 0 ? findPyInstallerArchive(reader) : null));
    if (found && !isOnefile(found))
      return { packager: 'pyinstaller', packagerVersion: null, pythonVersion: pythonVersionOf(found), shape: 'onedir', evidence: `CArchive cookie in ${name}, ${found.pythonLib}` };
  }
  return null;
}

/** The frozen-Python facts of an artifact (file or directory), or null when it is none of the known kinds. */
export async function detectFrozenPython(path: string): Promise<FrozenPython | null> {
  const info = await stat(path);
  if (info.isDirectory()) return detectDir(path);
  return withRange(path, detectFile);
}
