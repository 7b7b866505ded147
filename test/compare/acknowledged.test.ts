// Acknowledged regressions: a known slowdown in .buildbench/acknowledged.yaml passes while the
// acknowledgement is in effect and fails again once it expires or once the slowdown outgrows what it accepts;
// the file is checked with file:line:col. The runs are real: one repository, two commits, the second's build
// three times as slow, measured interleaved with --ref.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildbench, explain, tempDir, TIMING } from '../e2e/helpers.ts';
import { applyAcknowledgements } from '../../src/compare/index.ts';
import type { Comparison } from '../../src/results/schema.ts';

const GIT_ENV = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } }).trim();

const slower = (variant: string, ratio: number): Comparison =>
  ({ scenario: 's', metric: 'wallMs', baseline: `${variant}#a`, variant, ratio, ciLow: ratio - 0.1, ciHigh: ratio + 0.1, pValue: 0.002, verdict: 'slower', method: 'hodges-lehmann' }) as unknown as Comparison;

describe('applyAcknowledgements', () => {
  const rule = { variant: 'app/*@cold', metric: 'wallMs', upTo: 1.5, until: '2026-12-31', why: 'new compiler', file: 'ack.yaml', line: 2 };
  it.each([
    ['in effect', '2026-12-06', 1.3, { standing: 0, acknowledged: 1, notes: [] }],
    ['on its last day', '2026-12-31', 1.3, { standing: 0, acknowledged: 1, notes: [] }],
    ['expired', '2027-01-01', 1.3, { standing: 1, acknowledged: 0, notes: ['app/x@cold#b wallMs: acknowledged at ack.yaml:2 but it expired after 2026-12-31'] }],
    ['slower than it accepts', '2026-12-06', 1.8, { standing: 1, acknowledged: 0, notes: ['app/x@cold#b wallMs: acknowledged at ack.yaml:2 but 1.80× is slower than the 1.5× it accepts'] }],
  ])('%s', (_, today, ratio, expected) => {
    const r = applyAcknowledgements({ regressions: [slower('app/x@cold#b', ratio)], rules: [rule], today, contains: () => undefined });
    expect({ standing: r.standing.length, acknowledged: r.acknowledged.length, notes: r.notes }).toEqual(expected);
  });

  it('a commit: in effect until the baseline contains it; a note when that cannot be told', () => {
    const byCommit = { ...rule, until: 'abc1234' };
    const run = (contained: boolean | undefined) => applyAcknowledgements({ regressions: [slower('app/x@cold#b', 1.3)], rules: [byCommit], today: '2026-12-06', contains: () => contained });
    expect(run(false).acknowledged).toHaveLength(1);
    expect(run(true).notes).toEqual(['app/x@cold#b wallMs: acknowledged at ack.yaml:2 but it expired: the baseline already contains abc1234']);
    expect(run(undefined).notes).toEqual(['app/x@cold#b wallMs: acknowledged at ack.yaml:2; cannot tell whether the baseline contains abc1234, so it stays in effect']);
    expect(run(undefined).standing).toEqual([]);
  });
});

describe('.buildbench/acknowledged.yaml in a real run', () => {
  /** A repository whose second commit makes the build 3× slower; returns the two short commit ids. */
  function repo(dir: string): [string, string] {
    git(dir, 'init', '-q', '-b', 'main');
    writeFileSync(path.join(dir, 's.yaml'), 'name: ack\nproject: proj\nruns: 5\nwarmup: 0\ncache: [cold]\nvariants:\n  - name: app\n    build: sleep "$(cat seconds)"\n');
    writeFileSync(path.join(dir, '.gitignore'), 'out*/\n.buildbench/\n');
    const commit = (s: string) => {
      writeFileSync(path.join(dir, 'proj', 'seconds'), `${s}\n`);
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', s);
      return git(dir, 'rev-parse', '--short', 'HEAD');
    };
    return [commit('0.1'), commit('0.3')];
  }
  const acknowledge = (dir: string, until: string) => {
    mkdirSync(path.join(dir, '.buildbench'), { recursive: true });
    writeFileSync(path.join(dir, '.buildbench/acknowledged.yaml'), `acknowledged:\n  - variant: ack/app@cold\n    metric: wallMs\n    until: ${until}\n    why: the new sleep is on purpose\n`);
  };

  it('passes while acknowledged and fails once expired, in one repository', TIMING, async () => {
    const dir = tempDir('ack');
    const [a, b] = repo(dir);
    acknowledge(dir, '2999-01-01');
    const run = (out: string) => buildbench(['run', 's.yaml', '--ref', a, '--ref', b, '--fail-on-regression', '--out', path.join(dir, out)], dir);
    const passing = await run('out1');
    expect(passing.code, explain(passing)).toBe(0);
    expect(passing.stderr).toMatch(new RegExp(`\\nacknowledged: ack/app@cold#${b} wallMs [23]\\.\\d\\d× \\(the new sleep is on purpose, until 2999-01-01\\)\\n`));
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(path.join(dir, 'out1/summary.md'), 'utf8')).toMatch(/\*\*Acknowledged\*\* \(does not fail until 2999-01-01\): ack\/app@cold\\#[0-9a-f]+ wallMs [23]\.\d\d× — the new sleep is on purpose\n/);
    acknowledge(dir, '2020-01-01');
    const failing = await run('out2');
    expect(failing.code, explain(failing)).toBe(1);
    expect(failing.stderr).toContain(`note: ack/app@cold#${b} wallMs: acknowledged at `);
    expect(failing.stderr).toContain('but it expired after 2020-01-01\n');
    // A busy machine (CI's often is) adds how many builds were kept busy.
    expect(failing.stderr).toMatch(new RegExp(`regression: ack/app@cold#${b}( \\(\\d+ of \\d+ builds kept while the machine was busy: measure again on a quiet machine\\))?\\n`));
  });

  it('validate names each problem of the file at file:line:col; run refuses it before any build', async () => {
    const dir = tempDir('ack-bad');
    mkdirSync(path.join(dir, '.buildbench'));
    writeFileSync(path.join(dir, '.buildbench/acknowledged.yaml'), 'acknowledged:\n  - variant: a/b@cold\n    until: 2027-02-30\n    why: x\n  - variant: a/c@cold\n    metric: bytes\n    until: soon\n');
    const v = await buildbench(['validate', '.buildbench/acknowledged.yaml'], dir);
    expect(v.code).toBe(2);
    expect(v.stderr.split('\n').filter(Boolean)).toEqual([
      '.buildbench/acknowledged.yaml:3:12 acknowledged[0].until: 2027-02-30 is not a date',
      '.buildbench/acknowledged.yaml:5:5 acknowledged[1]: missing required key "why"',
      '.buildbench/acknowledged.yaml:6:13 acknowledged[1].metric: must be one of wallMs, startupFirstMs, startupWarmMs, pipelineMs',
      '.buildbench/acknowledged.yaml:7:12 acknowledged[1].until: must be a date (YYYY-MM-DD) or a commit (7 to 40 hex digits)',
    ]);
    writeFileSync(path.join(dir, 's.yaml'), 'name: s\nproject: proj\nvariants:\n  - name: a\n    build: "true"\n');
    const r = await buildbench(['run', 's.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.buildbench/acknowledged.yaml:');
    expect(r.stderr).not.toContain('buildbench 1 variant');
  });
});
