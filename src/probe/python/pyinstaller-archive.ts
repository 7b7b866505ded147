// Locating a PyInstaller executable's CArchive. On Linux PyInstaller ≥ 5 stores it in an ELF section named
// `pydata` ("Appending PKG archive to custom ELF section in EXE" in its log); other platforms and older
// versions append it to the file. Either way the cookie ends the archive.
import { readCArchive, type CArchive } from '../formats/carchive.ts';
import { findSection, readElf } from '../formats/elf.ts';
import type { RangeReader } from '../formats/file-range.ts';

/**
 * The PyInstaller CArchive of an executable: in its ELF `pydata` section when it has one, else appended at its
 * end; null when there is none. Rejects when the file cannot be read.
 */
export async function findPyInstallerArchive(reader: RangeReader): Promise<CArchive | null> {
  const elf = await readElf(reader);
  const pydata = elf ? findSection(elf, 'pydata') : undefined;
  if (pydata) {
    const archive = await readCArchive({ reader, end: pydata.offset + pydata.size });
    if (archive) return archive;
  }
  return readCArchive({ reader });
}

/** "3.11" from the cookie's 311 (PyInstaller stores major * 100 + minor). */
export function pythonVersionOf(archive: CArchive): string {
  return `${Math.floor(archive.pythonVersion / 100)}.${archive.pythonVersion % 100}`;
}

/**
 * A onefile executable carries the Python shared library in its archive; a onedir executable's archive
 * holds only the bootstrap modules and the PYZ, the rest sits beside it in `_internal/`.
 */
export function isOnefile(archive: CArchive): boolean {
  return archive.entries.some((e) => e.type === 'b' && e.name.endsWith(archive.pythonLib));
}
