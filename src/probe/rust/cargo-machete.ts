// Dependencies a crate declares but never uses (cargo-machete, crates.io; it greps the sources, so it runs in a
// fraction of a second without building), and whether removing one would save anything in the dependency
// build: a crate that other dependencies also pull in (`cargo tree -i`) is compiled anyway.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { toolsDir } from '../../common/where.ts';

export interface UnusedDependency {
  /** The package that declares it. */
  package: string;
  dependency: string;
  /** Other crates of the graph that depend on it: non-empty means removing it saves no compile time. */
  alsoNeededBy: string[];
}

/** Parses cargo-machete's report ("pkg -- ./Cargo.toml:" then one tab-indented dependency per line); pure. */
export function parseMacheteOutput(output: string): { package: string; dependency: string }[] {
  const found: { package: string; dependency: string }[] = [];
  let current: string | undefined;
  for (const line of output.split('\n')) {
    const head = /^(\S+) -- \S*Cargo\.toml:$/.exec(line);
    if (head) current = head[1];
    else if (current && /^\t\S+$/.test(line)) found.push({ package: current, dependency: line.trim() });
    else if (line.trim() === '') current = undefined;
  }
  return found;
}

/** Crates that depend on `dependency` directly, other than `pkg` (`cargo tree -i … --depth 1 --prefix none`); pure. */
export function parseDependents(output: string, opts: { package: string; dependency: string }): string[] {
  const names = output.split('\n').map((l) => /^(\S+) v\S+/.exec(l.trim())?.[1]);
  return [...new Set(names.filter((n): n is string => n !== undefined && n !== opts.package && n !== opts.dependency))].sort();
}

/** cargo-machete as `buildbench setup --only machete` installs it, else on PATH; null when neither has it. */
export function findMachete(): string | null {
  const own = path.join(toolsDir(), 'cargo', 'bin', 'cargo-machete');
  return existsSync(own) ? own : null;
}

/** Unused dependencies of the crate at `cwd` and who else needs each; null when cargo-machete is not installed. */
export async function unusedDependencies(cwd: string, machete = findMachete()): Promise<UnusedDependency[] | null> {
  if (!machete) return null;
  const run = promisify(execFile);
  // cargo-machete exits 1 when it finds something: that is its answer, not a failure.
  const report = await run(machete, ['.'], { cwd, timeout: 60_000 }).catch((err: { stdout?: string; code?: number }) => {
    if (err.code === 1 && err.stdout) return { stdout: err.stdout };
    throw err;
  });
  const found = parseMacheteOutput(report.stdout);
  return Promise.all(
    found.map(async (f) => {
      const args = ['tree', '-i', f.dependency, '-e', 'normal,build', '--depth', '1', '--prefix', 'none', '--locked', '--offline'];
      const { stdout } = await run('cargo', args, { cwd, timeout: 120_000, maxBuffer: 16 << 20 });
      return { ...f, alsoNeededBy: parseDependents(stdout, f) };
    }),
  );
}
