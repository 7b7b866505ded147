// Where the tools buildbench measures keep state outside the artifact — caches a build fills, folders a
// launch extracts to — the variable that moves each, and where we learned it. One home: the runner points
// every one of them into a variant's own folders (plan/workdir.ts for builds, runner/smoke.ts for launches)
// and the probes look for extraction there, so a fact corrected here is corrected everywhere.
import { homedir } from 'node:os';
import path from 'node:path';

export interface ToolStateDir {
  tool: string;
  /** The environment variable that moves it. */
  env: string;
  /** The folder used when `env` is unset, on Linux. */
  defaultDir: (env: NodeJS.ProcessEnv) => string;
  /** Where this was learned: the tool's docs or source, or a measurement here (FACTS.md). */
  source: string;
}

/** `$XDG_CACHE_HOME`, else `~/.cache` (XDG Base Directory Specification 0.8). */
const xdgCache = (env: NodeJS.ProcessEnv) => (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(homedir(), '.cache'));

export const TOOL_STATE = {
  pyinstallerConfig: {
    tool: 'PyInstaller (its bincache of stripped/collected binaries)',
    env: 'PYINSTALLER_CONFIG_DIR',
    defaultDir: (env) => path.join(xdgCache(env), 'pyinstaller'),
    source: 'PyInstaller 6.x PyInstaller/__init__.py (DEFAULT_CONFIGDIR from compat.getenv("PYINSTALLER_CONFIG_DIR"), else the XDG cache dir)',
  },
  pyinstallerOnefile: {
    tool: 'PyInstaller onefile (unpacks into $TMPDIR/_MEIxxxxxx on every launch, removed at exit)',
    env: 'TMPDIR',
    defaultDir: (env) => env.TMPDIR ?? '/tmp',
    source: 'https://pyinstaller.org/en/v6.22.2/operating-mode.html ("How the One-File Program Works"); measured here (FACTS.md)',
  },
  pex: {
    tool: 'PEX (unpacked code and installed wheels)',
    env: 'PEX_ROOT',
    defaultDir: (env) => path.join(xdgCache(env), 'pex'),
    source: 'pex --help-variables PEX_ROOT (pex 2.x: ~/.cache/pex; pex 1.x used ~/.pex, man pex(1) 1.1.14); pex 2.1.7 release notes',
  },
  shiv: {
    tool: 'shiv (unpacks site-packages on first launch)',
    env: 'SHIV_ROOT',
    defaultDir: () => path.join(homedir(), '.shiv'),
    source: 'shiv docs "Environment variables" SHIV_ROOT (default ~/.shiv; linkedin/shiv#242 proposes ~/.cache/shiv, not merged)',
  },
  scie: {
    tool: 'a scie (scie-jump unpacks its files once and reuses them)',
    env: 'SCIE_BASE',
    // Not ~/.nce: that is only the fallback without a cache dir (scie-pants#283 moved its own base likewise).
    defaultDir: (env) => path.join(xdgCache(env), 'nce'),
    source: 'scie-jump (a-scie/jump docs/packaging.md, "base"): $XDG_CACHE_HOME/nce, else ~/.cache/nce on Linux, ~/.nce only without a cache dir; measured here (FACTS.md)',
  },
  uv: {
    tool: 'uv',
    env: 'UV_CACHE_DIR',
    defaultDir: (env) => path.join(xdgCache(env), 'uv'),
    source: 'https://docs.astral.sh/uv/concepts/cache/#cache-directory',
  },
  pip: {
    tool: 'pip',
    env: 'PIP_CACHE_DIR',
    defaultDir: (env) => path.join(xdgCache(env), 'pip'),
    source: 'https://pip.pypa.io/en/stable/topics/caching/#default-paths',
  },
  xdgCache: {
    tool: 'every XDG-following tool (the scie cache among them)',
    env: 'XDG_CACHE_HOME',
    defaultDir: (env) => xdgCache(env),
    source: 'XDG Base Directory Specification 0.8',
  },
} satisfies Record<string, ToolStateDir>;

/** `{ ENV: path.join(root, name) }` for each TOOL_STATE entry named in `names` (variable → absolute folder when `root` is): a tool's state moved under `root`. Creates nothing. */
export function stateEnvUnder(root: string, names: Partial<Record<keyof typeof TOOL_STATE, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(names).map(([key, dir]) => [TOOL_STATE[key as keyof typeof TOOL_STATE].env, path.join(root, dir!)]));
}

/** The environment variables that redirect home-directory tool caches (pip, uv, pex, PyInstaller, XDG) into subfolders of the variant's `cacheDir` (which tools, and why: above). Creates nothing. */
export function cacheEnv(cacheDir: string): Record<string, string> {
  return stateEnvUnder(cacheDir, { pyinstallerConfig: 'pyinstaller', pex: 'pex', uv: 'uv', pip: 'pip', xdgCache: 'xdg' });
}

/** Variables buildbench sets in every process of a variant (runner/build-env.ts), before the scenario's env. */
export const RUN_ENV_NAMES: readonly string[] = [...Object.keys(cacheEnv('')), 'BUILDBENCH_TOOLS', 'BUILDBENCH_WORKDIR', 'BUILDBENCH_CACHE'];
