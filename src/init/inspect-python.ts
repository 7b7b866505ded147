// What `buildbench init` learns about a Python app: where it lives, how it starts (the team's own PyInstaller
// build, a .spec, pyproject's [project.scripts], a script that starts a server), its port and ready URL, read from
// the code Python runs (python-syntax.ts), never from comments or strings. Each answer carries the reason it was
// guessed, for the file's comments; what could not be found says which flag answers.
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { inspectToolchain, type PythonToolchain } from './python-toolchain.ts';
import { isImportable, readPythonFacts, type PyFacts, type SpecFacts } from './python-syntax.ts';
import { servingOf } from './serving.ts';
import type { TeamFreeze } from './team-freeze.ts';
import type { TeamZipapp } from './team-zipapp.ts';
import { readText } from './walk.ts';

/** A value `init` chose, and why (written as a comment beside it). */
export interface Guess<T = string> {
  value: T;
  why: string;
}

export interface PythonApp {
  /** Folder of the app, relative to the inspected root ('' for the root itself): the scenario's project. */
  dir: string;
  app?: Guess;
  script?: Guess;
  module?: Guess;
  /** shiv's entry, a function (`module:func`); undefined when the entry has none to call. */
  shivEntry?: Guess;
  sourceDir: Guess;
  /** Where its dependencies are kept, the tool versions it pins and the Python it names. */
  toolchain: PythonToolchain;
  web: boolean;
  serveArgs: Guess;
  ready: Guess;
  env?: Record<string, string>;
  /** The URL it answers when started with nothing passed, when that differs from `ready` (a default port). */
  ownReady?: Guess;
  /** The team's own PyInstaller build, when its build files have one (paths relative to `dir`). */
  team?: TeamFreeze;
  /** The team's own PEX or shiv build, when it has one and no PyInstaller build. */
  zipapp?: TeamZipapp;
  /** What could not be read, and which flag answers it. */
  notes: string[];
}

const MANIFEST = /(^|\/)(pyproject\.toml|requirements[^/]*\.(txt|lock|in)|[^/]+\.spec)$/;
const SKIP_SOURCES = /(^|\/)(tests?|docs|examples?|scripts)\//;

/** Folders holding a pyproject.toml, a requirements file or a PyInstaller .spec. */
export function findPythonDirs(files: string[]): string[] {
  const dirs = files.filter((f) => MANIFEST.test(f)).map((f) => path.posix.dirname(f).replace(/^\.$/, ''));
  // A nested folder under another Python app's folder is part of that app.
  return [...new Set(dirs)].filter((d, _, all) => !all.some((o) => o !== d && (o === '' || d.startsWith(`${o}/`))));
}

/** The facts of every .spec among `files` (relative to the root), read by Python's parser. */
export function readSpecs(opts: { root: string; files: string[] }): Map<string, SpecFacts> {
  const specs = opts.files.filter((f) => f.endsWith('.spec'));
  const read = readPythonFacts({ root: opts.root, files: specs });
  return new Map('facts' in read ? [...read.facts].flatMap(([f, x]) => (x.spec ? [[f, x.spec] as const] : [])) : []);
}

/**
 * What the Python app in `dir` (relative to `root`; `files` the project's files, relative) shows: its entry
 * script or module, app name, port and ready URL, each with why it was guessed; `team` is the team's own
 * PyInstaller build when one was found (it runs in `team.cwd`, which becomes the app's folder). Never throws.
 */
export function inspectPython(opts: { root: string; dir: string; files: string[]; team?: TeamFreeze; zipapp?: TeamZipapp; specs: Map<string, SpecFacts> }): PythonApp {
  const { root, team, zipapp } = opts;
  const dir = team?.cwd ?? zipapp?.cwd ?? opts.dir;
  const at = (rel: string) => (dir ? `${dir}/${rel}` : rel);
  const ownOf = (d: string) => opts.files.filter((f) => d === '' || f.startsWith(`${d}/`)).map((f) => (d ? f.slice(d.length + 1) : f));
  const own = ownOf(dir);
  const notes: string[] = [];
  // A team that builds through `uv run` installs from uv.lock, whatever other requirements files lie about.
  const toolchain = toolchainAt({ root, appDir: opts.dir, dir, files: opts.files, preferUvLock: team?.runner[0] === 'uv' });
  const pyproject = own.includes('pyproject.toml') ? readPyproject(readText(root, at('pyproject.toml'))) : {};
  const sources = own.filter((f) => f.endsWith('.py') && !SKIP_SOURCES.test(f)).slice(0, 400);
  const read = readPythonFacts({ root, files: sources.map(at) });
  if ('error' in read) notes.push(`${read.error}: the entry, port and routes are guesses (--script, --module, --ready and --serve-args answer)`);
  const facts = new Map([...('facts' in read ? read.facts : new Map<string, PyFacts>())].map(([f, x]) => [dir ? f.slice(dir.length + 1) : f, x]));
  const spec = own.find((f) => f.endsWith('.spec') && opts.specs.get(at(f))?.scripts.length);
  const specScript = spec ? path.posix.normalize(path.posix.join(path.posix.dirname(spec), opts.specs.get(at(spec))!.scripts[0]!)) : undefined;
  const mainPackage = own.find((f) => /^(src\/)?[^/]+\/__main__\.py$/.test(f));
  const starter = chooseStarter(facts);
  const script: Guess | undefined = team?.script
    ? { value: team.script, why: `the script the team's build freezes (${team.from})` }
    : specScript
      ? { value: specScript, why: `the script ${spec} analyses` }
      : starter
        ? starter
        : mainPackage
          ? { value: mainPackage, why: "the package's __main__.py (PyInstaller cannot follow its relative imports: prefer a script that imports the app)" }
          : undefined;
  const entryFacts = script ? facts.get(script.value) : undefined;
  const stem = script && path.posix.basename(script.value).replace(/\.pyw?$/, '');
  // The team's script is the program it ships: [project.scripts] may name another one (a CLI beside the server).
  const teamScript = team?.script ?? specScript;
  const module: Guess | undefined = teamScript
    ? stem && isImportable(stem)
      ? { value: stem, why: `the module of ${script!.value}, the script the team freezes` }
      : undefined
    : pyproject.entry
      ? { value: pyproject.entry.target, why: `[project.scripts] ${pyproject.entry.name} in pyproject.toml` }
      : mainPackage
        ? { value: path.posix.dirname(mainPackage).replace(/^src\//, '').split('/')[0]!, why: `the package with ${mainPackage}` }
        : stem && isImportable(stem)
          ? { value: stem, why: `the module of ${script!.value}` }
          : undefined;
  if (script && !module) notes.push(`${script.value}: "${stem}" is not an importable module name, so PEX and shiv (which run a module) are left out; --module answers`);
  const shivEntry = module && shivEntryOf({ module: module.value, facts: entryFacts });
  const srcLayout = own.some((f) => /^src\/[^/]+\/__init__\.py$/.test(f));
  const scriptDir = script?.value.includes('/') ? path.posix.dirname(script.value) : undefined;
  // A package run as `python -m web` (web/__main__.py) is named for the package, never `__main__`.
  const appName = team?.name ?? (spec && opts.specs.get(at(spec))?.name) ?? pyproject.entry?.name ?? pyproject.name ?? (path.posix.basename(dir) || (stem === '__main__' ? module?.value.split('.')[0] : stem));
  const app: Guess | undefined = appName
    ? { value: appName.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[._-]+/, '') || 'app', why: team ? (team.spec ? `EXE(name=) in ${team.spec}` : team.args.some((a) => a === '-n' || a.startsWith('--name')) ? `--name of the team's build` : `the name PyInstaller gives the team's build (its script's)`) : spec && opts.specs.get(at(spec))?.name ? `name= in ${spec}` : pyproject.entry ? 'the script name in pyproject.toml' : pyproject.name ? 'the project name in pyproject.toml' : 'the folder name' }
    : undefined;
  return {
    dir,
    app,
    script,
    module,
    ...(shivEntry ? { shivEntry } : {}),
    sourceDir: srcLayout
      ? { value: 'src', why: 'packages under src/' }
      : scriptDir && !mainPackage && !pyproject.entry
        ? { value: scriptDir, why: `the folder of ${script!.value}, which PEX and shiv run as a module` }
        : { value: '.', why: 'packages at the top level' },
    toolchain,
    ...servingOf({ entry: entryFacts, all: [...facts.values()], script: script?.value }),
    ...(team ? { team } : {}),
    ...(zipapp ? { zipapp } : {}),
    notes,
  };
}

/** The toolchain of the Python app in `appDir`, its requirements file seen from `dir`, the folder the build runs in. */
function toolchainAt(opts: { root: string; appDir: string; dir: string; files: string[]; preferUvLock: boolean }): PythonToolchain {
  const own = opts.files.filter((f) => opts.appDir === '' || f.startsWith(`${opts.appDir}/`)).map((f) => (opts.appDir ? f.slice(opts.appDir.length + 1) : f));
  const read = inspectToolchain({ root: opts.root, dir: opts.appDir, own });
  const toolchain: PythonToolchain = opts.preferUvLock && own.includes('uv.lock') && own.includes('pyproject.toml') ? { ...read, dependencies: { kind: 'uv.lock', file: 'uv.lock' } } : read;
  const rel = path.posix.relative(opts.dir || '.', opts.appDir || '.');
  const deps = toolchain.dependencies;
  return rel && deps?.kind === 'requirements' ? { ...toolchain, dependencies: { ...deps, file: `${rel}/${deps.file}` } } : toolchain;
}

/** A script that starts a server (at module level, in its `__main__` block or a function that block calls), the shallowest; else the shallowest `__main__` block. */
function chooseStarter(facts: Map<string, PyFacts>): Guess | undefined {
  const byDepth = [...facts.values()].filter((f) => !f.error).sort((a, b) => a.file.split('/').length - b.file.split('/').length || a.file.localeCompare(b.file));
  const starts = (f: PyFacts) => f.servers.find((s) => s.where === 'module' || s.where === 'main' || (f.mainBlock && f.mainCalls.includes(s.where.replace(/^function:/, ''))));
  const server = byDepth.find(starts);
  if (server) {
    const s = starts(server)!;
    const how = s.where === 'module' ? 'at module level (no `__main__` block: importing it serves)' : s.where === 'main' ? 'in its `__main__` block' : `in ${s.where.slice(9)}(), which its \`__main__\` block calls`;
    return { value: server.file, why: `the shallowest script that starts a server: ${s.call}() on line ${s.line}, ${how}` };
  }
  const main = byDepth.find((f) => f.mainBlock);
  return main ? { value: main.file, why: 'the shallowest script with an `if __name__ == "__main__"` block (none starts a server)' } : undefined;
}

/** shiv runs a function: `module:func` as given, or the function the entry's `__main__` block calls. */
function shivEntryOf(opts: { module: string; facts?: PyFacts }): Guess | undefined {
  if (opts.module.includes(':')) return { value: opts.module, why: 'the entry function' };
  const facts = opts.facts;
  const called = facts?.mainCalls.find((c) => facts.functions.includes(c)) ?? (facts?.mainSole && facts.topNames.includes(facts.mainSole) ? facts.mainSole : undefined);
  if (!called) return undefined;
  // A block that is one call of a callable bound at module level (`app = typer.Typer()`, an imported `main`) reaches it as module:name too.
  return { value: `${opts.module}:${called}`, why: facts!.functions.includes(called) ? `the function its \`__main__\` block calls` : `${called}, bound at its top level: its \`__main__\` block is that one call` };
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
