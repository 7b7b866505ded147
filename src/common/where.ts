// Where buildbench's own checkout or package is, where it keeps the tools it provisions, and how a person
// calls buildbench from where they stand. One home for all three, so `{tools}` and $BUILDBENCH_TOOLS in a
// build, the folders `doctor` and `setup` check and provision, and the doctor's advice always agree.
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { shellWord } from './shell-word.ts';
import { isInside } from './is-inside.ts';

/** The buildbench package this file belongs to, absolute (src/common/ or dist/common/ → ../..). */
export const BUILDBENCH_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Where `setup` installs command-line tools published on the npm registry (pnpm), inside the tool dir: their
 * executables are in `{tools}/<NPM_TOOLS_BIN>`, which tool detection searches and tauri-bundle's builds put on PATH.
 */
export const NPM_TOOLS_BIN = 'node/node_modules/.bin';

/** The environment variable that overrides the tool dir (and that builds receive). */
export const TOOLS_ENV = 'BUILDBENCH_TOOLS';

export interface WhereOptions {
  /** The folder buildbench runs in (holds scenarios/ and reports/); defaults to process.cwd(). */
  cwd?: string;
  /** buildbench's package root; defaults to this package. */
  root?: string;
  /** The environment BUILDBENCH_TOOLS and PATH are read from; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

const cwdOf = (opts: WhereOptions): string => opts.cwd ?? process.cwd();

const real = (p: string): string => {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
};

/** True when `cwd` is buildbench's own checkout (its fixtures' scenarios, its `npm run setup`). Never throws. */
export function isOwnCheckout(opts: WhereOptions = {}): boolean {
  const root = opts.root ?? BUILDBENCH_ROOT;
  return real(cwdOf(opts)) === real(root) && existsSync(path.join(root, 'scripts/setup.sh'));
}

/**
 * The tool dir (`{tools}`), an absolute path that need not exist yet: BUILDBENCH_TOOLS when set (relative to
 * `cwd`); `.tools` in buildbench's own checkout; otherwise `<cwd>/.buildbench/tools`, so a user's project keeps
 * its tool env, wheelhouse and stamps beside its scenarios (one folder to git-ignore) and two projects never
 * share a wheelhouse. Builds, seeds, `doctor`, `setup` and the probes all ask here. Never throws.
 */
export function toolsDir(opts: WhereOptions = {}): string {
  const fromEnv = (opts.env ?? process.env)[TOOLS_ENV];
  if (fromEnv) return path.resolve(cwdOf(opts), fromEnv);
  if (isOwnCheckout(opts)) return path.join(opts.root ?? BUILDBENCH_ROOT, '.tools');
  return path.join(cwdOf(opts), '.buildbench', 'tools');
}

/**
 * How to call buildbench from `cwd`, as a shell command prefix (never throws): `npx buildbench` when it is installed in a node_modules that
 * npx searches from here (copied from a tarball, or linked there from a folder: `npm install -D ../buildbench`
 * links, and node runs the link's target), `buildbench` when the one on PATH is this package, else `node
 * <root>/bin/buildbench.js` (`scripts/from-source.js` in a clone with no dist/). `npm run …` would run the
 * *current project's* script of that name, so it is never advised outside buildbench's own checkout.
 */
export function buildbenchCommand(opts: WhereOptions = {}): string {
  const root = real(opts.root ?? BUILDBENCH_ROOT);
  const bin = path.join(root, 'bin', 'buildbench.js');
  for (let dir = real(cwdOf(opts)); ; dir = path.dirname(dir)) {
    if (isInside(root, path.join(dir, 'node_modules'))) return 'npx buildbench';
    const linked = path.join(dir, 'node_modules', '.bin', 'buildbench');
    if (existsSync(linked) && real(linked) === real(bin)) return 'npx buildbench';
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of ((opts.env ?? process.env).PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, 'buildbench');
    if (existsSync(candidate) && real(candidate) === real(bin)) return 'buildbench';
  }
  const compiled = existsSync(path.join(root, 'dist', 'cli', 'main.js'));
  return `node ${compiled ? bin : path.join(root, 'scripts', 'from-source.js')}`;
}

/**
 * The shell command that provisions what `scenarios` (scenario names or files, shell-quoted here) require,
 * right in `cwd`: `npm run setup [-- …]` in buildbench's checkout, else `<buildbenchCommand> setup […]`.
 */
export function setupCommand(opts: WhereOptions & { scenarios?: string[] } = {}): string {
  const args = (opts.scenarios ?? []).map(shellWord).join(' ');
  if (isOwnCheckout(opts)) return args === '' ? 'npm run setup' : `npm run setup -- ${args}`;
  return `${buildbenchCommand(opts)} setup${args === '' ? '' : ` ${args}`}`;
}

/** What the doctor and `setup` advise for a missing tool: the setup command right in `cwd`, and whether it is buildbench's checkout. */
export function setupAdvice(opts: WhereOptions & { scenarios?: string[] } = {}): { setup: string; ownCheckout: boolean } {
  return { setup: setupCommand(opts), ownCheckout: isOwnCheckout(opts) };
}
