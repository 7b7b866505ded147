// Find a tool the way a scenario's build will: first where the variant's own commands name it by path
// (`.venv/bin/pyinstaller`, `{tools}/venv/bin/pex`), then buildbench's tool env (`{tools}/venv/bin`), the npm-registry
// tools setup installs (`{tools}/node/node_modules/.bin`), the project's own venv and node_modules/.bin,
// buildbench's node_modules/.bin, then PATH. A `requires` entry
// that is itself a path (`.venv/bin/pyinstaller`, `~/.cargo/bin/cargo-machete`) is checked there only.
// Probes are short single commands with a timeout.
import { accessSync, constants, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { installHint, specOf, type AdviceContext, type Locator, type VersionProbe } from './catalog.ts';
import { BUILDBENCH_ROOT, NPM_TOOLS_BIN, setupAdvice, toolsDir } from '../common/where.ts';

/** A tool that was found; `version` is null when it cannot tell its own. */
export interface ToolFound {
  name: string;
  found: true;
  version: string | null;
  path: string;
}

/** A tool that was not found, with what to do about it. */
export interface ToolMissing {
  name: string;
  found: false;
  /** Why it counts as missing (what was looked for). */
  reason: string;
  /** How to install it, or why it cannot be installed here. */
  install: string;
  /** True when `buildbench setup` can provide it (the tool env, or a Debian package as root). */
  bySetup: boolean;
}

export type ToolStatus = ToolFound | ToolMissing;

export interface DetectOptions {
  /** buildbench's package root (holds node_modules/); defaults to this package. */
  root?: string;
  /** Environment to read PATH and settings from; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** The folder buildbench runs in: decides the tool dir and the advice; defaults to process.cwd(). */
  cwd?: string;
  /** The tool dir (`{tools}`); defaults to toolsDir() of cwd. */
  tools?: string;
  /** The scenario's project folder: its .venv/bin, venv/bin and node_modules/.bin are searched. */
  project?: string;
  /** Absolute paths the variant's commands call this tool by, searched first. */
  named?: string[];
  /** The advice for a missing tool; defaults to the setup command right in cwd. */
  advice?: AdviceContext;
}

const PROBE_TIMEOUT_MS = 15_000;

const cwdOf = (opts: DetectOptions): string => opts.cwd ?? process.cwd();

/** The tool dir these options mean. */
export function toolsDirOf(opts: DetectOptions): string {
  return opts.tools ?? toolsDir({ cwd: cwdOf(opts), root: opts.root, env: opts.env });
}

/** The advice context right in cwd: its setup command, and whether this is buildbench's own checkout. */
export function adviceOf(opts: DetectOptions): AdviceContext {
  return opts.advice ?? setupAdvice({ cwd: cwdOf(opts), root: opts.root, env: opts.env });
}

/** The folders searched for executables, in order, each once. */
export function searchDirs(opts: DetectOptions = {}): string[] {
  const root = opts.root ?? BUILDBENCH_ROOT;
  const envPath = (opts.env ?? process.env).PATH ?? '';
  const project = opts.project ? ['.venv/bin', 'venv/bin', 'node_modules/.bin'].map((d) => path.join(opts.project!, d)) : [];
  const dirs = [
    ...(opts.named ?? []).map((p) => path.dirname(p)),
    path.join(toolsDirOf(opts), 'venv/bin'),
    path.join(toolsDirOf(opts), NPM_TOOLS_BIN),
    ...project,
    path.join(cwdOf(opts), 'node_modules/.bin'),
    path.join(root, 'node_modules/.bin'),
    ...envPath.split(path.delimiter),
  ];
  return [...new Set(dirs.filter((d) => d !== ''))];
}

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** First executable called one of `names` in the search dirs. */
export function findExecutable(names: string[], opts: DetectOptions = {}): string | undefined {
  for (const dir of searchDirs(opts)) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return undefined;
}

async function run(file: string, args: string[], env?: NodeJS.ProcessEnv) {
  const r = await execa(file, args, { reject: false, timeout: PROBE_TIMEOUT_MS, env, extendEnv: env === undefined, stdin: 'ignore' });
  return { ok: r.exitCode === 0 && !r.timedOut, out: `${String(r.stdout)}\n${String(r.stderr)}`.trim() };
}

interface Located {
  path: string;
  version?: string | null;
}

async function locate(loc: Locator, opts: DetectOptions): Promise<Located | string> {
  const env = opts.env;
  switch (loc.kind) {
    case 'bin': {
      const found = findExecutable(loc.names, opts);
      return found ? { path: found } : `no ${loc.names.join(' or ')} in ${searchDirs(opts).length} search dirs`;
    }
    case 'rustup-toolchain':
    case 'rustup-component': {
      const rustup = findExecutable(['rustup'], opts);
      if (!rustup) return 'no rustup on PATH';
      // `rustup which` never installs (a plain `rustc +nightly` may try to).
      const which = await run(rustup, ['which', 'rustc', '--toolchain', loc.toolchain], env);
      if (!which.ok) return `rustup has no ${loc.toolchain} toolchain`;
      if (loc.kind === 'rustup-component') {
        const list = await run(rustup, ['component', 'list', '--installed', '--toolchain', loc.toolchain], env);
        if (!list.out.split('\n').some((l) => l.startsWith(loc.component))) {
          return `the ${loc.toolchain} toolchain has no ${loc.component} component`;
        }
      }
      return { path: which.out.split('\n')[0] ?? '' };
    }
    case 'pkg-config': {
      const pkgConfig = findExecutable(['pkg-config'], opts);
      if (!pkgConfig) return 'no pkg-config on PATH';
      const version = await run(pkgConfig, ['--modversion', loc.module], env);
      if (!version.ok) return `pkg-config finds no ${loc.module}`;
      const dir = await run(pkgConfig, ['--variable=pcfiledir', loc.module], env);
      return { path: path.join(dir.out, `${loc.module}.pc`), version: version.out };
    }
    case 'scie-mirror': {
      const dir = (env ?? process.env)[loc.envVar];
      if (!dir) return `${loc.envVar} is not set`;
      const science = path.join(dir, 'science');
      return isExecutableFile(science) ? { path: science } : `${loc.envVar}=${dir} has no executable \`science\``;
    }
  }
}

async function readVersion(probe: VersionProbe, file: string, opts: DetectOptions): Promise<string | null> {
  if (probe.kind === 'none') return null;
  if (probe.kind === 'dpkg') {
    const r = await run('dpkg-query', ['-W', '-f=${Version}', probe.pkg], opts.env).catch(() => ({ ok: false, out: '' }));
    return r.ok && r.out !== '' ? r.out : null;
  }
  const r = await run(file, probe.args, opts.env);
  if (!r.ok) return null;
  const match = (probe.pattern ?? /(\S+)/).exec(r.out);
  return match?.[1] ?? null;
}

/** True for a `requires` entry that names a file rather than a tool (`.venv/bin/pyinstaller`). */
export const isPathRequirement = (name: string): boolean => name.includes('/');

/** A path requirement made absolute: `{tools}` and a leading `~` expanded, relative to the project (or cwd). */
export function resolveRequirementPath(name: string, opts: DetectOptions): string {
  const expanded = name.replaceAll('{tools}', toolsDirOf(opts)).replace(/^~(?=\/)/, (opts.env ?? process.env).HOME ?? os.homedir());
  return path.resolve(opts.project ?? cwdOf(opts), expanded);
}

/** Find `name` and read its version (null when it cannot tell), or say why it is missing and how to install it; never rejects. */
export async function detectTool(name: string, opts: DetectOptions = {}): Promise<ToolStatus> {
  if (isPathRequirement(name)) return detectPath(name, opts);
  const spec = specOf(name);
  const located = await locate(spec.locate, opts);
  if (typeof located === 'string') {
    const bySetup = spec.provide.by === 'tool-env' || spec.provide.by === 'apt' || spec.provide.by === 'npm-registry';
    return { name, found: false, reason: located, install: installHint(spec, adviceOf(opts)), bySetup };
  }
  const version = located.version !== undefined ? located.version : await readVersion(spec.version, located.path, opts);
  return { name, found: true, version, path: located.path };
}

async function detectPath(name: string, opts: DetectOptions): Promise<ToolStatus> {
  const file = resolveRequirementPath(name, opts);
  const base = path.basename(file);
  if (!isExecutableFile(file)) {
    const byName = specOf(base).provide.by === 'tool-env' ? `, or require \`${base}\` by name so \`${adviceOf(opts).setup}\` provides it` : '';
    return { name, found: false, reason: `no executable file ${file}`, install: `create it (the project's own set-up)${byName}`, bySetup: false };
  }
  return { name, found: true, version: await readVersion(specOf(base).version, file, opts), path: file };
}
