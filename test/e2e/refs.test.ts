// `run --ref A --ref B`: two commits of one git repository benchmarked in one run, each from its own
// worktree, interleaved in the same rounds. The build sleeps for the seconds in a committed file: 0.2 at the
// first commit, 0.3 at the second; the second is compared with the first.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildbench, explain, median, readResults, scratchDir, tempDir, TIMING } from './helpers.ts';

/** As in helpers.ts: enough runs that a build delayed by load leaves the verdict standing. */
const RUNS = 10;
const GIT_ENV = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } }).trim();
}

/** A repository with the scenario and proj/seconds, committed twice; returns the two short commit ids. */
function repoWithTwoCommits(dir: string): [string, string] {
  git(dir, 'init', '-q', '-b', 'main');
  writeFileSync(path.join(dir, 'sleeps.yaml'), `name: refs\nproject: proj\nruns: ${RUNS}\nwarmup: 0\ncache: [cold]\nvariants:\n  - name: app\n    build: sleep "$(cat seconds)"\n`);
  const commit = (seconds: string) => {
    writeFileSync(path.join(dir, 'proj', 'seconds'), `${seconds}\n`);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', `sleep ${seconds}`);
    return git(dir, 'rev-parse', '--short', 'HEAD');
  };
  return [commit('0.2'), commit('0.3')];
}

describe('buildbench run --ref A --ref B', () => {
  it('builds both commits interleaved in every round and finds the second commit slower than the first', TIMING, async () => {
    const dir = tempDir('refs');
    const [first, second] = repoWithTwoCommits(dir);
    const out = path.join(scratchDir('refs-out'), 'out'); // outside the repository
    const r = await buildbench(['run', 'sleeps.yaml', '--ref', first, '--ref', second, '--out', out, '--seed', '2'], dir);
    expect(r.code, explain(r)).toBe(0);

    const results = readResults(path.join(out, 'results.json'));
    const ids = [`refs/app@cold#${first}`, `refs/app@cold#${second}`];
    expect(results.variants.map((v) => v.id).sort()).toEqual([...ids].sort());
    expect(results.variants.map((v) => v.ref).sort()).toEqual([first, second].sort());
    // Interleaved: every round builds both commits, and the recorded samples say the same.
    expect(results.config.order).toHaveLength(RUNS);
    for (const round of results.config.order) expect([...round].sort()).toEqual([...ids].sort());
    for (const v of results.variants) expect(v.samples.map((s) => s.round)).toEqual(Array.from({ length: RUNS }, (_, i) => i + 1));

    const medianOf = (id: string) => median(results.variants.find((v) => v.id === id)!.samples.map((s) => s.wallMs));
    const ratio = medianOf(ids[1]!) / medianOf(ids[0]!);
    expect(ratio).toBeGreaterThan(1.35); // 0.3 / 0.2 = 1.5
    expect(ratio).toBeLessThan(1.65);

    // The later commit is compared with the first, the baseline of a commit-to-commit comparison.
    expect(results.config.refs).toEqual([first, second]);
    const [c, ...rest] = results.comparisons;
    expect(rest.filter((o) => !['cpuMs', 'treeRssKb'].includes(o.metric))).toEqual([]); // beside build time: CPU and RSS only
    expect(c).toMatchObject({ scenario: 'refs', metric: 'wallMs', baseline: ids[0], variant: ids[1], verdict: 'slower' });
    expect(c!.ratio).toBeGreaterThan(1.35);
    expect(c!.ratio).toBeLessThan(1.65);

    // The worktrees are gone once the run ends.
    expect(git(dir, 'worktree', 'list').split('\n')).toHaveLength(1);
  });
});
