// Where an ELF file's debug info is: inside it, split into a packed `.dwp` beside it, split into unpacked
// `.dwo` files (skeleton units only, no `.dwp`), in a separate file named by `.gnu_debuglink`, or nowhere.
// rustc's split-debuginfo=packed writes `<bin>.dwp`; =unpacked leaves `.dwo` files under target/…/deps.
import { access } from 'node:fs/promises';
import { censusUnits } from '../formats/dwarf-units.ts';
import { findSection, readSection, type ElfFile } from '../formats/elf.ts';
import type { RangeReader } from '../formats/file-range.ts';

export type DebugInfoPlace = 'inside' | 'packed' | 'unpacked' | 'debuglink' | 'none';

export interface DebugInfoFinding {
  debugInfo: DebugInfoPlace;
  /** Compile units with their debug info inside / skeletons pointing elsewhere; null when not read. */
  units: { full: number; skeleton: number } | null;
  /** Unpacked: the absolute `.dwo` paths the skeleton units name (the side files to count with the binary). */
  dwoFiles?: string[];
}

/**
 * The absolute `.dwo` paths in string sections. A skeleton unit names its `.dwo` by DW_AT_dwo_name (with
 * DW_AT_comp_dir); rustc writes the absolute path, as a string in `.debug_str` (`.debug_line_str` too),
 * so the NUL-separated strings ending in `.dwo` are the split units' files, without parsing DWARF forms.
 */
function dwoPathsIn(sections: readonly Buffer[]): string[] {
  const found = new Set<string>();
  for (const data of sections) {
    for (const s of data.toString('latin1').split('\0')) if (s.startsWith('/') && s.endsWith('.dwo')) found.add(s);
  }
  return [...found].sort();
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Pure decision from what was found; exported for table tests. */
export function placeDebugInfo(opts: {
  hasDebugInfo: boolean;
  units: { full: number; skeleton: number } | null;
  hasDwp: boolean;
  hasDebugLink: boolean;
}): DebugInfoPlace {
  if (!opts.hasDebugInfo) return opts.hasDebugLink ? 'debuglink' : 'none';
  // A split build still links std's precompiled (full) units, so any skeleton means the build split;
  // a `.dwp` beside a binary without skeletons is left over from an earlier build.
  if (opts.units && opts.units.skeleton === 0) return 'inside';
  if (opts.hasDwp) return 'packed';
  return opts.units ? 'unpacked' : 'inside';
}

/**
 * Where the debug info of the ELF file at `path` is: inside, packed in a `.dwp` beside it, unpacked in `.dwo`
 * files it names (listed in `dwoFiles`), behind a `.gnu_debuglink`, or none; with the count of full and
 * skeleton compile units. Rejects when the file cannot be read.
 */
export async function findDebugInfo(opts: { path: string; reader: RangeReader; elf: ElfFile }): Promise<DebugInfoFinding> {
  const { path, reader, elf } = opts;
  const info = findSection(elf, '.debug_info');
  const abbrev = findSection(elf, '.debug_abbrev');
  let units: DebugInfoFinding['units'] = null;
  if (info && abbrev) {
    const [infoData, abbrevData] = await Promise.all([
      readSection({ reader, elf, section: info }),
      readSection({ reader, elf, section: abbrev }),
    ]);
    if (infoData && abbrevData) units = censusUnits({ info: infoData, abbrev: abbrevData, littleEndian: elf.littleEndian });
  }
  const hasDwp = info !== undefined && (await exists(`${path}.dwp`));
  const debugInfo = placeDebugInfo({
    hasDebugInfo: info !== undefined && info.size > 0,
    units,
    hasDwp,
    hasDebugLink: findSection(elf, '.gnu_debuglink') !== undefined,
  });
  if (debugInfo !== 'unpacked') return { debugInfo, units };
  const strings = ['.debug_str', '.debug_line_str'].map((name) => findSection(elf, name)).filter((x) => x !== undefined);
  const data = await Promise.all(strings.map((section) => readSection({ reader, elf, section })));
  return { debugInfo, units, dwoFiles: dwoPathsIn(data.filter((d): d is Buffer => d !== null)) };
}
