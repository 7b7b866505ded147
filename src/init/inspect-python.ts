// What `buildbench init` learns about a Python app: where it lives, its requirements, how it starts (a
// PyInstaller .spec, pyproject's [project.scripts], a package's __main__.py, a script), and whether it serves
// HTTP (a port flag, a /health route). Each answer carries the reason it was guessed, for the file's comments.
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { inspectToolchain, type PythonToolchain } from './python-toolchain.ts';
import { readText } from './walk.ts';

/** A value `init` chose, and why (written as a comment beside it). */
export interface Guess<T = string> {
  value: T;
  why: string;
}

export interface PythonApp {
  /** Folder of the app, relative to the inspected root ('' for the root itself). */
  dir: string;
  app?: Guess;
  script?: Guess;
  module?: Guess;
  sourceDir: Guess;
  /** Where its dependencies are kept, the tool versions it pins and the Python it names. */
  toolchain: PythonToolchain;
  web: boolean;
  serveArgs: Guess;
  ready: Guess;
  env?: Record<string, string>;
}

const MANIFEST = /(^|\/)(pyproject\.toml|requirements[^/]*\.(txt|lock|in)|[^/]+\.spec)$/;
const WEB = /\b(uvicorn|fasthtml|fastapi|flask|starlette|aiohttp|django|sanic|litestar|bottle)\b/;

/** Folders holding a pyproject.toml, a requirements file or a PyInstaller .spec. */
export function findPythonDirs(files: string[]): string[] {
  const dirs = files.filter((f) => MANIFEST.test(f)).map((f) => path.posix.dirname(f).replace(/^\.$/, ''));
  // A nested folder under another Python app's folder is part of that app.
  return [...new Set(dirs)].filter((d, _, all) => !all.some((o) => o !== d && (o === '' || d.startsWith(`${o}/`))));
}

/**
 * What a Python app in `dir` (relative to `root`; `files` the project's files, relative) shows: its spec,
 * requirements, entry script or module, app name and web port, each with why it was guessed. Never throws.
 */
export function inspectPython(opts: { root: string; dir: string; files: string[] }): PythonApp {
  const { root, dir } = opts;
  const at = (rel: string) => (dir ? `${dir}/${rel}` : rel);
  const own = opts.files.filter((f) => dir === '' || f.startsWith(`${dir}/`)).map((f) => (dir ? f.slice(dir.length + 1) : f));
  const text = (rel: string) => readText(root, at(rel));
  const spec = own.find((f) => !f.includes('/') && f.endsWith('.spec'));
  const specText = spec ? text(spec) : undefined;
  const pyproject = own.includes('pyproject.toml') ? readPyproject(text('pyproject.toml')) : {};
  const sources = own.filter((f) => f.endsWith('.py')).slice(0, 400);
  const code = sources.map((f) => text(f) ?? '').join('\n');
  const srcLayout = own.some((f) => /^src\/[^/]+\/__init__\.py$/.test(f));
  const mainPackage = own.find((f) => /^(src\/)?[^/]+\/__main__\.py$/.test(f));
  // A script with a `__main__` block, the shallowest first (a top-level run_app.py before src/app/main.py).
  const byDepth = sources.filter((f) => !/(^|\/)(tests?|docs|examples?)\//.test(f)).sort((a, b) => a.split('/').length - b.split('/').length);
  const rootScript = byDepth.find((f) => /__name__\s*==\s*['"]__main__['"]/.test(text(f) ?? ''));
  const scriptDir = rootScript?.includes('/') ? path.posix.dirname(rootScript) : undefined;
  const web = WEB.test(code);
  const portFlag = /['"]--port['"]/.test(code);
  const portEnv = !portFlag && /environ(\.get\(|\[)\s*['"]PORT['"]/.test(code);
  // A fixed port the app listens on (`PORT_API = 8008`), when it takes none from outside.
  const fixedPort = /\bPORT\w*\s*=\s*(\d{2,5})\b/i.exec(code)?.[1];
  const health = /['"]\/health[z]?['"]/.exec(code)?.[0].slice(1, -1);

  const specScript = specText ? /Analysis\(\s*\[\s*['"]([^'"]+)['"]/.exec(specText)?.[1] : undefined;
  const specName = specText ? /\bname\s*=\s*['"]([^'"]+)['"]/.exec(specText)?.[1] : undefined;
  const script: Guess | undefined = specScript
    ? { value: specScript, why: `the script ${spec} analyses` }
    : rootScript
      ? { value: rootScript, why: 'the shallowest script with an `if __name__ == "__main__"` block' }
      : mainPackage
        ? { value: mainPackage, why: "the package's __main__.py (PyInstaller cannot follow its relative imports: prefer a script that imports the app)" }
        : undefined;
  const module: Guess | undefined = pyproject.entry
    ? { value: pyproject.entry.target, why: `[project.scripts] ${pyproject.entry.name} in pyproject.toml` }
    : mainPackage
      ? { value: mainPackage.replace(/^src\//, '').split('/')[0]!, why: `the package with ${mainPackage}` }
      : rootScript
        ? { value: path.posix.basename(rootScript, '.py'), why: `the module of ${rootScript}` }
        : undefined;
  const appName = specName ?? pyproject.entry?.name ?? pyproject.name ?? (path.posix.basename(dir) || module?.value.split(/[.:]/)[0]);
  const app: Guess | undefined = appName
    ? { value: appName.replace(/[^A-Za-z0-9._-]/g, '-'), why: specName ? `name= in ${spec}` : pyproject.entry ? 'the script name in pyproject.toml' : pyproject.name ? 'the project name in pyproject.toml' : 'the folder name' }
    : undefined;
  const port = portFlag ? '--port {port}' : '';
  return {
    dir,
    app,
    script,
    module,
    sourceDir: srcLayout
      ? { value: 'src', why: 'packages under src/' }
      : scriptDir && !mainPackage && !pyproject.entry
        ? { value: scriptDir, why: `the folder of ${rootScript}, which PEX and shiv run as a module` }
        : { value: '.', why: 'packages at the top level' },
    toolchain: inspectToolchain({ root, dir, own }),
    web,
    serveArgs: web
      ? { value: port, why: portFlag ? 'the app parses --port' : portEnv ? 'the app reads PORT from the environment (set below)' : 'no port option found: the app must listen where `ready` looks' }
      : { value: '--help', why: 'no web framework imported: a launch that prints help and exits times start-up' },
    ready: web
      ? {
          value: `http://127.0.0.1:${portFlag || portEnv ? '{port}' : (fixedPort ?? '8000')}${health ?? '/'}`,
          why: [health ? `the app serves ${health}` : 'no /health route found: the root page', !portFlag && !portEnv && (fixedPort ? `its fixed port ${fixedPort}` : 'port 8000 guessed')].filter(Boolean).join('; '),
        }
      : { value: '', why: 'ready when the launch exits 0' },
    ...(portEnv ? { env: { PORT: '{port}' } } : {}),
  };
}

function readPyproject(text: string | undefined): { name?: string; entry?: { name: string; target: string } } {
  if (!text) return {};
  try {
    const doc = parseToml(text) as { project?: { name?: string; scripts?: Record<string, string> } };
    const first = Object.entries(doc.project?.scripts ?? {})[0];
    return { name: doc.project?.name, entry: first ? { name: first[0], target: first[1] } : undefined };
  } catch {
    return {}; // a broken pyproject.toml: the other files still tell how the app starts
  }
}
