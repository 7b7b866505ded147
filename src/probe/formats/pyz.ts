// PyInstaller's PYZ (ZlibArchive): the byte-compiled pure-Python modules, each zlib-compressed on its own.
// Layout from PyInstaller 6.x `PyInstaller/loader/pyimod01_archive.py` (ZlibArchiveReader): "PYZ\0",
// 4 bytes of Python bytecode magic, a big-endian i32 offset of the table of contents, which is a marshalled
// list of (name, (typecode, offset, length)). Typecodes: 0 module, 1 package, 2 data, 3 namespace package.
import type { RangeReader } from './file-range.ts';
import { readMarshal } from './marshal.ts';

const PYZ_MAGIC = Buffer.from('PYZ\0', 'latin1');

export interface PyzEntry {
  /** Dotted module name, e.g. "pygments.lexers.python". */
  name: string;
  type: 'module' | 'package' | 'data' | 'namespace';
  /** Compressed bytes of the entry as shipped. */
  bytes: number;
}

const TYPES: Record<number, PyzEntry['type']> = { 0: 'module', 1: 'package', 2: 'data', 3: 'namespace' };

export class PyzError extends Error {}

/** The table of contents of the PYZ stored at byte offsets [start, start + length) of the file; rejects with PyzError when it is not one. */
export async function readPyzToc(opts: { reader: RangeReader; start: number; length: number }): Promise<PyzEntry[]> {
  const { reader, start, length } = opts;
  const head = await reader.read(start, 12);
  if (head.length < 12 || !head.subarray(0, 4).equals(PYZ_MAGIC)) throw new PyzError('PYZ magic pattern mismatch');
  const tocOffset = head.readInt32BE(8);
  if (tocOffset < 12 || tocOffset > length) throw new PyzError(`PYZ table of contents offset ${tocOffset} is outside the archive`);
  const toc = readMarshal(await reader.read(start + tocOffset, length - tocOffset));
  if (!Array.isArray(toc)) throw new PyzError('PYZ table of contents is not a list');
  return toc.map((item) => {
    const [name, info] = Array.isArray(item) ? item : [];
    const [type, , bytes] = Array.isArray(info) ? info : [];
    if (typeof name !== 'string' || typeof type !== 'number' || typeof bytes !== 'number')
      throw new PyzError('unexpected PYZ table of contents entry');
    return { name, type: TYPES[type] ?? 'data', bytes };
  });
}
