// Where a variant's own commands call a tool by path: `.venv/bin/pyinstaller …` or `{tools}/venv/bin/pex …`
// names the executable the build will really run, so `requires: [pyinstaller]` is checked there first.
import os from 'node:os';
import path from 'node:path';

/** What the commands' words are resolved against. */
export interface NamingContext {
  /** The project folder (each workdir is a copy of it): relative paths and `{workdir}` resolve here. */
  project: string;
  /** The tool dir `{tools}` stands for. */
  tools: string;
  env?: NodeJS.ProcessEnv;
}

// Shell words: split at blanks and operators; quotes are dropped (a quoted path is still a path).
const WORD_BREAK = /[\s;&|()<>`]+/;

function resolveWord(raw: string, ctx: NamingContext): string | undefined {
  const env = ctx.env ?? process.env;
  const word = raw
    .replace(/["']/g, '')
    .replaceAll('{tools}', ctx.tools)
    .replaceAll('{workdir}', ctx.project)
    .replace(/^~(?=\/)/, env.HOME ?? os.homedir())
    .replace(/\$\{?(HOME)\}?/g, () => env.HOME ?? os.homedir());
  // Anything still unexpanded ({cache}, $VAR, globs) is not a path we can check before the run.
  if (/[{}$*?]/.test(word) || word.startsWith('-')) return undefined;
  return path.resolve(ctx.project, word);
}

/** Absolute paths the commands call `tool` by (words with a `/` whose last part is the tool), in order, each once. */
export function pathsNamed(opts: { tool: string; commands: string[] } & NamingContext): string[] {
  const found: string[] = [];
  for (const command of opts.commands) {
    for (const raw of command.split(WORD_BREAK)) {
      // `--python=.venv/bin/python` names the file after the `=`.
      const word = raw.slice(raw.indexOf('=') + 1);
      if (!word.includes('/') || path.posix.basename(word.replace(/["']/g, '')) !== opts.tool) continue;
      const file = resolveWord(word, opts);
      if (file !== undefined && !found.includes(file)) found.push(file);
    }
  }
  return found;
}
