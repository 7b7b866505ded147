// PyInstaller's CArchive (PKG): the archive a onefile executable carries (on Linux in an ELF section
// `pydata`, elsewhere appended) and a onedir executable carries for its PYZ. Layout from PyInstaller
// 6.x `PyInstaller/archive/readers.py` (CArchiveReader): a cookie at the end of the archive,
//   char magic[8] = "MEI\014\013\012\013\016"; u32 pkg_length, toc_offset, toc_length, python_version;
//   char python_libname[64]   (network byte order)
// and TOC entries `u32 entry_length, offset, length, uncompressed_length; u8 compression_flag;
// char typecode; char name[]` (name NUL-padded to entry_length).
import type { RangeReader } from './file-range.ts';

const CARCHIVE_MAGIC = Buffer.from('MEI\x0c\x0b\x0a\x0b\x0e', 'latin1');
const COOKIE_LENGTH = 88;
const TOC_HEADER_LENGTH = 18;
/** How far back from the end to look for the cookie: an ELF section table may follow the archive. */
const SCAN_BYTES = 1 << 20;

export interface CArchiveEntry {
  name: string;
  /** Typecode: b binary, x data, z PYZ, m/M module/package, s script, o option, d dependency … */
  type: string;
  offset: number;
  bytes: number;
  uncompressedBytes: number;
  compressed: boolean;
}

export interface CArchive {
  /** Absolute file offset where the archive starts (entry offsets are relative to it). */
  start: number;
  /** e.g. 311 for Python 3.11. */
  pythonVersion: number;
  /** e.g. "libpython3.11.so.1.0". */
  pythonLib: string;
  entries: CArchiveEntry[];
  options: string[];
}

/** Finds the last cookie within `SCAN_BYTES` of `end` (default: end of file). */
async function findCookie(reader: RangeReader, end: number): Promise<number | null> {
  const from = Math.max(0, end - SCAN_BYTES);
  const tail = await reader.read(from, end - from);
  const at = tail.lastIndexOf(CARCHIVE_MAGIC);
  return at === -1 ? null : from + at;
}

function parseCArchiveToc(toc: Buffer): { entries: CArchiveEntry[]; options: string[] } {
  const entries: CArchiveEntry[] = [];
  const options: string[] = [];
  let p = 0;
  while (p + TOC_HEADER_LENGTH <= toc.length) {
    const entryLength = toc.readUInt32BE(p);
    if (entryLength < TOC_HEADER_LENGTH) break;
    const name = toc.toString('utf8', p + TOC_HEADER_LENGTH, p + entryLength).replace(/\0+$/, '');
    const type = String.fromCharCode(toc[p + 17] ?? 0);
    if (type === 'o') options.push(name);
    else
      entries.push({
        name,
        type,
        offset: toc.readUInt32BE(p + 4),
        bytes: toc.readUInt32BE(p + 8),
        uncompressedBytes: toc.readUInt32BE(p + 12),
        compressed: toc[p + 16] === 1,
      });
    p += entryLength;
  }
  return { entries, options };
}

/**
 * The CArchive in a file, or null when there is none. `end` narrows the search to a region (the end of
 * the `pydata` section); without it the cookie is searched near the end of the file.
 */
export async function readCArchive(opts: { reader: RangeReader; end?: number }): Promise<CArchive | null> {
  const { reader } = opts;
  const cookieAt = await findCookie(reader, opts.end ?? reader.size);
  if (cookieAt === null) return null;
  const cookie = await reader.read(cookieAt, COOKIE_LENGTH);
  if (cookie.length < COOKIE_LENGTH) return null;
  const pkgLength = cookie.readUInt32BE(8);
  const tocOffset = cookie.readUInt32BE(12);
  const tocLength = cookie.readUInt32BE(16);
  const pythonVersion = cookie.readUInt32BE(20);
  const pythonLib = cookie.toString('utf8', 24, 88).replace(/\0.*$/s, '');
  const start = cookieAt + COOKIE_LENGTH - pkgLength;
  if (start < 0 || pythonLib === '') return null;
  const toc = await reader.read(start + tocOffset, tocLength);
  return { start, pythonVersion, pythonLib, ...parseCArchiveToc(toc) };
}
