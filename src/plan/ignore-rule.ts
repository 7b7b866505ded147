// One rule, for every preset and every plain scenario, for what a workdir copy never holds: the project's
// dependency folders, tool caches and build outputs. A copy of them measures nothing (a build makes its own)
// and costs a lot: python-freeze had no `ignore`, and each workdir of a Tauri app copied 496 MiB of
// node_modules. A scenario's `ignore` adds paths; its `copy` keeps what this rule would leave out (a
// frontend's built `dist` the Tauri build reads, a `node_modules` a `beforeBuildCommand` needs).
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Where a name counts: in any folder, or only where the project's own files say it is generated. */
export type RuleScope = 'anywhere' | 'beside Cargo.toml' | 'where git ignores it';

/** One entry of the rule: a folder name, where it counts, and what it is (for `buildbench show`). */
export interface RuleEntry {
  name: string;
  scope: RuleScope;
  what: string;
}

/**
 * The rule. Names that are nothing but dependencies or caches count anywhere. `target` is cargo's output only
 * beside a Cargo.toml (Maven's `target` and a folder of that name in sources are kept). `dist` and `build`
 * count only where git ignores them: the project then says they are generated (bench/tauri-app commits its
 * frontend's `dist`, which `tauri build` reads); a project outside git names them in `ignore`.
 */
export const NEVER_COPIED: readonly RuleEntry[] = [
  { name: 'node_modules', scope: 'anywhere', what: 'npm/pnpm/yarn dependencies' },
  { name: '.venv', scope: 'anywhere', what: 'a Python virtual environment' },
  { name: 'venv', scope: 'anywhere', what: 'a Python virtual environment' },
  { name: '__pycache__', scope: 'anywhere', what: 'Python bytecode' },
  { name: '.mypy_cache', scope: 'anywhere', what: 'mypy cache' },
  { name: '.pytest_cache', scope: 'anywhere', what: 'pytest cache' },
  { name: '.ruff_cache', scope: 'anywhere', what: 'ruff cache' },
  { name: '.tox', scope: 'anywhere', what: 'tox environments' },
  { name: '.nox', scope: 'anywhere', what: 'nox environments' },
  { name: '.gradle', scope: 'anywhere', what: 'Gradle cache' },
  { name: '.parcel-cache', scope: 'anywhere', what: 'Parcel cache' },
  { name: '.turbo', scope: 'anywhere', what: 'Turborepo cache' },
  { name: 'target', scope: 'beside Cargo.toml', what: "cargo's build output" },
  { name: 'dist', scope: 'where git ignores it', what: 'build output' },
  { name: 'build', scope: 'where git ignores it', what: 'build output' },
];

const BY_NAME = new Map(NEVER_COPIED.map((e) => [e.name, e]));

/**
 * A test over absolute paths inside `source`: true for a folder the rule leaves out of a copy. `copy` (paths
 * relative to `source`) keeps a path and everything inside it; `gitIgnored` are the paths git ignores
 * (relative, folders ending in `/`, as plan/copy-size.ts's gitIgnoredPaths gives them). Reads the disk only
 * for `target` (is a Cargo.toml beside it). Never throws.
 */
export function ruleLeavesOut(opts: { source: string; copy: readonly string[]; gitIgnored: readonly string[] }): (abs: string) => boolean {
  const kept = opts.copy.map((p) => path.join(opts.source, path.posix.normalize(p.replace(/\/+$/, ''))));
  const ignored = new Set(opts.gitIgnored.map((p) => path.join(opts.source, p.replace(/\/+$/, ''))));
  return (abs) => {
    const entry = BY_NAME.get(path.basename(abs));
    if (!entry || abs === opts.source) return false;
    if (kept.some((k) => abs === k || abs.startsWith(k + path.sep))) return false;
    if (entry.scope === 'beside Cargo.toml') return existsSync(path.join(path.dirname(abs), 'Cargo.toml'));
    if (entry.scope === 'where git ignores it') return ignored.has(abs);
    return true;
  };
}

/** The rule in one line per scope, for `buildbench show`: `anywhere: node_modules, .venv, …`. */
export function describeRule(): string[] {
  const scopes = [...new Set(NEVER_COPIED.map((e) => e.scope))];
  return scopes.map((scope) => `${scope}: ${NEVER_COPIED.filter((e) => e.scope === scope).map((e) => e.name).join(', ')}`);
}
