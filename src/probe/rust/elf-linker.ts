// Which linker produced an ELF file. mold writes "mold 1.10.1 (compatible with GNU ld)" into `.comment`,
// LLD writes "Linker: LLD 22.1.2 …" (older LLD: "LLD 7.0.0"), gold writes a `.note.gnu.gold-version` note
// ("gold 1.16") and GNU ld (bfd) writes nothing of its own — so no marker means bfd. Checked on this
// machine with `readelf -p .comment` / `readelf -n` on a crate linked by each (see shared/FACTS.md).
import { findSection, readSection, type ElfFile } from '../formats/elf.ts';
import type { RangeReader } from '../formats/file-range.ts';

export type LinkerName = 'mold' | 'lld' | 'gold' | 'bfd';

export interface LinkerInfo {
  linker: LinkerName;
  /** The linker's own version string, when it wrote one. */
  version: string | null;
  /** The `.comment` line or note the decision rests on; null for bfd (absence of the others). */
  evidence: string | null;
}

/** NUL-separated strings of a `.comment` section, empty ones dropped. */
export function commentStrings(data: Buffer): string[] {
  return data
    .toString('utf8')
    .split('\0')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Linker from the `.comment` strings and an optional gold version note; pure, for table tests. */
export function linkerFromMarkers(opts: { comments: readonly string[]; goldNote?: string | null }): LinkerInfo {
  if (opts.goldNote) return { linker: 'gold', version: /gold\s+(\S+)/.exec(opts.goldNote)?.[1] ?? null, evidence: opts.goldNote };
  for (const line of opts.comments) {
    const mold = /^mold\s+(\S+)/.exec(line);
    if (mold) return { linker: 'mold', version: mold[1] ?? null, evidence: line };
  }
  for (const line of opts.comments) {
    const lld = /(?:^|Linker:\s*)LLD\s+(\S+)/.exec(line);
    if (lld) return { linker: 'lld', version: lld[1] ?? null, evidence: line };
  }
  for (const line of opts.comments) {
    if (/GNU gold/.test(line)) return { linker: 'gold', version: null, evidence: line };
  }
  return { linker: 'bfd', version: null, evidence: null };
}

/** The description of the first note in a SHT_NOTE section (namesz, descsz, type, name, desc; 4-aligned). */
export function firstNoteDescription(data: Buffer, littleEndian: boolean): string | null {
  if (data.length < 12) return null;
  const u32 = (o: number) => (littleEndian ? data.readUInt32LE(o) : data.readUInt32BE(o));
  const namesz = u32(0);
  const descsz = u32(4);
  const descStart = 12 + Math.ceil(namesz / 4) * 4;
  if (descStart + descsz > data.length) return null;
  return data.toString('utf8', descStart, descStart + descsz).replace(/\0+$/, '');
}

/**
 * Which linker wrote an ELF file, from the markers linkers leave: the strings of `.comment` (mold, LLD) and
 * gold's `.note.gnu.gold-version`; GNU ld (bfd) when there is none. Rejects when a section cannot be read.
 */
export async function detectLinker(opts: { reader: RangeReader; elf: ElfFile }): Promise<LinkerInfo> {
  const { reader, elf } = opts;
  const comment = findSection(elf, '.comment');
  const commentData = comment ? await readSection({ reader, elf, section: comment }) : null;
  const gold = findSection(elf, '.note.gnu.gold-version');
  const goldData = gold ? await readSection({ reader, elf, section: gold }) : null;
  return linkerFromMarkers({
    comments: commentData ? commentStrings(commentData) : [],
    goldNote: goldData ? firstNoteDescription(goldData, elf.littleEndian) : null,
  });
}
