// The comment flow against a local HTTP server that answers the three endpoints as GitHub does (paged list
// with a Link header, create, update; 403 for a read-only token), driven through the real command line.
import type { Server } from 'node:http';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exec, BIN, scratchDir } from '../e2e/helpers.ts';
import { commentBody, MAX_COMMENT_CHARS, nextPage } from '../../src/pull-request/index.ts';
import { fakeGitHub, listen } from './fake-github.ts';

let running: Server | undefined;
afterEach(() => running?.close());

async function start(fake: ReturnType<typeof fakeGitHub>): Promise<string> {
  running = fake.server;
  return listen(fake);
}

const comment = (opts: { dir: string; api: string; body: string; token?: string; extra?: string[] }) => {
  const file = path.join(opts.dir, 'summary.md');
  writeFileSync(file, opts.body);
  return exec({
    command: process.execPath,
    args: [BIN, 'comment', '--body', file, '--repo', 'acme/app', '--pr', '7', '--api-url', opts.api, '--author', 'github-actions[bot]', ...(opts.extra ?? [])],
    cwd: opts.dir,
    env: { GITHUB_TOKEN: opts.token ?? 'write-token' },
  });
};

describe('buildbench comment', () => {
  it('creates one comment on the first push and updates it on the next two, past a page of other comments', async () => {
    const fake = fakeGitHub();
    // 120 comments by people before ours: the list takes two pages of 100.
    for (let i = 0; i < 120; i++) fake.comments.push({ id: i + 1, body: i === 3 ? `quoting ${commentBody({ name: 'bench', text: 'x' })}` : `review ${i}`, user: { login: `dev${i}`, type: 'User' }, html_url: '' });
    const api = await start(fake);
    const dir = scratchDir('comment');
    const pushes = ['## run 1\nslower', '## run 2\nno difference', '## run 3\nfaster'];
    const outputs = [];
    for (const body of pushes) outputs.push(await comment({ dir, api, body, extra: ['--report-url', 'https://github.com/acme/app/actions/runs/42'] }));
    expect(outputs.map((o) => o.code)).toEqual([0, 0, 0]);
    expect(outputs.map((o) => o.stdout.split(':')[0])).toEqual(['comment created', 'comment updated', 'comment updated']);
    const ours = fake.comments.filter((c) => c.user.login === 'github-actions[bot]');
    expect(ours).toHaveLength(1);
    expect(ours[0]!.body).toBe('<!-- buildbench-comment: bench -->\n## run 3\nfaster\n\n[The whole report and the run\'s artifacts](https://github.com/acme/app/actions/runs/42)\n');
    // The person who quoted the marker keeps their comment.
    expect(fake.comments[3]!.body.startsWith('quoting')).toBe(true);
    expect(fake.requests.filter((r) => r.startsWith('POST'))).toHaveLength(1);
    expect(fake.requests.filter((r) => r.startsWith('PATCH'))).toHaveLength(2);
    expect(fake.requests).toContain('GET /repos/acme/app/issues/7/comments?per_page=100&page=2');
  });

  it('leaves an unchanged comment alone', async () => {
    const fake = fakeGitHub();
    const api = await start(fake);
    const dir = scratchDir('comment-same');
    await comment({ dir, api, body: 'same' });
    const second = await comment({ dir, api, body: 'same' });
    expect(second.stdout).toMatch(/^comment unchanged: https:\/\/github.com\/acme\/app\/pull\/7#issuecomment-1000\n$/);
    expect(fake.requests.filter((r) => !r.startsWith('GET'))).toEqual(['POST /repos/acme/app/issues/7/comments']);
  });

  it('a fork\'s read-only token: a warning with the way out, and exit 0', async () => {
    const fake = fakeGitHub({ readOnlyToken: 'fork-token' });
    const api = await start(fake);
    const out = await comment({ dir: scratchDir('comment-fork'), api, body: 'x', token: 'fork-token' });
    expect(out.code).toBe(0);
    expect(out.stderr).toContain('warning: the token may not comment on acme/app#7 (POST');
    expect(out.stderr).toContain('403 Resource not accessible by integration): a pull request from a fork gets a read-only token; post from a workflow_run workflow instead');
    expect(fake.comments).toEqual([]);
  });

  it('no token: one line, exit 2', async () => {
    const dir = scratchDir('comment-token');
    writeFileSync(path.join(dir, 'summary.md'), 'x');
    const out = await exec({ command: process.execPath, args: [BIN, 'comment', '--body', 'summary.md', '--repo', 'acme/app', '--pr', '7'], cwd: dir, env: { GITHUB_TOKEN: '', GH_TOKEN: '' } });
    expect(out.code).toBe(2);
    expect(out.stderr).toBe("GITHUB_TOKEN: is not set: the comment needs the job's token (permissions: pull-requests: write)\n");
  });
});

describe('commentBody', () => {
  it('cuts a summary past GitHub\'s limit at a line and keeps the footer', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `| row ${i} | ${'x'.repeat(20)} |`).join('\n');
    const body = commentBody({ name: 'bench', text, footer: '[report](https://example.com)' });
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(body).toMatch(/\|\n\n… \(cut to fit a comment: the whole summary is in the report\)\n\n\[report\]\(https:\/\/example.com\)\n$/);
  });

  it('reads the next page of a Link header', () => {
    expect(nextPage('<https://api.github.com/x?page=2>; rel="next", <https://api.github.com/x?page=5>; rel="last"')).toBe('https://api.github.com/x?page=2');
    expect(nextPage('<https://api.github.com/x?page=1>; rel="prev"')).toBeUndefined();
    expect(nextPage(null)).toBeUndefined();
  });
});
