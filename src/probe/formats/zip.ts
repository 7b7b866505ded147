// Zip listing from the central directory, for PEX and shiv zipapps (a shebang line, or a whole scie, may
// precede the zip). Record layouts from PKWARE APPNOTE.TXT 6.3.x §4.3.12 (central directory header),
// §4.3.16 (end of central directory) and §4.3.14–15 / §4.5.3 (Zip64). Like Python's zipfile, offsets are
// corrected by the bytes prepended before the zip.
import { inflateRawSync } from 'node:zlib';
import type { RangeReader } from './file-range.ts';

export interface ZipEntry {
  name: string;
  /** Bytes as stored (compressed). */
  bytes: number;
  uncompressedBytes: number;
  method: number;
  /** Absolute file offset of the local header. */
  localHeader: number;
}

export interface ZipListing {
  /** Bytes before the zip starts (a shebang, a scie-jump and its files). */
  prefixBytes: number;
  entries: ZipEntry[];
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_EOCD_SEARCH = 22 + 0xffff;

function findEocd(tail: Buffer): number {
  for (let i = tail.length - 22; i >= 0; i--) if (tail.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/** The zip's entries, or null when the file has no end-of-central-directory record. */
export async function readZipListing(reader: RangeReader): Promise<ZipListing | null> {
  const tailStart = Math.max(0, reader.size - MAX_EOCD_SEARCH);
  const tail = await reader.read(tailStart, reader.size - tailStart);
  const at = findEocd(tail);
  if (at === -1) return null;
  const eocdPos = tailStart + at;
  let count = tail.readUInt16LE(at + 10);
  let cdSize = tail.readUInt32LE(at + 12);
  let cdOffset = tail.readUInt32LE(at + 16);
  let recordPos = eocdPos;
  // Zip64: the record sits right before its 20-byte locator (no extensible data sector in practice); reading
  // it there, rather than at the locator's offset, keeps working when bytes were prepended to the zip.
  const z64Pos = eocdPos - 20 - 56;
  const locator = z64Pos >= 0 ? await reader.read(eocdPos - 20, 20) : null;
  if (locator && locator.readUInt32LE(0) === ZIP64_LOCATOR) {
    const rec = await reader.read(z64Pos, 56);
    if (rec.readUInt32LE(0) === ZIP64_EOCD) {
      count = Number(rec.readBigUInt64LE(32));
      cdSize = Number(rec.readBigUInt64LE(40));
      cdOffset = Number(rec.readBigUInt64LE(48));
      recordPos = z64Pos;
    }
  }
  const cdPos = recordPos - cdSize;
  const prefixBytes = cdPos - cdOffset;
  if (cdPos < 0 || prefixBytes < 0) return null;
  const cd = await reader.read(cdPos, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count && p + 46 <= cd.length && cd.readUInt32LE(p) === CENTRAL; i++) {
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    const sizes = [cd.readUInt32LE(p + 24), cd.readUInt32LE(p + 20), cd.readUInt32LE(p + 42)];
    readZip64Extra(cd.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen), sizes);
    entries.push({
      name: cd.toString('utf8', p + 46, p + 46 + nameLen),
      uncompressedBytes: sizes[0]!,
      bytes: sizes[1]!,
      localHeader: sizes[2]! + prefixBytes,
      method: cd.readUInt16LE(p + 10),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { prefixBytes, entries };
}

/** Replaces 0xFFFFFFFF sizes/offset (in the order uncompressed, compressed, offset) from the Zip64 extra. */
function readZip64Extra(extra: Buffer, values: number[]): void {
  let p = 0;
  while (p + 4 <= extra.length) {
    const id = extra.readUInt16LE(p);
    const size = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      for (let k = 0; k < values.length && q + 8 <= p + 4 + size; k++) {
        if (values[k] === 0xffffffff) {
          values[k] = Number(extra.readBigUInt64LE(q));
          q += 8;
        }
      }
      return;
    }
    p += 4 + size;
  }
}

/** The uncompressed bytes of one entry (stored or deflated); rejects on a missing local header or another compression method. */
export async function readZipEntry(opts: { reader: RangeReader; entry: ZipEntry }): Promise<Buffer> {
  const { reader, entry } = opts;
  const header = await reader.read(entry.localHeader, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) throw new Error(`no local header for ${entry.name}`);
  const dataStart = entry.localHeader + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const data = await reader.read(dataStart, entry.bytes);
  if (entry.method === 0) return data;
  if (entry.method === 8) return inflateRawSync(data);
  throw new Error(`unsupported zip compression method ${entry.method} for ${entry.name}`);
}
