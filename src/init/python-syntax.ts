// Python sources read by Python's own parser: the machine's python3 runs PYTHON_SYNTAX_SCRIPT over the files and
// returns, per file, what its live code does (imports, servers started and on which port, routes, argparse
// flags). Comments, strings and dead code never count, which a regular expression over the text cannot promise.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { PYTHON_SYNTAX_SCRIPT } from './python-syntax-script.ts';

/** Where a server's port comes from: a `--flag` the app parses, an environment variable, a fixed number (or the flag's/variable's default). */
export interface PortSource {
  flag?: string;
  env?: string;
  value?: number;
}

/** A call that starts a server (`uvicorn.run`, `app.run`, `web.run_app`, `serve`). */
export interface ServerCall {
  call: string;
  line: number;
  /** `module` (runs on import), `main` (in the `__main__` block) or `function:NAME`. */
  where: string;
  port?: PortSource;
  /** The port the called server listens on when given none (uvicorn 8000, Flask 5000, aiohttp 8080). */
  defaultPort?: number;
}

/** What one Python file's live code does; `error` instead when it does not parse. */
export interface PyFacts {
  file: string;
  error?: string;
  /** Top-level names of the modules it imports (absolute imports only). */
  imports: string[];
  /** Names of the functions it defines (any depth). */
  functions: string[];
  /** Names bound at its top level (defs, classes, imports, assignments): what `module:name` reaches. */
  topNames: string[];
  mainBlock: boolean;
  /** The name its `__main__` block calls when the block is that one call (`app()`, `sys.exit(main())`). */
  mainSole?: string;
  /** Names called in its `if __name__ == "__main__":` block. */
  mainCalls: string[];
  servers: ServerCall[];
  /** GET routes its decorators and route calls declare (`@app.get("/health")`, `@rt("/")`, `add_api_route`). */
  routes: { path: string; line: number }[];
  argparse: PortSource[];
  /** For a PyInstaller .spec (and then nothing else): what it builds. */
  spec?: SpecFacts;
}

/** What a .spec builds: Analysis' scripts (relative to the spec's folder), EXE's name (null when computed), COLLECT (a folder) or not. */
export interface SpecFacts {
  scripts: string[];
  name?: string | null;
  collect: boolean;
  excludes: string[];
}

/**
 * The facts of each of `files` (relative to `root`), by relative path, read by `python3` (the first on PATH).
 * Returns `{ error }` when python3 cannot be run or fails: the caller says so and falls back to guesses.
 */
export function readPythonFacts(opts: { root: string; files: string[]; python?: string }): { facts: Map<string, PyFacts> } | { error: string } {
  if (opts.files.length === 0) return { facts: new Map() };
  const python = opts.python ?? 'python3';
  const r = spawnSync(python, ['-c', PYTHON_SYNTAX_SCRIPT], {
    input: JSON.stringify(opts.files.map((f) => path.join(opts.root, f))),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  if (r.error || r.status !== 0) return { error: `${python} could not read the sources (${r.error?.message ?? r.stderr.trim().split('\n').at(-1)})` };
  const list = JSON.parse(r.stdout) as PyFacts[];
  return { facts: new Map(list.map((f, i) => [opts.files[i]!, { ...f, file: opts.files[i]! }])) };
}

/** A dotted module name Python can import (`app.server`), unlike a script name such as `binance-server`. */
export const isImportable = (module: string) => /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(module);
