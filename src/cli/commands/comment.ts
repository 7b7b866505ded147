// `buildbench comment --body summary.md`: one comment on the pull request, created once and updated on every
// push. A read-only token (a pull request from a fork) is a warning with the way out, never a failed job:
// the verdict is in the job's status and summary either way.
import { readFileSync } from 'node:fs';
import { InputError } from '../../common/problem.ts';
import { commentBody, createGitHubClient, upsertComment } from '../../pull-request/index.ts';
import type { CommentArgs } from '../comment-options.ts';
import { stripControl } from '../terminal.ts';
import { EXIT } from '../exit-codes.ts';

/**
 * Posts or updates the comment and returns EXIT.ok (also for a 403, which is printed as a warning).
 * Errors: InputError when the token, the repository, the pull request or the body file is missing; a
 * GitHubError (any status but 403) or a network error rejects, which the command line prints with exit 1.
 */
export async function commentCommand(args: CommentArgs, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const token = env.GITHUB_TOKEN || env.GH_TOKEN;
  const repo = args.repo ?? env.GITHUB_REPOSITORY;
  const issue = args.pr ?? pullRequestOfEvent(env.GITHUB_EVENT_PATH);
  const problems = [
    ...(token ? [] : [{ file: 'GITHUB_TOKEN', message: 'is not set: the comment needs the job\'s token (permissions: pull-requests: write)' }]),
    ...(repo ? [] : [{ file: '--repo', message: 'is not given and GITHUB_REPOSITORY is not set' }]),
    ...(issue ? [] : [{ file: '--pr', message: 'is not given and GITHUB_EVENT_PATH holds no pull request' }]),
  ];
  if (problems.length > 0) throw new InputError(problems);
  const text = readBody(args.body);
  const footer = args.reportUrl ? `[The whole report and the run's artifacts](${args.reportUrl})` : undefined;
  const client = createGitHubClient({ apiUrl: args.apiUrl ?? env.GITHUB_API_URL ?? 'https://api.github.com', token: token! });
  const outcome = await upsertComment({ client, repo: repo!, issue: issue!, name: args.name, body: commentBody({ name: args.name, text, footer }), author: args.author });
  if (outcome.action === 'forbidden') {
    process.stderr.write(
      `warning: the token may not comment on ${stripControl(repo!)}#${issue} (${stripControl(outcome.message)}): a pull request from a fork gets a read-only token; post from a workflow_run workflow instead (docs/ci.md, "Pull requests from forks")\n`,
    );
    return EXIT.ok;
  }
  process.stdout.write(`comment ${outcome.action}: ${stripControl(outcome.url)}\n`);
  return EXIT.ok;
}

function readBody(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError([{ file, message: `cannot read the comment's body (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` }]);
  }
}

/** The pull request's number in a GitHub event payload (pull_request, pull_request_target, issue_comment). */
function pullRequestOfEvent(file: string | undefined): number | undefined {
  if (!file) return undefined;
  try {
    const event = JSON.parse(readFileSync(file, 'utf8')) as { pull_request?: { number?: number }; number?: number };
    return event.pull_request?.number ?? event.number;
  } catch {
    return undefined;
  }
}
