// What a PyInstaller artifact ships, by top-level package. Onefile: the CArchive's table of contents, with
// the PYZ inside it opened to its modules. Onedir: the executable's CArchive (bootstrap and PYZ) plus the
// files of the contents directory (`_internal/` since PyInstaller 6, named by the archive's
// "pyi-contents-directory" option; "." before 6).
import { readdir, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { CArchive } from '../formats/carchive.ts';
import { withRange, type RangeReader } from '../formats/file-range.ts';
import { groupPackages, pyzItems, type ArchiveContents, type ShippedItem } from './package-sizes.ts';
import { findPyInstallerArchive, isOnefile } from './pyinstaller-archive.ts';
import { readPyzToc } from '../formats/pyz.ts';
import { walkFiles } from '../../common/walk-files.ts';

const BOOTSTRAP = '(bootstrap)';
const BOOTLOADER = '(bootloader)';

/** Items of a CArchive: PYZ opened to its modules; bootstrap modules and scripts as one item. */
async function archiveItems(reader: RangeReader, archive: CArchive): Promise<ShippedItem[]> {
  const items: ShippedItem[] = [];
  for (const e of archive.entries) {
    if (e.type === 'z' && !e.compressed) {
      const toc = await readPyzToc({ reader, start: archive.start + e.offset, length: e.bytes }).catch(() => null);
      if (!toc) items.push({ path: e.name, bytes: e.bytes });
      else {
        items.push(...pyzItems(toc));
        // The PYZ's header and marshalled index belong to no module.
        items.push({ path: BOOTSTRAP, bytes: e.bytes - toc.reduce((sum, m) => sum + m.bytes, 0) });
      }
    } else if (e.type === 'm' || e.type === 'M' || e.type === 's') items.push({ path: BOOTSTRAP, bytes: e.bytes });
    else if (e.type !== 'd') items.push({ path: e.name, bytes: e.bytes });
  }
  return items;
}


function contentsDirName(archive: CArchive): string {
  const option = archive.options.find((o) => o.startsWith('pyi-contents-directory '));
  return option ? option.slice('pyi-contents-directory '.length) : '.';
}

/** Finds the executable of a onedir folder: the top-level file whose archive is not a onefile archive. */
async function onedirExecutable(dir: string): Promise<string | null> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(dir, entry.name);
    const archive = await withRange(path, findPyInstallerArchive).catch(() => null);
    if (archive && !isOnefile(archive)) return path;
  }
  return null;
}

/**
 * The packages inside a PyInstaller onefile executable, onedir folder or onedir executable, with their bytes,
 * largest first. Rejects when `path` holds no PyInstaller executable or archive.
 */
export async function pyinstallerContents(path: string): Promise<ArchiveContents> {
  const info = await stat(path);
  const exe = info.isDirectory() ? await onedirExecutable(path) : path;
  if (!exe) throw new Error(`no PyInstaller executable in ${path}`);
  const { archive, items, exeBytes } = await withRange(exe, async (reader) => {
    const found = await findPyInstallerArchive(reader);
    if (!found) throw new Error(`${exe} has no PyInstaller archive`);
    const archiveBytes = found.entries.reduce((sum, e) => Math.max(sum, e.offset + e.bytes), 0);
    const shipped = await archiveItems(reader, found);
    // The rest of the executable is the bootloader (and the archive's table of contents).
    shipped.push({ path: BOOTLOADER, bytes: Math.max(0, reader.size - archiveBytes) });
    return { archive: found, items: shipped, exeBytes: reader.size };
  });
  if (isOnefile(archive)) return { packager: 'pyinstaller', shape: 'onefile', totalBytes: exeBytes, packages: groupPackages(items) };
  const root = info.isDirectory() ? path : dirname(path);
  const contentsDir = join(root, contentsDirName(archive));
  const files = (await walkFiles(contentsDir)).filter((f) => f.path !== exe);
  items.push(...files.map((f) => ({ path: relative(contentsDir, f.path), bytes: f.bytes })));
  const totalBytes = exeBytes + files.reduce((sum, f) => sum + f.bytes, 0);
  return { packager: 'pyinstaller', shape: 'onedir', totalBytes, packages: groupPackages(items) };
}
