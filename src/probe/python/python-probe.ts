// The Python packagers' probe. Output: PyInstaller's phases (its log's own clock put on the build's) and
// whether its build cache was reused as the cache state expects. Artifact (any frozen app: PyInstaller, PEX,
// shiv, scie): its heaviest packages and the shipped ones the team never imports.
import { checkPyInstallerCache, readPyInstallerTargets } from './pyinstaller-cache.ts';
import { parsePyInstallerPhases } from './pyinstaller-phases.ts';
import { frozenContents } from './contents.ts';
import { unusedHeavyModules } from './unused-modules.ts';
import type { TimedLine } from '../../runner/phases.ts';
import { LARGEST } from '../artifact-files.ts';
import type { ArtifactFindings, ArtifactInput, BuildOutput, SampleFindings, ToolchainProbe } from '../toolchain-probe.ts';

const PYINSTALLER_STAMP = /^\s*(\d+) (?:DEBUG|INFO|WARNING|ERROR): /;

/** PyInstaller's clock runs from its own start: shift it by when its first line arrived. */
function pyinstallerOffset(lines: readonly TimedLine[]): number {
  for (const l of lines) {
    const m = PYINSTALLER_STAMP.exec(l.line);
    if (m) return Math.max(0, l.ms - Number(m[1]));
  }
  return 0;
}

// PyInstaller's first log lines name the versions it runs with (5.x and 6.x alike):
// `110 INFO: PyInstaller: 5.13.0` and `111 INFO: Python: 3.11.2` (6.x: `PyInstaller: 6.22.3, contrib hooks: …`).
const VERSION_LINE = /^\s*\d+ INFO: (PyInstaller|Python): (\d[^\s,]*)/;

/** The versions PyInstaller's own log says it ran with: `{ pyinstaller, python }`, either absent when not said. */
export function pyinstallerVersions(text: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.slice(0, 200)) {
    const m = VERSION_LINE.exec(line);
    if (m) out[m[1]!.toLowerCase()] ??= m[2]!;
  }
  return out;
}

async function inspectPyInstallerOutput(out: BuildOutput): Promise<SampleFindings | null> {
  const targets = readPyInstallerTargets(out.text);
  const versions = pyinstallerVersions(out.text);
  const toolVersions = Object.keys(versions).length > 0 ? { toolVersions: versions } : {};
  if (targets.length === 0) return Object.keys(versions).length > 0 ? toolVersions : null;
  return {
    ...toolVersions,
    phases: parsePyInstallerPhases(out.text, { offsetMs: pyinstallerOffset(out.lines) }).phases,
    cacheCheck: checkPyInstallerCache({ cache: out.cache, targets }),
  };
}

async function inspectFrozenApp(input: ArtifactInput): Promise<ArtifactFindings> {
  const contents = await frozenContents(input.path);
  if (!contents) return {};
  return {
    largest: contents.packages.slice(0, LARGEST).map((p) => ({ path: p.name, bytes: p.bytes })),
    unused: unusedHeavyModules(contents, { neverImported: input.neverImported }).map(({ module, bytes, suggestion }) => ({ module, bytes, suggestion })),
  };
}

export const PYTHON_PROBE: ToolchainProbe = {
  name: 'python',
  sample: { inspect: inspectPyInstallerOutput },
  artifact: { appliesTo: (fp) => fp.packager !== undefined, inspect: inspectFrozenApp },
};
