// Each variant builds in its own copy of the project, so `target/`, `build/` and `dist/` are its own, and its
// tool caches live in its own folder: variants never share or poison each other's caches (DESIGN, Measurement).
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { grantOwnerWrite, removeTree } from '../common/owner-write.ts';
import path from 'node:path';
import type { PlannedVariant } from './plan.ts';
import { findRepository, linkRepository, repositoryRoot } from './workdir-git.ts';
import { gitIgnoredPaths, skippedPaths } from './copy-size.ts';
import { isInside } from '../common/is-inside.ts';
import { ruleLeavesOut } from './ignore-rule.ts';

/**
 * Copy the project into the variant's workdir, leaving out `.git`, buildbench's own `.buildbench/` (the tool
 * env and wheelhouse `buildbench setup` keeps beside a user's scenarios, which a `project: ..` would otherwise
 * copy into every workdir), what the one ignore rule leaves out (ignore-rule.ts: dependency folders, tool
 * caches, build outputs) unless the scenario's `copy` keeps it, the scenario's `ignore` list (and what git
 * ignores, with `ignoreGitignored`) and every declared output (clean, caches, artifact), so no variant starts
 * from another's build products.
 * When the project is in a git repository, the workdir sits at the project's path inside a repository that
 * answers git as the project does, its objects borrowed rather than copied (workdir-git.ts).
 */
export function createWorkdir(planned: PlannedVariant, source = planned.source ?? planned.scenario.project): void {
  const { workdir, cacheDir, variant, scenario } = planned;
  const repo = findRepository(source);
  // The plan placed the workdir at the project's path inside the repository (workdirIn); a source that is
  // not where the plan expected (not a repository any more) gets a plain copy.
  const inRepository = repo !== undefined && workdir.endsWith(repo.prefix.replace(/\/$/, ''));
  const root = inRepository ? repositoryRoot(workdir, repo) : workdir;
  removeTree(root);
  mkdirSync(path.dirname(workdir), { recursive: true });
  const gitIgnored = gitIgnoredPaths(source);
  const byRule = ruleLeavesOut({ source, copy: scenario.copy ?? [], gitIgnored });
  const skip = skippedPaths(source, [
    ...scenario.ignore,
    ...(scenario.ignoreGitignored ? gitIgnored : []),
    ...variant.clean,
    ...variant.caches,
    ...(variant.artifact ? [variant.artifact] : []),
  ]);
  // Entry by entry, not cpSync(source, workdir): a workdir may lie inside the project it copies (a seed
  // kept in a user's .buildbench/tools, which is skipped), and Node refuses to copy a folder into itself.
  mkdirSync(workdir, { recursive: true });
  for (const entry of readdirSync(source)) {
    const from = path.join(source, entry);
    if (skip.has(from) || byRule(from) || workdir === from || isInside(workdir, from)) continue;
    cpSync(from, path.join(workdir, entry), { recursive: true, verbatimSymlinks: true, filter: (src) => !skip.has(src) && !byRule(src) });
  }
  // A read-only project (another owner's, a read-only mount) is copied with its modes: the copy is the build's.
  grantOwnerWrite(workdir);
  if (inRepository) linkRepository({ repo, source, root });
  mkdirSync(cacheDir, { recursive: true });
}

/** The workdir of a variant under `base`: at the project's path inside its git repository, if it is in one. */
export function workdirIn(base: string, project: string): string {
  return path.join(base, (findRepository(project)?.prefix ?? '').replace(/\/$/, ''));
}

