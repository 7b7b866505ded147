// A workdir answers git as its project does: `git describe --tags` in a build gives the project's answer
// (it used to exit 128, "not a git repository"), for a project at a repository's top and in a subfolder, with
// its uncommitted changes, without copying the history, and without touching the project's repository.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runScenario } from '../runner/helpers.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const made: string[] = [];
afterEach(() => made.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-C', cwd, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { encoding: 'utf8' }).trim();

/** A repository with `app/` (the project) and `other/`, two commits, tag v1.2.0 on the first. */
function repository(): string {
  const top = tempDir('bb-git-');
  made.push(top);
  mkdirSync(path.join(top, 'app'));
  mkdirSync(path.join(top, 'other'));
  writeFileSync(path.join(top, 'app', 'main.txt'), 'one\n');
  writeFileSync(path.join(top, 'other', 'big.txt'), 'x'.repeat(1000));
  writeFileSync(path.join(top, '.gitignore'), '*.log\n');
  git(top, 'init', '-q', '-b', 'trunk');
  git(top, 'add', '.');
  git(top, 'commit', '-qm', 'first');
  git(top, 'tag', '-a', 'v1.2.0', '-m', 'release');
  writeFileSync(path.join(top, 'app', 'main.txt'), 'two\n');
  git(top, 'commit', '-qam', 'second');
  return top;
}

/** Runs `build` once in a workdir of `project` (scenario, out dir and workdirs outside the repository). */
async function answer(opts: { project: string; build: string }): Promise<string> {
  const dir = tempDir('bb-git-run-');
  made.push(dir);
  const file = path.join(dir, 's.yaml');
  writeFileSync(file, `name: g\nproject: ${opts.project}\nruns: 1\nwarmup: 0\ncache: cold\nvariants:\n  - {name: a, build: '(${opts.build}) > {scenarioDir}/answer.txt 2>&1'}\n`);
  const results = await runScenario({ file });
  expect(results.variants[0]!.reason).toBe(null);
  return readFileSync(path.join(dir, 'answer.txt'), 'utf8').trim();
}

describe('a workdir answers git as its project does', () => {
  it('for a project in a subfolder, with uncommitted changes', async () => {
    const top = repository();
    writeFileSync(path.join(top, 'app', 'main.txt'), 'three, uncommitted\n');
    writeFileSync(path.join(top, 'app', 'debug.log'), 'ignored by the top .gitignore\n');
    const command = 'git describe --tags --dirty --long && git rev-parse --abbrev-ref HEAD && git status --porcelain';
    const inProject = execFileSync('sh', ['-c', command], { cwd: path.join(top, 'app'), encoding: 'utf8' }).trim();
    expect(inProject).toMatch(/^v1\.2\.0-1-g[0-9a-f]+-dirty\ntrunk\n M app\/main.txt$/);
    expect(await answer({ project: path.join(top, 'app'), build: command })).toBe(inProject);
    // The project's repository is as it was: no worktree registered, no new ref.
    expect(git(top, 'worktree', 'list').split('\n')).toHaveLength(1);
    expect(git(top, 'for-each-ref', '--format=%(refname)')).toBe('refs/heads/trunk\nrefs/tags/v1.2.0');
  });

  it('for a project at the top, on a detached commit, sharing the objects instead of copying them', async () => {
    const top = repository();
    git(top, 'checkout', '-q', 'v1.2.0');
    const command = 'git describe --tags --dirty && git rev-parse HEAD && git status --porcelain && git count-objects -v | grep "^count:"';
    const result = await answer({ project: top, build: command });
    // count 0: no object of the history was copied into the workdir's repository.
    expect(result).toBe(`v1.2.0\n${git(top, 'rev-parse', 'HEAD')}\ncount: 0`);
  });
});
