// What a PEX or shiv zipapp ships, by top-level package, from the zip's central directory.
// PEX (pex 2.x): the runtime under `.bootstrap/` (and `__pex__/`, `PEX-INFO`, `__main__.py`), each dependency
// under `.deps/<wheel file name>/`, the app's own sources at the root. A "packed" PEX directory holds each
// dependency as one zipped wheel in `.deps/`; a "loose" one as a directory.
// shiv: the runtime under `_bootstrap/` (and `environment.json`, `__main__.py`), everything else under
// `site-packages/`.
import { stat } from 'node:fs/promises';
import { relative } from 'node:path';
import { withRange } from '../formats/file-range.ts';
import { groupPackages, type ArchiveContents, type ShippedItem } from './package-sizes.ts';
import { walkFiles } from '../../common/walk-files.ts';
import { readZipListing } from '../formats/zip.ts';

const PEX_RUNTIME = /^(?:\.bootstrap\/|__pex__\/|PEX-INFO$|__main__\.py$|\.layout\.json$)/;
const SHIV_RUNTIME = /^(?:_bootstrap\/|environment\.json$|__main__\.py$)/;

/** "Pygments-2.14.0-py3-none-any.whl" → "Pygments" (PEP 427 file name: distribution-version-…). */
export function wheelDistribution(wheel: string): string {
  return wheel.split('-')[0] ?? wheel;
}

/** Maps a path inside a PEX to the item it ships; pure. */
export function pexItem(path: string, bytes: number): ShippedItem {
  if (PEX_RUNTIME.test(path)) return { path: '(pex bootstrap)', bytes };
  const dep = /^\.deps\/([^/]+\.whl)(?:\/(.*))?$/.exec(path);
  if (!dep) return { path, bytes };
  const distribution = wheelDistribution(dep[1]!);
  // A packed layout's `.deps/X.whl` is one zip, and pex's own bookkeeping inside an installed wheel
  // (X.pex-info/, X.dist-info/, .layout.json, .prefix/): attribute them to the distribution as a whole.
  const inner = dep[2] ?? '';
  const bookkeeping = inner === '' || /^(?:[^/]+\.(?:pex-info|dist-info|data)(?:\/|$)|\.layout\.json$|\.prefix(?:\/|$))/.test(inner);
  return { path: bookkeeping ? distribution.toLowerCase() : inner, bytes, distribution };
}

/** Maps a path inside a shiv zipapp to the item it ships; pure. */
export function shivItem(path: string, bytes: number): ShippedItem {
  if (SHIV_RUNTIME.test(path)) return { path: '(shiv bootstrap)', bytes };
  return { path: path.replace(/^site-packages\//, ''), bytes };
}


/** The packages inside a PEX (zipapp, packed or loose directory) or a shiv/zipapp file, with their bytes, largest first; rejects when a file is not a zip. */
export async function zipAppContents(path: string): Promise<ArchiveContents> {
  if ((await stat(path)).isDirectory()) {
    const files = await walkFiles(path);
    const packed = files.some((f) => /\/\.deps\/[^/]+\.whl$/.test(f.path));
    const items = files.map((f) => pexItem(relative(path, f.path), f.bytes));
    const totalBytes = files.reduce((sum, f) => sum + f.bytes, 0);
    return { packager: 'pex', shape: packed ? 'packed' : 'loose', totalBytes, packages: groupPackages(items) };
  }
  return withRange(path, async (reader) => {
    const zip = await readZipListing(reader);
    if (!zip) throw new Error(`${path} is not a zip file`);
    const files = zip.entries.filter((e) => !e.name.endsWith('/'));
    const names = new Set(files.map((e) => e.name));
    const packager = names.has('PEX-INFO') ? 'pex' : names.has('environment.json') ? 'shiv' : 'zipapp';
    const toItem = packager === 'pex' ? pexItem : packager === 'shiv' ? shivItem : (p: string, b: number) => ({ path: p, bytes: b });
    const items = files.map((e) => toItem(e.name, e.bytes));
    // What precedes the zip (a shebang line, or a scie's jump and interpreter) and the zip's own headers
    // and index (plus a scie's trailing manifest) ship too.
    const stored = files.reduce((sum, e) => sum + e.bytes, 0);
    if (zip.prefixBytes > 0) items.push({ path: '(launcher before the zip)', bytes: zip.prefixBytes });
    items.push({ path: '(zip headers and index)', bytes: Math.max(0, reader.size - zip.prefixBytes - stored) });
    return { packager, shape: 'zipapp', totalBytes: reader.size, packages: groupPackages(items) };
  });
}
