// One comment per pull request, kept up to date: created on the first push, edited in place on every later
// one, left alone when nothing changed (after marocchino/sticky-pull-request-comment and
// peter-evans/create-or-update-comment). The comment is found by a hidden marker in its body and, when known,
// the login of the token's user, so a person who quotes the marker never has their comment overwritten.
import { GitHubError, type GitHubClient } from './github.ts';

/** GitHub refuses a comment body longer than this many characters. */
export const MAX_COMMENT_CHARS = 65_536;

/** What happened to the comment; `forbidden` is a read-only token (a fork's pull request), not a failure. */
export type CommentOutcome =
  | { action: 'created' | 'updated' | 'unchanged'; id: number; url: string }
  | { action: 'forbidden'; message: string };

/** The hidden first line that marks buildbench's comment; `name` tells several comments of one PR apart. */
export const commentMarker = (name: string): string => `<!-- buildbench-comment: ${name.replace(/-->/g, '')} -->`;

/**
 * The comment's body: the marker, `text`, and `footer` (links to the report), cut at a line boundary so the
 * whole stays within MAX_COMMENT_CHARS; a cut says so and keeps the footer.
 */
export function commentBody(opts: { name: string; text: string; footer?: string }): string {
  const head = `${commentMarker(opts.name)}\n`;
  const tail = opts.footer ? `\n\n${opts.footer.trim()}\n` : '\n';
  const cutNote = '\n\n… (cut to fit a comment: the whole summary is in the report)';
  const room = MAX_COMMENT_CHARS - head.length - tail.length;
  let text = opts.text.trim();
  if (text.length > room) {
    const kept = text.slice(0, room - cutNote.length);
    text = `${kept.slice(0, Math.max(0, kept.lastIndexOf('\n')))}${cutNote}`;
  }
  return `${head}${text}${tail}`;
}

/**
 * Creates or updates buildbench's comment `name` on pull request `issue` of `repo` with `body` (from
 * commentBody). `author`, when given, is the login whose comment may be edited (the Action passes
 * `github-actions[bot]`). A 403 (a fork's read-only token, or no `pull-requests: write`) resolves to
 * `forbidden`; any other HTTP or network error rejects.
 */
export async function upsertComment(opts: { client: GitHubClient; repo: string; issue: number; name: string; body: string; author?: string }): Promise<CommentOutcome> {
  const { client, repo, issue, body } = opts;
  const marker = commentMarker(opts.name);
  try {
    const comments = await client.listComments({ repo, issue });
    const ours = comments.find((c) => c.body.startsWith(marker) && (!opts.author || c.user?.login === opts.author));
    if (ours && ours.body === body) return { action: 'unchanged', id: ours.id, url: ours.html_url };
    const written = ours ? await client.updateComment({ repo, id: ours.id, body }) : await client.createComment({ repo, issue, body });
    return { action: ours ? 'updated' : 'created', id: written.id, url: written.html_url };
  } catch (err) {
    if (err instanceof GitHubError && err.status === 403) return { action: 'forbidden', message: err.message };
    throw err;
  }
}
