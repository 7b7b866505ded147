// The pull-request stage: it only sends what the other stages computed (summary.md) to where reviewers read.
export { createGitHubClient, GitHubError, nextPage, type GitHubClient, type IssueComment } from './github.ts';
export { commentBody, commentMarker, upsertComment, MAX_COMMENT_CHARS, type CommentOutcome } from './sticky-comment.ts';
