// Whether `.debug_info` holds full compile units or only skeletons pointing at split `.dwo` data.
// DWARF 5 marks a skeleton in the unit header (unit_type DW_UT_skeleton = 4); DWARF 4 "GNU split DWARF"
// (what rustc emits with split-debuginfo on Linux) marks it with a DW_AT_GNU_dwo_name attribute on the
// compile unit's abbreviation. Layouts: DWARF 5 standard §7.5.1 (unit headers) and §7.5.3 (abbreviations);
// the GNU extension: https://gcc.gnu.org/wiki/DebugFission.

const DW_UT_TYPE = 2;
const DW_UT_SKELETON = 4;
const DW_UT_SPLIT_COMPILE = 5;
const DW_UT_SPLIT_TYPE = 6;
const DW_TAG_COMPILE_UNIT = 0x11;
const DW_TAG_SKELETON_UNIT = 0x4a;
const DW_AT_DWO_NAME = 0x76;
const DW_AT_GNU_DWO_NAME = 0x2130;
const DW_FORM_IMPLICIT_CONST = 0x21;

export interface UnitCensus {
  /** Compile units whose debug info lives in the binary. */
  full: number;
  /** Skeleton units whose debug info is in `.dwo`/`.dwp` files. */
  skeleton: number;
}

function uleb(buf: Buffer, pos: number): [value: number, next: number] {
  let value = 0;
  let shift = 0;
  let p = pos;
  for (;;) {
    const byte = buf[p++];
    if (byte === undefined) return [value, p];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if ((byte & 0x80) === 0) return [value, p];
  }
}

/** Abbreviation code → (tag, attribute names) for the table that starts at `offset`. */
function abbreviations(abbrev: Buffer, offset: number): Map<number, { tag: number; attrs: number[] }> {
  const table = new Map<number, { tag: number; attrs: number[] }>();
  let p = offset;
  while (p < abbrev.length) {
    const [code, afterCode] = uleb(abbrev, p);
    if (code === 0) break;
    const [tag, afterTag] = uleb(abbrev, afterCode);
    p = afterTag + 1; // DW_CHILDREN_yes/no
    const attrs: number[] = [];
    for (;;) {
      const [name, afterName] = uleb(abbrev, p);
      const [form, afterForm] = uleb(abbrev, afterName);
      p = afterForm;
      if (form === DW_FORM_IMPLICIT_CONST) p = uleb(abbrev, p)[1]; // a SLEB128; same length rule
      if (name === 0 && form === 0) break;
      attrs.push(name);
    }
    table.set(code, { tag, attrs });
  }
  return table;
}

/** Counts full and skeleton compile units by walking the unit headers of `.debug_info`. */
export function censusUnits(opts: { info: Buffer; abbrev: Buffer; littleEndian: boolean }): UnitCensus {
  const { info, abbrev, littleEndian } = opts;
  const u16 = (o: number) => (littleEndian ? info.readUInt16LE(o) : info.readUInt16BE(o));
  const u32 = (o: number) => (littleEndian ? info.readUInt32LE(o) : info.readUInt32BE(o));
  const u64 = (o: number) => Number(littleEndian ? info.readBigUInt64LE(o) : info.readBigUInt64BE(o));
  const tables = new Map<number, ReturnType<typeof abbreviations>>();
  const census: UnitCensus = { full: 0, skeleton: 0 };
  let p = 0;
  while (p + 11 <= info.length) {
    let length = u32(p);
    let header = p + 4;
    const dwarf64 = length === 0xffffffff;
    if (dwarf64) {
      length = u64(p + 4);
      header = p + 12;
    }
    const end = header + length;
    if (length === 0 || end > info.length) break;
    const version = u16(header);
    const offsetSize = dwarf64 ? 8 : 4;
    const readOffset = (o: number) => (dwarf64 ? u64(o) : u32(o));
    let abbrevOffset: number;
    let diePos: number;
    let skeleton = false;
    if (version >= 5) {
      const unitType = info[header + 2];
      if (unitType === DW_UT_TYPE || unitType === DW_UT_SPLIT_TYPE) {
        p = end; // type units describe types, not compilations
        continue;
      }
      skeleton = unitType === DW_UT_SKELETON;
      abbrevOffset = readOffset(header + 4);
      diePos = header + 4 + offsetSize + (unitType === DW_UT_SKELETON || unitType === DW_UT_SPLIT_COMPILE ? 8 : 0);
    } else {
      abbrevOffset = readOffset(header + 2);
      diePos = header + 2 + offsetSize + 1;
    }
    if (!skeleton) {
      let table = tables.get(abbrevOffset);
      if (!table) tables.set(abbrevOffset, (table = abbreviations(abbrev, abbrevOffset)));
      const entry = table.get(uleb(info, diePos)[0]);
      skeleton =
        entry !== undefined &&
        (entry.tag === DW_TAG_SKELETON_UNIT ||
          (entry.tag === DW_TAG_COMPILE_UNIT && entry.attrs.some((a) => a === DW_AT_GNU_DWO_NAME || a === DW_AT_DWO_NAME)));
    }
    if (skeleton) census.skeleton++;
    else census.full++;
    p = end;
  }
  return census;
}
