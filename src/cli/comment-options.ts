// The flags of `buildbench comment`, declared once: yargs reads them, checkFlags checks their values, and the
// command's argument type is derived from them. The token is never a flag (a flag shows in `ps`): it is read
// from GITHUB_TOKEN (or GH_TOKEN).
import { nonEmpty, numberIn, type Flag, type FlagValues } from './flag-check.ts';

export const COMMENT_OPTIONS = {
  body: { type: 'string', demandOption: true, describe: 'the Markdown to post: a run\'s summary.md', check: nonEmpty },
  repo: { type: 'string', describe: 'owner/name (default: $GITHUB_REPOSITORY)', check: (v) => (/^[\w.-]+\/[\w.-]+$/.test(String(v)) ? undefined : `must be owner/name (got ${JSON.stringify(v)})`) },
  pr: { type: 'number', describe: 'the pull request\'s number (default: the one in $GITHUB_EVENT_PATH)', check: numberIn({ min: 1, integer: true }) },
  name: { type: 'string', default: 'bench', describe: 'which buildbench comment of the pull request (one per name)', check: nonEmpty },
  author: { type: 'string', describe: 'the login whose comment is edited, e.g. github-actions[bot] (default: any comment with the marker)', check: nonEmpty },
  'report-url': { type: 'string', describe: 'a link to the run\'s report and artifacts, put under the summary', check: nonEmpty },
  'api-url': { type: 'string', describe: 'the REST API (default: $GITHUB_API_URL, else https://api.github.com)', check: nonEmpty },
} satisfies Record<string, Flag>;

/** The parsed arguments of `buildbench comment`. */
export type CommentArgs = FlagValues<typeof COMMENT_OPTIONS>;
