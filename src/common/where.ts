// Where buildbench keeps the tools it provisions, and how a person calls buildbench from where they stand.
// One home for both, so `{tools}`, BUILDBENCH_TOOLS, `buildbench setup` and the doctor's advice agree.
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { shellWord } from './shell-word.ts';
import { isInside } from './is-inside.ts';

/** The buildbench package this file belongs to (src/probe/tools/ or dist/probe/tools/ → ../../..). */
export const BUILDBENCH_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The environment variable that overrides the tool dir (and that builds receive). */
export const TOOLS_ENV = 'BUILDBENCH_TOOLS';

export interface WhereOptions {
  /** The folder buildbench runs in (holds scenarios/ and reports/). */
  cwd: string;
  /** buildbench's package root; defaults to this package. */
  root?: string;
  env?: NodeJS.ProcessEnv;
}

const real = (p: string): string => {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
};

/** True when `cwd` is buildbench's own checkout (its fixtures' scenarios, its `npm run setup`). */
export function isOwnCheckout(opts: WhereOptions): boolean {
  const root = opts.root ?? BUILDBENCH_ROOT;
  return real(opts.cwd) === real(root) && existsSync(path.join(root, 'scripts/setup.sh'));
}

/**
 * The tool dir (`{tools}`): BUILDBENCH_TOOLS when set; `.tools` in buildbench's own checkout; otherwise
 * `<cwd>/.buildbench/tools`, so a user's project keeps its tool env, wheelhouse and stamps beside its
 * scenarios (one folder to git-ignore) and two projects never share a wheelhouse.
 */
export function toolsDir(opts: WhereOptions): string {
  const fromEnv = (opts.env ?? process.env)[TOOLS_ENV];
  if (fromEnv) return path.resolve(opts.cwd, fromEnv);
  if (isOwnCheckout(opts)) return path.join(opts.root ?? BUILDBENCH_ROOT, '.tools');
  return path.join(opts.cwd, '.buildbench', 'tools');
}

/**
 * How to call buildbench from `cwd`, as typed: `npx buildbench` when it is installed in a node_modules that
 * npx searches from here, `buildbench` when the one on PATH is this package, else `node <root>/bin/buildbench.js`
 * (`scripts/from-source.js` in a clone with no dist/). `npm run …` would run the *current project's* script of
 * that name, so it is never advised outside buildbench's own checkout.
 */
export function buildbenchCommand(opts: WhereOptions): string {
  const root = real(opts.root ?? BUILDBENCH_ROOT);
  for (let dir = real(opts.cwd); ; dir = path.dirname(dir)) {
    if (isInside(root, path.join(dir, 'node_modules'))) return 'npx buildbench';
    if (path.dirname(dir) === dir) break;
  }
  const bin = path.join(root, 'bin', 'buildbench.js');
  for (const dir of ((opts.env ?? process.env).PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, 'buildbench');
    if (existsSync(candidate) && real(candidate) === real(bin)) return 'buildbench';
  }
  const compiled = existsSync(path.join(root, 'dist', 'cli', 'main.js'));
  return `node ${compiled ? bin : path.join(root, 'scripts', 'from-source.js')}`;
}

/** The command that provisions what `scenarios` require, right in `cwd` (`npm run setup` in buildbench's checkout). */
export function setupCommand(opts: WhereOptions & { scenarios?: string[] }): string {
  const args = (opts.scenarios ?? []).map(shellWord).join(' ');
  if (isOwnCheckout(opts)) return args === '' ? 'npm run setup' : `npm run setup -- ${args}`;
  return `${buildbenchCommand(opts)} setup${args === '' ? '' : ` ${args}`}`;
}
