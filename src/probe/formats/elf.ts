// ELF section headers, read directly so the fingerprint needs no readelf. Layout from the System V ABI,
// "ELF header" and "Sections" (https://refspecs.linuxfoundation.org/elf/gabi4+/ch4.eheader.html), for
// ELFCLASS32/64 and either byte order. Extended numbering (e_shnum = 0, e_shstrndx = SHN_XINDEX) is honoured.
import { inflateSync } from 'node:zlib';
import type { RangeReader } from './file-range.ts';

export interface ElfSection {
  name: string;
  type: number;
  flags: number;
  offset: number;
  size: number;
}

export interface ElfFile {
  is64: boolean;
  littleEndian: boolean;
  sections: ElfSection[];
}

const ELF_MAGIC = Buffer.from([0x7f, 0x45, 0x4c, 0x46]);
const SHT_NOBITS = 8;
const SHF_COMPRESSED = 0x800;
const SHN_XINDEX = 0xffff;
const ELFCOMPRESS_ZLIB = 1;

/** The section table of an ELF file, or null when the file is not ELF. */
export async function readElf(reader: RangeReader): Promise<ElfFile | null> {
  const h = await reader.read(0, 64);
  if (h.length < 52 || !h.subarray(0, 4).equals(ELF_MAGIC)) return null;
  const is64 = h[4] === 2;
  if (is64 && h.length < 64) return null;
  const littleEndian = h[5] === 1;
  const u16 = (b: Buffer, o: number) => (littleEndian ? b.readUInt16LE(o) : b.readUInt16BE(o));
  const u32 = (b: Buffer, o: number) => (littleEndian ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const word = (b: Buffer, o: number) =>
    is64 ? Number(littleEndian ? b.readBigUInt64LE(o) : b.readBigUInt64BE(o)) : u32(b, o);
  const shoff = word(h, is64 ? 0x28 : 0x20);
  const shentsize = u16(h, is64 ? 0x3a : 0x2e);
  let shnum = u16(h, is64 ? 0x3c : 0x30);
  let shstrndx = u16(h, is64 ? 0x3e : 0x32);
  if (shoff === 0 || shentsize === 0) return { is64, littleEndian, sections: [] };
  const first = await reader.read(shoff, shentsize);
  if (shnum === 0) shnum = word(first, is64 ? 0x20 : 0x14);
  if (shstrndx === SHN_XINDEX) shstrndx = u32(first, is64 ? 0x28 : 0x18);
  const table = await reader.read(shoff, shnum * shentsize);
  const raw = Array.from({ length: Math.floor(table.length / shentsize) }, (_, i) => {
    const o = i * shentsize;
    return {
      nameOffset: u32(table, o),
      type: u32(table, o + 4),
      flags: word(table, o + 8),
      offset: word(table, is64 ? o + 0x18 : o + 0x10),
      size: word(table, is64 ? o + 0x20 : o + 0x14),
    };
  });
  const strtab = raw[shstrndx];
  const names = strtab ? await reader.read(strtab.offset, strtab.size) : Buffer.alloc(0);
  const sections = raw.map((s) => {
    const end = names.indexOf(0, s.nameOffset);
    return {
      name: names.toString('latin1', s.nameOffset, end === -1 ? names.length : end),
      type: s.type,
      flags: s.flags,
      offset: s.offset,
      size: s.size,
    };
  });
  return { is64, littleEndian, sections };
}

/** The section called `name` (e.g. `.comment`), or undefined. */
export function findSection(elf: ElfFile, name: string): ElfSection | undefined {
  return elf.sections.find((s) => s.name === name);
}

/**
 * The bytes of a section, decompressed when it is SHF_COMPRESSED with zlib. Returns null for a
 * zstd-compressed section: Node 20's zlib has no zstd (it arrives in Node 22.15).
 */
export async function readSection(opts: { reader: RangeReader; elf: ElfFile; section: ElfSection }): Promise<Buffer | null> {
  const { reader, elf, section } = opts;
  if (section.type === SHT_NOBITS) return Buffer.alloc(0);
  const data = await reader.read(section.offset, section.size);
  if ((section.flags & SHF_COMPRESSED) === 0) return data;
  // Elf64_Chdr is 24 bytes (type, reserved, size, align), Elf32_Chdr 12 bytes (type, size, align).
  const type = elf.littleEndian ? data.readUInt32LE(0) : data.readUInt32BE(0);
  if (type !== ELFCOMPRESS_ZLIB) return null;
  return inflateSync(data.subarray(elf.is64 ? 24 : 12));
}
