// The Action's history branch (scripts/history-branch.sh) on a real bare repository: jobs that push at the
// same moment each add their record, none is lost, and a later job reads them all back.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRecord, readHistory, recordFileName, serializeRecord } from '../../src/history/index.ts';
import { defaultPlanResults } from '../history/fixtures.ts';
import { ROOT, exec, explain, scratchDir } from './helpers.ts';

const SCRIPT = path.join(ROOT, 'scripts/history-branch.sh');
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** A record file for run n, in `dir`. */
function recordFile(dir: string, n: number): string {
  const results = defaultPlanResults(1);
  const record = makeRecord({ ...results, runId: `2026-12-01T10-00-0${n}-000-job${n}`, startedAt: `2026-12-01T10:00:0${n}.000Z` });
  const file = path.join(dir, recordFileName(record));
  writeFileSync(file, serializeRecord(record));
  return file;
}

describe('scripts/history-branch.sh', () => {
  it('keeps every record when six jobs in two clones push at once, and reads them all back', { timeout: 120_000 }, async () => {
    const dir = scratchDir('history-branch');
    git(dir, 'init', '--quiet', '--bare', 'origin.git');
    const clones = ['a', 'b', 'c'].map((name) => {
      git(dir, 'clone', '--quiet', 'origin.git', name);
      mkdirSync(path.join(dir, `${name}-records`));
      return path.join(dir, name);
    });
    // Three jobs in each of two clones, each with its own record, started together.
    const jobs = [0, 1, 2, 3, 4, 5].map((n) => {
      const clone = clones[n % 2]!;
      return exec({ command: 'bash', args: [SCRIPT, 'push', recordFile(`${clone}-records`, n)], cwd: clone });
    });
    const done = await Promise.all(jobs);
    for (const r of done) expect(r.code, explain(r)).toBe(0);
    const names = git(path.join(dir, 'origin.git'), 'ls-tree', '--name-only', 'buildbench-history').split('\n');
    expect(names).toEqual([0, 1, 2, 3, 4, 5].map((n) => `2026-12-01T10-00-0${n}-000-job${n}.json`));
    // One commit per record, in one line of history.
    expect(git(path.join(dir, 'origin.git'), 'rev-list', '--count', 'buildbench-history')).toBe('6');
    expect(git(path.join(dir, 'origin.git'), 'rev-list', '--merges', '--count', 'buildbench-history')).toBe('0');

    // A later job reads the branch into a folder that `buildbench history` reads.
    const read = await exec({ command: 'bash', args: [SCRIPT, 'read', path.join(dir, 'history')], cwd: clones[2]! });
    expect(read.code, explain(read)).toBe(0);
    expect(readdirSync(path.join(dir, 'history'))).toHaveLength(6);
    const history = readHistory(path.join(dir, 'history'));
    expect(history.warnings).toEqual([]);
    expect(history.records.map((r) => r.runId)).toEqual([0, 1, 2, 3, 4, 5].map((n) => `2026-12-01T10-00-0${n}-000-job${n}`));
    // The clones' own branches and work trees were not touched.
    expect(git(clones[0]!, 'status', '--porcelain')).toBe('');
  });

  it('reads an empty folder when the branch does not exist yet', async () => {
    const dir = scratchDir('history-branch-empty');
    git(dir, 'init', '--quiet', '--bare', 'origin.git');
    git(dir, 'clone', '--quiet', 'origin.git', 'a');
    const read = await exec({ command: 'bash', args: [SCRIPT, 'read', path.join(dir, 'history')], cwd: path.join(dir, 'a') });
    expect(read.code, explain(read)).toBe(0);
    expect(readdirSync(path.join(dir, 'history'))).toEqual([]);
  });
});
