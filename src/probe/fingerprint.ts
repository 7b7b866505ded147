// The toolchain fingerprint of an artifact: what really built it, checked against what the variant asked
// for (`expect` in the scenario). Only the artifact (and, optionally, the build's own log) is read.
import { stat } from 'node:fs/promises';
import type { Expect } from '../scenario/schema.ts';
import { findDebugInfo, type DebugInfoPlace } from './rust/debug-info.ts';
import { detectLinker, type LinkerName } from './rust/elf-linker.ts';
import { readElf } from './formats/elf.ts';
import { withRange } from './formats/file-range.ts';
import { detectFrozenPython } from './python/frozen-python.ts';

export interface Fingerprint {
  /** The linker of a native (non-frozen) ELF artifact. */
  linker?: LinkerName;
  linkerVersion?: string;
  debugInfo?: DebugInfoPlace;
  packager?: string;
  packagerVersion?: string;
  pythonVersion?: string;
  shape?: string;
  /** What contradicts the variant's declared intent, e.g. "asked for mold, got lld". */
  mismatch?: string[];
  /** What each finding rests on, for the report's tooltip. */
  evidence: string[];
  /** Unpacked debug info: the `.dwo` files it names (counted as the artifact's side files, not recorded). */
  dwoFiles?: string[];
}

/** PyInstaller's version and the exact Python version from the first lines of its log. */
export function pyinstallerVersionsFromLog(lines: readonly string[]): { pyinstaller: string | null; python: string | null } {
  const find = (re: RegExp) => lines.slice(0, 50).map((l) => re.exec(l)?.[1]).find((v) => v !== undefined) ?? null;
  return { pyinstaller: find(/INFO: PyInstaller: ([^\s,]+)/), python: find(/INFO: Python: (\S+)/) };
}

/** The mismatches between what was asked and what was found; pure. */
export function compareWithExpect(expect: Expect | undefined, found: Pick<Fingerprint, 'linker' | 'debugInfo' | 'packager' | 'shape'>): string[] {
  if (!expect) return [];
  const out: string[] = [];
  const check = (what: string, asked: string | undefined, got: string | undefined, unknown: string) => {
    if (asked === undefined) return;
    if (got === undefined) out.push(`asked for ${asked}${what}, but ${unknown}`);
    else if (asked.toLowerCase() !== got.toLowerCase()) out.push(`asked for ${asked}${what}, got ${got}`);
  };
  const nativeElf = found.linker !== undefined;
  check('', expect.linker, found.linker, found.packager ? `the artifact is frozen by ${found.packager}` : 'the artifact is not a native ELF file');
  check(' debug info', expect.debugInfo, found.debugInfo, nativeElf ? 'debug info could not be read' : 'the artifact is not a native ELF file');
  check('', expect.packager, found.packager, 'no known packager was recognised');
  check(' shape', expect.shape, found.shape, 'no known shape was recognised');
  return out;
}

/**
 * What really built the artifact at `path` (a file or directory): packager, shape and Python of a frozen app,
 * or linker and debug info of a native ELF file, each with its evidence; mismatches against `expect`.
 * `buildLog`: the build's first lines (PyInstaller names its versions there). A damaged archive is said in
 * `evidence`; rejects only when `path` cannot be read.
 */
export async function fingerprintArtifact(opts: { path: string; expect?: Expect; buildLog?: readonly string[] }): Promise<Fingerprint> {
  const { path, expect } = opts;
  const fp: Fingerprint = { evidence: [] };
  // A damaged archive must not sink the whole sample: say what failed and go on as a plain file.
  const frozen = await detectFrozenPython(path).catch((error: unknown) => {
    fp.evidence.push(`frozen-Python check failed: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  });
  if (frozen) {
    const log = frozen.packager === 'pyinstaller' && opts.buildLog ? pyinstallerVersionsFromLog(opts.buildLog) : null;
    fp.packager = frozen.packager;
    const packagerVersion = frozen.packagerVersion ?? log?.pyinstaller;
    if (packagerVersion) fp.packagerVersion = packagerVersion;
    const python = log?.python ?? frozen.pythonVersion;
    if (python) fp.pythonVersion = python;
    fp.shape = frozen.shape;
    fp.evidence.push(frozen.evidence);
  } else if ((await stat(path)).isFile()) {
    await withRange(path, async (reader) => {
      const elf = await readElf(reader);
      if (!elf) return;
      const linker = await detectLinker({ reader, elf });
      fp.linker = linker.linker;
      if (linker.version) fp.linkerVersion = linker.version;
      fp.evidence.push(linker.evidence ? `linker marker: ${linker.evidence}` : 'no mold/LLD/gold marker in .comment: GNU ld');
      const debug = await findDebugInfo({ path, reader, elf });
      fp.debugInfo = debug.debugInfo;
      if (debug.dwoFiles) fp.dwoFiles = debug.dwoFiles;
      if (debug.units) fp.evidence.push(`compile units: ${debug.units.full} with debug info inside, ${debug.units.skeleton} split`);
    });
  }
  const mismatch = compareWithExpect(expect, fp);
  if (mismatch.length > 0) fp.mismatch = mismatch;
  return fp;
}
