// What a workdir copy of a project holds, before anything is copied: a 150 MB git-ignored `target/` went into
// every workdir (430 MB for three variants) without a word. A copy above LARGE_COPY_BYTES is said before the
// run, naming its biggest folders, which of them git ignores, and the scenario keys that leave them out.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { walkTree } from '../common/walk-files.ts';
import { ruleLeavesOut } from './ignore-rule.ts';
import type { Scenario } from '../scenario/scenario.ts';

/** A copy this size or more per workdir is worth a word: it costs disk and set-up time per variant. */
const LARGE_COPY_BYTES = 100 * 2 ** 20;

/** Paths (relative, folders ending in `/`) that git ignores in `dir`, or [] outside a repository. */
export function gitIgnoredPaths(dir: string): string[] {
  try {
    const out = execFileSync('git', ['-C', dir, 'ls-files', '--others', '--ignored', '--exclude-standard', '--directory', '-z'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 256 << 20,
    });
    return out.split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * Absolute paths a copy of `source` leaves out: `.git`, `.buildbench`, buildbench's own runs (runFolders), then
 * `rels` (relative to `source`).
 */
export function skippedPaths(source: string, rels: readonly string[]): Set<string> {
  return new Set(['.git', '.buildbench', ...runFolders(source), ...rels].map((p) => path.join(source, path.posix.normalize(p.replace(/\/+$/, '')))));
}

/** At most this many entries of a top-level folder are looked at for runs inside it. */
const RUN_FOLDER_LOOK = 200;

/**
 * Top-level folders of `source` that hold buildbench's own runs: a run folder (results.json and logs/ in it) or
 * one holding run folders (`reports/`, where `run` writes by default, not git-ignored in most projects). A copy
 * of them measures nothing, and a build that packs its folder (`pex -D .`) packed the team's reports (a new
 * user's trial). Never throws.
 */
export function runFolders(source: string): string[] {
  const isRun = (dir: string) => existsSync(path.join(dir, 'results.json')) && existsSync(path.join(dir, 'logs'));
  const folders: string[] = [];
  for (const entry of safeDirents(source)) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(source, entry.name);
    if (isRun(dir) || safeDirents(dir).slice(0, RUN_FOLDER_LOOK).some((e) => e.isDirectory() && isRun(path.join(dir, e.name)))) folders.push(entry.name);
  }
  return folders;
}

function safeDirents(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

export interface CopySize {
  bytes: number;
  /** Top-level entries of the project, biggest first, with whether git ignores them. */
  biggest: { path: string; bytes: number; gitIgnored: boolean }[];
}

/** Bytes a copy of `source` minus `skip` would hold, and its biggest top-level entries. */
async function measureCopy(opts: { source: string; skip: Set<string>; copy: readonly string[] }): Promise<CopySize> {
  const { source, skip } = opts;
  const gitIgnored = gitIgnoredPaths(source);
  const ignored = new Set(gitIgnored.map((p) => p.replace(/\/$/, '').split('/')[0]!));
  const byRule = ruleLeavesOut({ source, copy: opts.copy, gitIgnored });
  const perTop = new Map<string, number>();
  const ancestors = (p: string) => path.relative(source, p).split(path.sep).map((_, i, parts) => path.join(source, ...parts.slice(0, i + 1)));
  const skipped = (p: string) => [...skip].some((s) => p === s || p.startsWith(s + path.sep)) || ancestors(p).some(byRule);
  for (const entry of await walkTree(source)) {
    if (entry.kind !== 'file' || skipped(entry.path)) continue;
    const top = path.relative(source, entry.path).split(path.sep)[0]!;
    perTop.set(top, (perTop.get(top) ?? 0) + entry.bytes);
  }
  const biggest = [...perTop]
    .map(([p, bytes]) => ({ path: p, bytes, gitIgnored: ignored.has(p) }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 3);
  return { bytes: [...perTop.values()].reduce((a, b) => a + b, 0), biggest };
}

const mib = (bytes: number) => (bytes < 2 ** 20 ? `${Math.ceil(bytes / 1024)} KiB` : `${(bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 1 : 0)} MiB`);

/**
 * One line per scenario whose workdir copy is large: its size, the variants that each get one, the biggest
 * top-level folders (marked when git ignores them) and the keys that leave them out. Sizes in KiB/MiB (2^10,
 * 2^20 bytes); a copy counts as large from 100 MiB. Rejects when a project folder cannot be read.
 */
export async function largeCopyWarnings(plan: { variants: readonly { scenario: Scenario }[] }): Promise<string[]> {
  const lines: string[] = [];
  const scenarios = [...new Set(plan.variants.map((v) => v.scenario))];
  for (const scenario of scenarios) {
    const skip = skippedPaths(scenario.project, [...scenario.ignore, ...(scenario.ignoreGitignored ? gitIgnoredPaths(scenario.project) : [])]);
    const copy = await measureCopy({ source: scenario.project, skip, copy: scenario.copy ?? [] });
    if (copy.bytes < LARGE_COPY_BYTES) continue;
    const workdirs = plan.variants.filter((v) => v.scenario === scenario).length;
    const folders = copy.biggest.map((f) => `${f.path} ${mib(f.bytes)}${f.gitIgnored ? ' (git-ignored)' : ''}`).join(', ');
    const anyIgnored = copy.biggest.some((f) => f.gitIgnored);
    lines.push(
      `${scenario.file}: each of ${workdirs} workdir${workdirs === 1 ? '' : 's'} copies ${mib(copy.bytes)} of ${scenario.project} ` +
        `(biggest: ${folders}); leave folders out with \`ignore: [${copy.biggest[0]!.path}]\`` +
        (anyIgnored ? ' or what git ignores with `ignoreGitignored: true`' : ''),
    );
  }
  return lines;
}
