// `run --ref A --ref B`: each ref is checked out in its own git worktree, and its variants build from the
// project folder inside that worktree; they run interleaved in the same rounds as every other variant.
import path from 'node:path';
import { simpleGit } from 'simple-git';
import { InputError } from '../common/problem.ts';
import type { Plan } from '../plan/plan.ts';

/**
 * Checks out every git ref of the plan in its own worktree and points its variants' `source` at the project
 * folder inside it. Errors: InputError when `cwd` is no git repository or a ref is unknown.
 */
export async function prepareRefs(opts: { plan: Plan; cwd: string }): Promise<void> {
  const git = simpleGit({ baseDir: opts.cwd });
  if (!(await git.checkIsRepo())) throw new InputError([{ file: '--ref', message: `${opts.cwd} is not a git repository` }]);
  const top = (await git.revparse(['--show-toplevel'])).trim();
  const worktrees = new Map<string, string>();
  for (const v of opts.plan.variants) {
    if (!v.ref) continue;
    let tree = worktrees.get(v.ref);
    if (!tree) {
      try {
        await git.revparse(['--verify', `${v.ref}^{commit}`]);
      } catch {
        throw new InputError([{ file: '--ref', message: `unknown git ref "${v.ref}"` }]);
      }
      tree = path.join(opts.plan.workRoot, 'refs', v.ref.replace(/[^A-Za-z0-9._-]+/g, '_'));
      await git.raw(['worktree', 'add', '--detach', '--force', tree, v.ref]);
      worktrees.set(v.ref, tree);
    }
    const rel = path.relative(top, v.scenario.project);
    if (rel.startsWith('..')) throw new InputError([{ file: v.scenario.file, message: `project ${v.scenario.project} is outside the git repository, so --ref cannot apply` }]);
    v.source = path.join(tree, rel);
  }
}

/** Remove the worktrees made for a run. */
export async function removeRefs(opts: { plan: Plan; cwd: string }): Promise<void> {
  if (!opts.plan.variants.some((v) => v.ref)) return;
  const git = simpleGit({ baseDir: opts.cwd });
  await git.raw(['worktree', 'prune']).catch(() => undefined);
}
