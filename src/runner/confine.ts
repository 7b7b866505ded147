// The runner deletes and edits paths a scenario names. Validation already refused absolute paths and ".."
// escapes; here, at the moment of acting, the real path is resolved again so a symlink created by a build
// cannot redirect a delete outside the variant's own folders.
import { existsSync, lstatSync, realpathSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export class ConfinementError extends Error {}

/** Absolute path of `rel` inside `root`, or an error when it (or a symlink on its way) leads outside. */
export function resolveInside(root: string, rel: string): string {
  const target = path.resolve(root, rel);
  const realRoot = realpathSync(root);
  const inside = (p: string) => p === realRoot || p.startsWith(realRoot + path.sep);
  if (!inside(path.resolve(realRoot, rel))) throw new ConfinementError(`${rel} is outside ${root}`);
  // Resolve the deepest existing ancestor: a symlinked folder on the way must stay inside too.
  let probe = path.dirname(target);
  while (!existsSync(probe)) probe = path.dirname(probe);
  if (!inside(realpathSync(probe))) throw new ConfinementError(`${rel} leads outside ${root} through a symlink`);
  return target;
}

/** Remove `rel` inside `root`. A symlink itself is removed, never what it points to. */
export function removeInside(root: string, rel: string): void {
  const target = resolveInside(root, rel);
  let isLink = false;
  try {
    isLink = lstatSync(target).isSymbolicLink();
  } catch {
    return; // nothing there
  }
  rmSync(target, { recursive: !isLink, force: true });
}

/**
 * What is wrong with a folder a command is to run in, in words ("the working directory /w/x is gone", "… is a
 * file now, not a folder"); undefined when it is a folder. A build that removed or replaced its own workdir leaves this behind.
 */
export function folderProblem(dir: string): string | undefined {
  try {
    return statSync(dir).isDirectory() ? undefined : `the working directory ${dir} is a file now, not a folder`;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `the working directory ${dir} is gone` : `the working directory ${dir} cannot be used: ${code ?? (err as Error).message}`;
  }
}
