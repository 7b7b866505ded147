// Packages a frozen app ships although the team never imports them at run time: developer tools that
// PyInstaller's import graph reaches through a debug-only code path, or that sit in the environment a PEX
// was resolved from. Which modules are "never imported" is the team's knowledge, passed in; the default
// list holds the usual suspects from a developer environment.
import type { ArchiveContents } from './package-sizes.ts';
import { normalizeName } from './package-sizes.ts';

export const DEFAULT_NEVER_IMPORTED: readonly string[] = [
  'IPython',
  'pytest',
  '_pytest',
  'pluggy',
  'black',
  'blib2to3',
  'jedi',
  'parso',
  'pygments',
  'prompt_toolkit',
  'traitlets',
  'stack_data',
  'asttokens',
  'executing',
  'pure_eval',
  'matplotlib_inline',
  'mypy',
];

export interface UnusedModule {
  module: string;
  bytes: number;
  files: number;
  /** What to change in the build, e.g. "--exclude-module pygments". */
  suggestion: string;
}

function suggest(contents: ArchiveContents, module: string, distribution: string | undefined): string {
  switch (contents.packager) {
    case 'pyinstaller':
      return `--exclude-module ${module}`;
    case 'pex':
      // pex --exclude takes a requirement (a distribution), not a module.
      return distribution ? `--exclude ${distribution}` : `remove ${module} from the PEX’s sources`;
    default:
      return `remove ${distribution ?? module} from the requirements`;
  }
}

/** Shipped packages from the never-imported list, largest first, each with bytes and a suggested change. */
export function unusedHeavyModules(contents: ArchiveContents, opts: { neverImported?: readonly string[] } = {}): UnusedModule[] {
  const wanted = new Set((opts.neverImported ?? DEFAULT_NEVER_IMPORTED).map(normalizeName));
  return contents.packages
    .filter((p) => wanted.has(normalizeName(p.name)))
    .map((p) => ({ module: p.name, bytes: p.bytes, files: p.files, suggestion: suggest(contents, p.name, p.distribution) }));
}
