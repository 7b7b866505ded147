// One entry point for size insight: the packages inside any frozen Python artifact buildbench recognises.
import { detectFrozenPython } from './frozen-python.ts';
import type { ArchiveContents } from './package-sizes.ts';
import { pyinstallerContents } from './pyinstaller-contents.ts';
import { zipAppContents } from './zip-contents.ts';

/** The artifact's packages, largest first; null when it is not a PyInstaller, PEX, shiv or zipapp artifact. */
export async function frozenContents(path: string): Promise<ArchiveContents | null> {
  const frozen = await detectFrozenPython(path);
  if (!frozen) return null;
  if (frozen.packager === 'pyinstaller') return pyinstallerContents(path);
  // A scie's PEX sits inside it as a zip: its central directory ends the file, so the zip reader finds it.
  return zipAppContents(path);
}
