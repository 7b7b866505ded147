// Crates compiled in more than one version (`cargo tree --duplicates`): each extra version is compiled and
// linked on its own, so duplicates cost build time and binary size. Run with `--locked --offline` so it
// never resolves anew nor writes a lock file into the workdir (the build already wrote Cargo.lock).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export interface CargoDuplicates {
  /** Crates present in more than one version. */
  count: number;
  crates: { name: string; versions: string[] }[];
}

/** Parses `cargo tree --duplicates --depth 0 --prefix none` output ("name vX.Y.Z (source)" per line); pure. */
export function parseCargoTreeDuplicates(output: string): CargoDuplicates {
  const versions = new Map<string, Set<string>>();
  for (const line of output.split('\n')) {
    const m = /^(\S+) v(\S+)/.exec(line.trim());
    if (!m) continue;
    const set = versions.get(m[1]!) ?? new Set<string>();
    set.add(m[2]!);
    versions.set(m[1]!, set);
  }
  const crates = [...versions]
    .filter(([, v]) => v.size > 1)
    .map(([name, v]) => ({ name, versions: [...v] }))
    .sort((a, b) => b.versions.length - a.versions.length || a.name.localeCompare(b.name));
  return { count: crates.length, crates };
}

/**
 * Crates compiled in more than one version in the workspace at `cwd` (`cargo tree --duplicates`, offline and
 * locked; 2 min timeout). Rejects when cargo fails.
 */
export async function cargoDuplicates(cwd: string): Promise<CargoDuplicates> {
  const args = ['tree', '--duplicates', '--depth', '0', '--prefix', 'none', '--locked', '--offline'];
  const { stdout } = await promisify(execFile)('cargo', args, { cwd, timeout: 120_000, maxBuffer: 16 << 20 });
  return parseCargoTreeDuplicates(stdout);
}
