// The three REST endpoints of GitHub's issue comments that a sticky pull-request comment needs (list, create,
// update), over Node's fetch. A pull request is an issue for comments: /repos/{owner}/{repo}/issues/{n}/comments
// (https://docs.github.com/en/rest/issues/comments). Listing follows the `Link: <…>; rel="next"` header through
// every page, so a comment on page 2 of a busy pull request is still found and updated, not duplicated.

/** One issue comment as the API returns it (the fields used here). */
export interface IssueComment {
  id: number;
  body: string;
  html_url: string;
  user: { login: string; type?: string } | null;
}

/** A non-2xx answer: `status` is the HTTP status (403 for a fork's read-only token, 404 for no such issue). */
export class GitHubError extends Error {
  readonly status: number;
  constructor(opts: { status: number; method: string; url: string; message: string }) {
    super(`${opts.method} ${opts.url}: ${opts.status} ${opts.message}`);
    this.name = 'GitHubError';
    this.status = opts.status;
  }
}

export interface GitHubClient {
  /** Every comment of issue (or pull request) `issue` in `repo` ("owner/name"), all pages, oldest first. */
  listComments(opts: { repo: string; issue: number }): Promise<IssueComment[]>;
  createComment(opts: { repo: string; issue: number; body: string }): Promise<IssueComment>;
  updateComment(opts: { repo: string; id: number; body: string }): Promise<IssueComment>;
}

/**
 * A client of `apiUrl` (GITHUB_API_URL on Actions: https://api.github.com, or a GHES /api/v3 URL) with a
 * token (the job's GITHUB_TOKEN). Every method rejects with GitHubError on an HTTP error, or with the fetch
 * error when the server cannot be reached.
 */
export function createGitHubClient(opts: { apiUrl: string; token: string }): GitHubClient {
  const base = opts.apiUrl.replace(/\/+$/, '');
  const call = async <T>(method: string, url: string, body?: unknown): Promise<{ value: T; next?: string }> => {
    const response = await fetch(url, {
      method,
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${opts.token}`,
        'x-github-api-version': '2022-11-28',
        'user-agent': 'buildbench',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new GitHubError({ status: response.status, method, url, message: errorMessage(text) || response.statusText });
    return { value: JSON.parse(text) as T, next: nextPage(response.headers.get('link')) };
  };
  return {
    async listComments({ repo, issue }) {
      const comments: IssueComment[] = [];
      let url: string | undefined = `${base}/repos/${repo}/issues/${issue}/comments?per_page=100`;
      while (url) {
        const page: { value: IssueComment[]; next?: string } = await call<IssueComment[]>('GET', url);
        comments.push(...page.value);
        url = page.next;
      }
      return comments;
    },
    async createComment({ repo, issue, body }) {
      return (await call<IssueComment>('POST', `${base}/repos/${repo}/issues/${issue}/comments`, { body })).value;
    },
    async updateComment({ repo, id, body }) {
      return (await call<IssueComment>('PATCH', `${base}/repos/${repo}/issues/comments/${id}`, { body })).value;
    },
  };
}

/** The `rel="next"` URL of a Link header (RFC 8288), if any. */
export function nextPage(link: string | null): string | undefined {
  for (const part of (link ?? '').split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match) return match[1];
  }
  return undefined;
}

const errorMessage = (text: string): string => {
  try {
    return String((JSON.parse(text) as { message?: unknown }).message ?? '');
  } catch {
    return text.slice(0, 200);
  }
};
