// The installable-package probe: an artifact that is neither a native binary nor a frozen app may be a .deb
// (a Tauri bundle); its control fields (name, version, architecture, Installed-Size) go to artifact.package.
import { readDeb } from './formats/deb.ts';
import { withRange } from './formats/file-range.ts';
import type { ArtifactFindings, ArtifactInput, ToolchainProbe } from './toolchain-probe.ts';

async function inspectPackage(input: ArtifactInput): Promise<ArtifactFindings> {
  const deb = await withRange(input.path, (reader) => readDeb({ path: input.path, reader })).catch((err: NodeJS.ErrnoException) => {
    // A folder artifact (onedir) cannot be opened as a file and is no package.
    if (err.code === 'EISDIR') return null;
    throw err;
  });
  return deb ? { package: deb } : {};
}

export const DEB_PROBE: ToolchainProbe = {
  name: 'deb',
  artifact: { appliesTo: (fp) => fp.linker === undefined && fp.packager === undefined, inspect: inspectPackage },
};
