// Find a tool the way a scenario's build will: buildbench's own tool env (.tools/venv/bin) and
// node_modules/.bin first, then PATH. Probes are short single commands with a timeout.
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { specOf, type Locator, type VersionProbe } from './catalog.ts';

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
}

export type ToolStatus = ToolFound | ToolMissing;

export interface DetectOptions {
  /** buildbench's root (holds .tools/ and node_modules/); defaults to this checkout. */
  root?: string;
  /** Environment to read PATH and settings from; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

const PROBE_TIMEOUT_MS = 15_000;

/** The checkout this file belongs to (src/toolchain/ → ../..). */
export const BUILDBENCH_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The folders searched for executables, in order. */
export function searchDirs(opts: DetectOptions = {}): string[] {
  const root = opts.root ?? BUILDBENCH_ROOT;
  const envPath = (opts.env ?? process.env).PATH ?? '';
  return [path.join(root, '.tools/venv/bin'), path.join(root, 'node_modules/.bin'), ...envPath.split(path.delimiter)].filter(
    (d) => d !== '',
  );
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

/** Find `name` and read its version, or say why it is missing and how to install it. */
export async function detectTool(name: string, opts: DetectOptions = {}): Promise<ToolStatus> {
  const spec = specOf(name);
  const located = await locate(spec.locate, opts);
  if (typeof located === 'string') return { name, found: false, reason: located, install: spec.install };
  const version = located.version !== undefined ? located.version : await readVersion(spec.version, located.path, opts);
  return { name, found: true, version, path: located.path };
}
