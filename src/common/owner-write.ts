// Copies buildbench makes of a user's files (a variant's workdir, a seed) are its own to build in and to remove:
// a project folder that is read-only for the user (another owner's checkout, a read-only mount) is copied with
// its modes, and a build may make its own folders read-only (Go's module cache does), so a non-root user could
// neither build in the copy nor remove it. These give the owner's write bit back, without following links.
import { chmodSync, lstatSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/** Adds the owner's write bit to `root` and every folder and regular file under it that lacks it; links are left alone. */
export function grantOwnerWrite(root: string): void {
  const stack = [root];
  while (stack.length > 0) {
    const at = stack.pop()!;
    const stat = lstatSync(at);
    if (!stat.isDirectory() && !stat.isFile()) continue;
    if ((stat.mode & 0o200) === 0) chmodSync(at, (stat.mode & 0o7777) | 0o200);
    if (stat.isDirectory()) for (const name of readdirSync(at)) stack.push(path.join(at, name));
  }
}

/**
 * Removes `dir` and everything in it, as `rm -rf` does; where a read-only folder refuses it (EACCES, EPERM), gives
 * the owner's write bit back and tries once more. Errors: the file system's, when the second try fails too.
 */
export function removeTree(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM') throw err;
    grantOwnerWrite(dir);
    rmSync(dir, { recursive: true, force: true });
  }
}
