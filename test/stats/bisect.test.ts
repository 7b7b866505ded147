// bisect's decisions from comparisons (pure), and a real bisect of a repository whose fourth commit makes the
// build three times as slow: it names that commit, with its evidence, and leaves the user's tree untouched.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { alphaPerLook, judgeBisectStep, middleCandidate } from '../../src/stats/index.ts';
import type { Comparison } from '../../src/results/schema.ts';
import { buildbench, explain, tempDir, TIMING } from '../e2e/helpers.ts';

const c = (verdict: string): Comparison => ({ verdict }) as Comparison;

describe('judgeBisectStep', () => {
  it.each([
    ['slower than good', c('slower'), c('no difference'), 'bad'],
    ['slower than good, faster than bad (a partial slowdown: already slower)', c('slower'), c('faster'), 'bad'],
    ['faster than bad, not slower than good', c('inconclusive'), c('faster'), 'good'],
    ['neither decided', c('inconclusive'), c('inconclusive'), 'undecided'],
    ['a side not measured', null, null, 'undecided'],
  ])('%s', (_, vsGood, vsBad, expected) => expect(judgeBisectStep({ vsGood, vsBad })).toBe(expected));

  it('splits the range in the middle, and keeps α over the looks of a step', () => {
    expect(middleCandidate(-1, 5)).toBe(2);
    expect(middleCandidate(2, 4)).toBe(3);
    expect(alphaPerLook(0.05, 3)).toBeCloseTo(0.05 / 3, 12);
    expect(() => alphaPerLook(0.05, 0)).toThrow(RangeError);
  });
});

describe('buildbench bisect', () => {
  it('finds the commit that made the build slower, step by step, in worktrees of its own', TIMING, async () => {
    const dir = tempDir('bisect');
    const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' };
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env }).trim();
    git('init', '-q', '-b', 'main');
    writeFileSync(path.join(dir, 's.yaml'), 'name: b\nproject: proj\nwarmup: 0\ncache: [cold]\nvariants:\n  - name: app\n    build: sleep "$(cat seconds)"\n');
    writeFileSync(path.join(dir, '.gitignore'), 'reports/\n');
    const commits = [1, 2, 3, 4, 5].map((i) => {
      writeFileSync(path.join(dir, 'proj', 'seconds'), i >= 4 ? '0.3\n' : '0.1\n');
      writeFileSync(path.join(dir, 'proj', 'n'), `${i}\n`);
      git('add', '-A');
      git('commit', '-q', '-m', `commit ${i}`);
      return git('rev-parse', '--short=7', 'HEAD');
    });
    const r = await buildbench(['bisect', 's.yaml', '--good', commits[0]!, '--bad', commits[4]!, '--only', 'b/app@cold'], dir);
    expect(r.code, explain(r)).toBe(0);
    expect(r.stdout).toMatch(/^bisect b\/app@cold: 4 commits after [0-9a-f]{12} up to [0-9a-f]{12}, about 3 steps; /);
    expect(r.stdout).toMatch(/\nends: [0-9a-f]{12} against [0-9a-f]{12}: [23]\.\d\d× slower \[/);
    expect(r.stdout).toContain(`\nfirst slower commit: ${commits[3]} commit 4\n`);
    // In the words of every verdict, at the level each look really used (α split over the step's 3 looks).
    expect(r.stdout).toMatch(/\n {2}against [0-9a-f]{12}: [23]\.\d\d× slower \[[\d.]+–[\d.]+, 98% Moses CI\], p = [\d.]+; the commit before it \([0-9a-f]{12}\) was like the good end\n/);
    // Every step decided, and the user's tree is where it was: on main, clean, with no extra worktree.
    expect(r.stdout).not.toContain('undecided');
    expect(git('status', '--porcelain')).toBe('');
    expect(git('rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
    expect(git('worktree', 'list').split('\n')).toHaveLength(1);
  });
});
