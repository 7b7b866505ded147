// Paths a scenario names (clean, caches, artifact, mutate, ignore, seed.dir) are removed or written by the
// runner, so they must stay inside the workdir.
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { findPlaceholder } from './placeholders.ts';

/**
 * Why `value` (a path relative to the workdir, as written in the scenario) does not stay inside the workdir,
 * or undefined when it does: no absolute path, no placeholder, no `..` escape, not the workdir itself, and —
 * when `project` (an absolute folder) is given — no symlink on the existing part of the path leading outside.
 */
export function checkConfined(opts: { value: string; project?: string }): string | undefined {
  const { value, project } = opts;
  if (path.isAbsolute(value) || /^[A-Za-z]:[\\/]/.test(value)) return 'must be a path inside the workdir, not an absolute path';
  // Paths are read relative to the workdir as written: a placeholder here would stay literal.
  const placeholder = findPlaceholder(value);
  if (placeholder) return `placeholders are not expanded in paths (${placeholder}): write the path relative to the workdir`;
  // Trailing slashes dropped: `./` and `a/../` name the workdir itself as surely as `.` (found by test/fuzz).
  const normal = path.posix.normalize(value.replace(/\\/g, '/')).replace(/(.)\/+$/, '$1');
  if (normal === '..' || normal.startsWith('../')) return 'must stay inside the workdir (no ".." escape)';
  if (normal === '.' || normal === '') return 'must name something inside the workdir, not the workdir itself';
  if (!project) return undefined;
  return symlinkOutside(project, normal);
}

/** Walk the existing prefix of the path: any symlink on the way must resolve inside the project. */
function symlinkOutside(project: string, normal: string): string | undefined {
  const root = realpathSync(project);
  let current = project;
  for (const part of normal.split('/')) {
    current = path.join(current, part);
    if (!existsSync(current)) break;
    const real = realpathSync(current);
    if (real !== root && !real.startsWith(root + path.sep)) return `leads outside the workdir through a symlink (${real})`;
  }
  return undefined;
}
