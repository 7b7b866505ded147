// What a launch unpacked to disk: PyInstaller onefile extracts itself into `$TMPDIR/_MEIxxxxxx` on every
// launch and removes it at exit (so snapshot while the app runs, after it is ready); a scie unpacks its
// files once into $SCIE_BASE, else its lift manifest's "base", else `$XDG_CACHE_HOME/nce` (`~/.cache/nce`;
// toolchain/tool-state.ts says where that was learned, and the fallback without a cache dir). The
// runner takes a snapshot before the launch and one after ready; the difference is the extraction.
import { tmpdir } from 'node:os';
import { TOOL_STATE } from '../toolchain/tool-state.ts';
import { join, relative } from 'node:path';
import { walkFiles } from '../common/walk-files.ts';

export interface DirSnapshot {
  dir: string;
  /** Path relative to `dir` → bytes. */
  files: Map<string, number>;
}

export interface ExtractionDiff {
  /** Bytes of files that appeared or grew. */
  bytes: number;
  files: number;
  /** Top-level entries that appeared, e.g. "/tmp/_MEI123abc". */
  newRoots: string[];
}

/** Files under `dir` whose top-level entry passes `include`; an absent directory is an empty snapshot. */
export async function snapshotDir(opts: { dir: string; include?: (topLevelName: string) => boolean }): Promise<DirSnapshot> {
  const { dir, include } = opts;
  const files = new Map<string, number>();
  const all = await walkFiles(dir);
  for (const f of all) {
    const rel = relative(dir, f.path);
    if (!include || include(rel.split('/')[0]!)) files.set(rel, f.bytes);
  }
  return { dir, files };
}

/**
 * Bytes and files that appeared or grew between two snapshots of the same directories (matched by `dir`):
 * what the launch extracted (StartupInfo.extractBytes); pure.
 */
export function measureExtraction(opts: { before: readonly DirSnapshot[]; after: readonly DirSnapshot[] }): ExtractionDiff {
  const diff: ExtractionDiff = { bytes: 0, files: 0, newRoots: [] };
  for (const after of opts.after) {
    const before = opts.before.find((b) => b.dir === after.dir)?.files ?? new Map<string, number>();
    const oldRoots = new Set([...before.keys()].map((p) => p.split('/')[0]!));
    const roots = new Set<string>();
    for (const [path, bytes] of after.files) {
      const grown = bytes - (before.get(path) ?? 0);
      if (!before.has(path)) diff.files++;
      if (grown > 0) diff.bytes += grown;
      const root = path.split('/')[0]!;
      if (!oldRoots.has(root)) roots.add(join(after.dir, root));
    }
    diff.newRoots.push(...[...roots].sort());
  }
  return diff;
}

/** The places onefile and scie launches extract to; `nceDir` from a scie's lift "base" when it sets one. */
export function extractionDirs(opts: { tmpDir?: string; nceDir?: string } = {}): { dir: string; include?: (name: string) => boolean }[] {
  return [
    { dir: opts.tmpDir ?? process.env.TMPDIR ?? tmpdir(), include: (name) => name.startsWith('_MEI') },
    { dir: opts.nceDir ?? process.env[TOOL_STATE.scie.env] ?? TOOL_STATE.scie.defaultDir(process.env) },
  ];
}

/** Snapshot of every extraction place; take one before the launch and one once the app is ready. */
export async function snapshotExtraction(opts: { tmpDir?: string; nceDir?: string } = {}): Promise<DirSnapshot[]> {
  return Promise.all(extractionDirs(opts).map((d) => snapshotDir(d)));
}

