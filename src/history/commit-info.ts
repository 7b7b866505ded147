// The commit's subject and date, read once per run when the record is made (the results file keeps only the
// hash): the history then names a commit without a checkout of the repository.
import { execa } from 'execa';

/** Subject (first line) and committer date (ISO 8601) of `sha` in the git repository at `cwd`; {} when git, the repository or the commit is missing. Never throws. */
export async function readCommitInfo(opts: { sha: string; cwd: string }): Promise<{ subject?: string; committedAt?: string }> {
  const r = await execa('git', ['log', '-1', '--format=%cI%n%s', opts.sha, '--'], { cwd: opts.cwd, reject: false, stdin: 'ignore', timeout: 10_000 });
  if (r.exitCode !== 0 || typeof r.stdout !== 'string') return {};
  const [committedAt, ...subject] = r.stdout.split('\n');
  return committedAt ? { committedAt, subject: subject.join(' ').trim() } : {};
}
