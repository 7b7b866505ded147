// A workdir answers git as its project does (`git describe --tags`, setuptools-scm, vergen, a build script's
// `git rev-parse HEAD`), without a copy of the history per variant. When the project sits in a git
// repository, the workdir is placed at the project's own path under a small repository of its own:
//   - objects are borrowed, not copied: `.git/objects/info/alternates` names the project's object store
//     (gitrepository-layout(5); what `git clone --shared` does);
//   - refs (branches, tags), HEAD (the branch, or the detached commit) and a shallow clone's `shallow` file
//     are copied, so describe, rev-parse and the branch name answer the same;
//   - the index is HEAD's tree, and every path outside the project is marked skip-worktree (git-update-index(1)),
//     so the project's uncommitted changes — the copied files — are the only difference git sees, as in the
//     project (staged and unstaged changes alike show as unstaged);
//   - `.gitignore`/`.gitattributes` of the folders above the project and `.git/info/exclude` are copied, so
//     untracked and ignored files read the same.
// Builds may write to this repository (a tag, a commit): only the workdir's own copy changes.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Repository {
  /** The working tree's top folder (a linked worktree's own top for `run --ref`). */
  top: string;
  /** The project's path inside it, `bench/app/` or '' (git's --show-prefix form). */
  prefix: string;
  /** Where objects, refs and `shallow` live (the main repository's .git for a linked worktree). */
  commonDir: string;
  objectFormat: string;
}

const git = (cwd: string, args: string[], input?: string) =>
  execFileSync('git', ['-C', cwd, ...args], { encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 256 << 20 });

/** The repository `dir` is in, or undefined when it is in none (or git is not installed). */
export function findRepository(dir: string): Repository | undefined {
  try {
    const [top, prefix, commonDir, objectFormat] = git(dir, ['rev-parse', '--show-toplevel', '--show-prefix', '--git-common-dir', '--show-object-format']).split('\n');
    return { top: top!, prefix: prefix ?? '', commonDir: path.resolve(dir, commonDir!), objectFormat: objectFormat || 'sha1' };
  } catch {
    return undefined;
  }
}

/** The root of the workdir's repository, given the workdir (which ends with the project's prefix). */
export function repositoryRoot(workdir: string, repo: Repository): string {
  return repo.prefix ? path.resolve(workdir, ...repo.prefix.split('/').filter(Boolean).map(() => '..')) : workdir;
}

/** Make `root` (holding the project's copy at `repo.prefix`) a repository that answers as `repo` does. */
export function linkRepository(opts: { repo: Repository; source: string; root: string }): void {
  const { repo, source, root } = opts;
  git(root, ['init', '--quiet', `--object-format=${repo.objectFormat}`]);
  const dotGit = path.join(root, '.git');
  writeFileSync(path.join(dotGit, 'objects', 'info', 'alternates'), `${path.join(repo.commonDir, 'objects')}\n`);
  const refs = git(source, ['for-each-ref', '--format=%(objectname) %(refname)']);
  writeFileSync(path.join(dotGit, 'packed-refs'), refs);
  for (const name of ['shallow', path.join('info', 'exclude')]) {
    if (existsSync(path.join(repo.commonDir, name))) copyFileSync(path.join(repo.commonDir, name), path.join(dotGit, name));
  }
  let head: string;
  try {
    head = `ref: ${git(source, ['symbolic-ref', '-q', 'HEAD']).trim()}`;
  } catch {
    head = git(source, ['rev-parse', 'HEAD']).trim();
  }
  writeFileSync(path.join(dotGit, 'HEAD'), `${head}\n`);
  copyAncestorRules({ repo, root });
  if (!hasCommit(root)) return; // a repository without a commit yet: nothing to index
  git(root, ['read-tree', 'HEAD']);
  const outside = git(root, ['ls-files', '-z'])
    .split('\0')
    .filter((p) => p && !p.startsWith(repo.prefix));
  if (outside.length > 0) git(root, ['update-index', '-z', '--skip-worktree', '--stdin'], `${outside.join('\0')}\0`);
  // Stat data now, untimed, so the build's first `git status` does not hash every file.
  try {
    git(root, ['update-index', '-q', '--refresh']);
  } catch {
    // exits 1 when files differ from HEAD: the project's uncommitted changes, which is what it should see
  }
}

function hasCommit(root: string): boolean {
  try {
    git(root, ['rev-parse', '--verify', '-q', 'HEAD^{commit}']);
    return true;
  } catch {
    return false;
  }
}

/** `.gitignore` and `.gitattributes` of every folder from the top down to the project's parent. */
function copyAncestorRules(opts: { repo: Repository; root: string }): void {
  const parts = opts.repo.prefix.split('/').filter(Boolean);
  for (let depth = 0; depth < parts.length; depth++) {
    const rel = parts.slice(0, depth).join('/');
    for (const name of ['.gitignore', '.gitattributes']) {
      const from = path.join(opts.repo.top, rel, name);
      if (!existsSync(from)) continue;
      mkdirSync(path.join(opts.root, rel), { recursive: true });
      copyFileSync(from, path.join(opts.root, rel, name));
    }
  }
}
