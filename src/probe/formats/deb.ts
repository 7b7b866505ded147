// A Debian binary package (.deb): an ar archive whose first member is `debian-binary`, then control.tar.*
// and data.tar.* (deb(5)). The control fields are read with `dpkg-deb --field` (dpkg-deb(1)), which handles
// every compression a control.tar may use (gzip, xz, zstd); only the magic is checked here, so a file that is
// not a .deb costs no process.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { RangeReader } from './file-range.ts';

/** What a .deb's control file says about it; `installedBytes` is Installed-Size (KiB) × 1024. */
export interface DebPackage {
  format: 'deb';
  name: string;
  version: string;
  architecture: string;
  /** Installed-Size × 1024: the field is "in kibibytes" (Debian Policy 5.6.20), an estimate dpkg-deb -b or the bundler wrote. */
  installedBytes: number | null;
}

/** deb(5): the ar global header, then a first member header whose name is `debian-binary`. */
const AR_MAGIC = '!<arch>\n';
const FIRST_MEMBER = 'debian-binary';

/** True when the file starts like a .deb (ar magic, first member debian-binary). */
export async function isDeb(reader: RangeReader): Promise<boolean> {
  const head = (await reader.read(0, AR_MAGIC.length + FIRST_MEMBER.length)).toString('latin1');
  return head === AR_MAGIC + FIRST_MEMBER;
}

/**
 * Parses `dpkg-deb --field FILE` output: "Name: value" lines, continuation lines (starting with a space)
 * belonging to the field before (deb-control(5)). Pure.
 */
export function parseControlFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  let last: string | undefined;
  for (const line of text.split('\n')) {
    const field = /^([A-Za-z0-9][A-Za-z0-9-]*):\s*(.*)$/.exec(line);
    if (field) {
      last = field[1]!;
      fields.set(last, field[2]!.trim());
    } else if (last && /^\s/.test(line) && line.trim() !== '') {
      fields.set(last, `${fields.get(last)}\n${line.trim()}`);
    }
  }
  return fields;
}

/** The package's control fields, or null when the file is not a .deb. Throws when dpkg-deb is missing or fails. */
export async function readDeb(opts: { path: string; reader: RangeReader }): Promise<DebPackage | null> {
  if (!(await isDeb(opts.reader))) return null;
  const { stdout } = await promisify(execFile)('dpkg-deb', ['--field', opts.path], { timeout: 30_000, maxBuffer: 1 << 20 });
  const fields = parseControlFields(stdout);
  const kib = Number(fields.get('Installed-Size'));
  return {
    format: 'deb',
    name: fields.get('Package') ?? '',
    version: fields.get('Version') ?? '',
    architecture: fields.get('Architecture') ?? '',
    installedBytes: Number.isInteger(kib) && kib >= 0 && fields.has('Installed-Size') ? kib * 1024 : null,
  };
}
