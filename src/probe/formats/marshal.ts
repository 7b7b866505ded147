// A reader for the subset of Python's marshal format that PyInstaller's PYZ table of contents uses: a list
// of (name, (typecode, offset, length)) tuples. Type codes and the FLAG_REF back-reference scheme from
// CPython's Python/marshal.c (version 4, Python 3.4+). Code objects and floats are not needed and rejected.

export type MarshalValue = null | boolean | number | bigint | string | Buffer | MarshalValue[];

const FLAG_REF = 0x80;

export class MarshalError extends Error {}

/** Decodes one marshalled value from the start of `buf`. */
export function readMarshal(buf: Buffer): MarshalValue {
  let p = 0;
  const refs: MarshalValue[] = [];
  const i32 = () => {
    const v = buf.readInt32LE(p);
    p += 4;
    return v;
  };
  const str = (length: number, encoding: BufferEncoding) => {
    const s = buf.toString(encoding, p, p + length);
    p += length;
    return s;
  };
  const read = (): MarshalValue => {
    const code = buf[p++];
    if (code === undefined) throw new MarshalError('marshal data ends early');
    const flagged = (code & FLAG_REF) !== 0;
    const slot = flagged ? refs.push(null) - 1 : -1;
    const keep = <T extends MarshalValue>(v: T): T => {
      if (flagged) refs[slot] = v;
      return v;
    };
    const type = String.fromCharCode(code & ~FLAG_REF);
    switch (type) {
      case 'N':
        return null;
      case 'T':
        return true;
      case 'F':
        return false;
      case 'i':
        return keep(i32());
      case 'l': {
        // Sign-magnitude, base 2**15 digits, least significant first.
        const n = i32();
        let v = 0n;
        for (let d = 0; d < Math.abs(n); d++) v += BigInt(buf.readUInt16LE(p + 2 * d)) << BigInt(15 * d);
        p += 2 * Math.abs(n);
        return keep(n < 0 ? -v : v);
      }
      case 'z':
      case 'Z':
        return keep(str(buf[p++] ?? 0, 'latin1'));
      case 'a':
      case 'A':
        return keep(str(i32(), 'latin1'));
      case 'u':
      case 't':
        return keep(str(i32(), 'utf8'));
      case 's': {
        const n = i32();
        p += n;
        return keep(buf.subarray(p - n, p));
      }
      case ')':
      case '(':
      case '[': {
        const n = type === ')' ? (buf[p++] ?? 0) : i32();
        const items: MarshalValue[] = [];
        keep(items);
        for (let k = 0; k < n; k++) items.push(read());
        return items;
      }
      case 'r': {
        const v = refs[i32()];
        if (v === undefined) throw new MarshalError('marshal back-reference out of range');
        return v;
      }
      default:
        throw new MarshalError(`unsupported marshal type ${JSON.stringify(type)} at byte ${p - 1}`);
    }
  };
  return read();
}
