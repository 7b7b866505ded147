import path from 'node:path';

/** Whether the absolute path `child` lies strictly below the absolute path `parent` (not equal to it), compared as written: no symlink is resolved, nothing is read. Never throws. */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
