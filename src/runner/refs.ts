// `run --ref A --ref B`: each ref is checked out in its own git worktree, and its variants build from the
// project folder inside that worktree; they run interleaved in the same rounds as every other variant.
import path from 'node:path';
import { simpleGit } from 'simple-git';
import { InputError, type Problem } from '../common/problem.ts';
import type { Plan } from '../plan/plan.ts';

/**
 * Checks that every git ref of the plan can be built here, before anything runs (a dry run too): `cwd` is in a
 * git repository, each ref resolves to a commit there, and each project it applies to lies inside that
 * repository. Returns the repository's top folder. Errors: InputError naming every ref and project that cannot.
 */
export async function checkRefs(opts: { plan: Plan; cwd: string }): Promise<string> {
  const refs = [...new Set(opts.plan.variants.flatMap((v) => (v.ref ? [v.ref] : [])))];
  if (refs.length === 0) return opts.cwd;
  const git = simpleGit({ baseDir: opts.cwd });
  if (!(await git.checkIsRepo())) throw new InputError([{ file: '--ref', message: `${opts.cwd} is not a git repository` }]);
  const top = (await git.revparse(['--show-toplevel'])).trim();
  const problems: Problem[] = [];
  for (const ref of refs) {
    const found = await git.revparse(['--verify', `${ref}^{commit}`]).then(() => true, () => false);
    if (!found) problems.push({ file: '--ref', message: `unknown git ref "${ref}" in ${top}` });
  }
  for (const project of new Set(opts.plan.variants.filter((v) => v.ref).map((v) => v.scenario))) {
    if (path.relative(top, project.project).startsWith('..')) problems.push({ file: project.file, message: `project ${project.project} is outside the git repository ${top}, so --ref cannot apply` });
  }
  if (problems.length > 0) throw new InputError(problems);
  return top;
}

/**
 * Checks out every git ref of the plan in its own worktree and points its variants' `source` at the project
 * folder inside it. Errors: InputError as checkRefs.
 */
export async function prepareRefs(opts: { plan: Plan; cwd: string }): Promise<void> {
  const top = await checkRefs(opts);
  const git = simpleGit({ baseDir: opts.cwd });
  const worktrees = new Map<string, string>();
  for (const v of opts.plan.variants) {
    if (!v.ref) continue;
    let tree = worktrees.get(v.ref);
    if (!tree) {
      tree = path.join(opts.plan.workRoot, 'refs', v.ref.replace(/[^A-Za-z0-9._-]+/g, '_'));
      await git.raw(['worktree', 'add', '--detach', '--force', tree, v.ref]);
      worktrees.set(v.ref, tree);
    }
    v.source = path.join(tree, path.relative(top, v.scenario.project));
  }
}

/** Remove the worktrees made for a run. */
export async function removeRefs(opts: { plan: Plan; cwd: string }): Promise<void> {
  if (!opts.plan.variants.some((v) => v.ref)) return;
  const git = simpleGit({ baseDir: opts.cwd });
  await git.raw(['worktree', 'prune']).catch(() => undefined);
}
