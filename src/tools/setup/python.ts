// The Python side: buildbench's tool env (uv, pyinstaller, pex, shiv pinned by tools/requirements.lock) and a
// wheelhouse of the projects' own requirements, so builds resolve offline (--no-index --find-links
// {tools}/wheelhouse) and measure the packager, not the network.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { hashOf, runStep, setStamp, since, stampOk, type Outcome, type SetupContext } from './context.ts';

/** Debian's Python has a shared libpython (PyInstaller needs one) and is what the team's CI uses. */
export function pickPython(env: NodeJS.ProcessEnv): string {
  if (existsSync('/usr/bin/python3')) return '/usr/bin/python3';
  for (const dir of (env.PATH ?? '').split(path.delimiter)) if (dir && existsSync(path.join(dir, 'python3'))) return path.join(dir, 'python3');
  return 'python3';
}

const venvDir = (ctx: SetupContext) => path.join(ctx.tools, 'venv');
const toolLock = (ctx: SetupContext) => path.join(ctx.root, 'tools', 'requirements.lock');

async function pythonVersion(ctx: SetupContext): Promise<string> {
  return runStep(ctx, pickPython(ctx.env), ['-c', 'import sys; print(sys.version)']);
}

/**
 * buildbench's Python tool env ({tools}/venv: pyinstaller, pex, shiv, uv from tools/requirements.lock),
 * rebuilt only when the lock or the interpreter changed; with `check` only reports. Rejects (SetupError) when
 * a step fails.
 */
export async function provisionVenv(ctx: SetupContext): Promise<Outcome> {
  const venv = venvDir(ctx);
  // Same key as scripts/setup.sh had: the lock, then the interpreter's version line.
  const key = hashOf(readFileSync(toolLock(ctx)), `${(await pythonVersion(ctx)).trimEnd()}\n`);
  const pyinstaller = path.join(venv, 'bin/pyinstaller');
  if (stampOk(ctx, 'venv', key) && existsSync(pyinstaller)) {
    ctx.say('venv', `ok: ${venv} (${(await runStep(ctx, path.join(venv, 'bin/python'), ['--version'])).trim()})`);
    return 'ok';
  }
  if (ctx.check) {
    ctx.say('venv', `missing or stale: ${venv} (tools/requirements.lock)`);
    return 'missing';
  }
  const start = Date.now();
  const python = pickPython(ctx.env);
  rmSync(venv, { recursive: true, force: true });
  await runStep(ctx, python, ['-m', 'venv', venv]);
  // The lock has hashes, so pip checks every file it installs.
  await runStep(ctx, path.join(venv, 'bin/pip'), ['install', '-q', '--disable-pip-version-check', '--require-hashes', '-r', toolLock(ctx)]);
  setStamp(ctx, 'venv', key);
  ctx.say('venv', `created ${venv} from ${python} with uv, pyinstaller, pex, shiv in ${since(start)}`);
  return 'provisioned';
}

/** What a project's Python dependencies are written in: pinned files, else a uv lock, else pyproject.toml. */
export interface PythonInputs {
  project: string;
  /** requirements*.txt / requirements*.lock (and a .in with no pinned file of the same stem), relative. */
  requirements: string[];
  /** When there is no requirements file: `uv.lock` (exported) or `pyproject.toml` (compiled with uv). */
  derived?: 'uv.lock' | 'pyproject.toml';
}

/**
 * The requirement files of a Python project folder (pinned first), or its uv.lock / pyproject.toml to derive
 * them from; undefined when it has none. `named`: files the scenarios' commands install from (namedRequirements):
 * when any of them is in the project, those alone (a project's other requirements*.txt may pin what this
 * machine's Python cannot install: a new user's pyinstaller<=5.1 on Python 3.11 failed a setup whose scenario
 * installed from requirements-app.txt).
 */
export function pythonInputs(project: string, named: readonly string[] = []): PythonInputs | undefined {
  if (!existsSync(project)) return undefined;
  const own = named.filter((f) => existsSync(path.join(project, f)));
  if (own.length > 0) return { project, requirements: [...new Set(own)].sort() };
  const names = readdirSync(project).sort();
  const pinned = names.filter((f) => /^requirements[^/]*\.(txt|lock)$/.test(f));
  const stems = new Set(pinned.map((f) => f.replace(/\.(txt|lock)$/, '')));
  const loose = names.filter((f) => /^requirements[^/]*\.in$/.test(f) && !stems.has(f.replace(/\.in$/, '')));
  const requirements = [...pinned, ...loose];
  if (requirements.length > 0) return { project, requirements };
  if (names.includes('uv.lock')) return { project, requirements: [], derived: 'uv.lock' };
  if (names.includes('pyproject.toml')) return { project, requirements: [], derived: 'pyproject.toml' };
  return undefined;
}

/**
 * The requirement files `commands` read: after `-r`/`--requirement` (with a space or `=`), and any word naming a
 * requirements*.txt/.lock/.in (the presets' build-tool filter reads one with awk), as written (relative to the
 * project, where the build runs); placeholders and absolute paths are left out.
 */
export function namedRequirements(commands: readonly string[]): string[] {
  const found = commands.flatMap((c) => [
    ...[...c.matchAll(/(?:^|\s)(?:-r|--requirement)(?:\s+|=)(['"]?)([^\s'"]+)\1/g)].map((m) => m[2]!),
    ...[...c.matchAll(/(?:^|[\s'"=])([^\s'"=]*requirements[^\s'"/]*\.(?:txt|lock|in))(?=$|[\s'";&|)])/g)].map((m) => m[1]!),
  ]);
  return [...new Set(found.filter((f) => !f.includes('{') && !path.isAbsolute(f)))];
}

/** The requirement files pip downloads for one project: its own, or one uv writes from its lock or pyproject. */
async function requirementFiles(ctx: SetupContext, inputs: PythonInputs): Promise<string[]> {
  if (!inputs.derived) return inputs.requirements.map((f) => path.join(inputs.project, f));
  const out = path.join(ctx.tools, 'requirements', `${hashOf(inputs.project)}.txt`);
  mkdirSync(path.dirname(out), { recursive: true });
  const uv = path.join(venvDir(ctx), 'bin/uv');
  const args =
    inputs.derived === 'uv.lock'
      ? ['export', '--frozen', '--no-emit-project', '--format', 'requirements-txt', '--output-file', out]
      : ['pip', 'compile', '--python', path.join(venvDir(ctx), 'bin/python'), '--quiet', 'pyproject.toml', '--output-file', out];
  await runStep(ctx, uv, args, { cwd: inputs.project });
  return [out];
}

/**
 * The wheelhouse ({tools}/wheelhouse) every Python build installs from offline: the wheels of `projects`'
 * requirements and of the tool lock, rebuilt when an input or the interpreter changed; with `check` only
 * reports. Rejects (SetupError) when a download fails.
 */
export async function provisionWheelhouse(ctx: SetupContext, projects: PythonInputs[]): Promise<Outcome> {
  const wheelhouse = path.join(ctx.tools, 'wheelhouse');
  const sources = projects.flatMap((p) => (p.derived ? [p.derived] : p.requirements).map((f) => path.join(p.project, f)));
  // The tool lock too: a project's own venv can then install pyinstaller & co. offline.
  const inputs = [...sources, toolLock(ctx)];
  const key = hashOf(await pythonVersion(ctx), ...inputs.flatMap((f) => [`${path.basename(f)}\0`, readFileSync(f), '\0']));
  const count = () => (existsSync(wheelhouse) ? readdirSync(wheelhouse).length : 0);
  if (stampOk(ctx, 'wheelhouse', key)) {
    ctx.say('wheelhouse', `ok: ${wheelhouse} (${count()} files)`);
    return 'ok';
  }
  if (ctx.check) {
    ctx.say('wheelhouse', `missing or stale: ${wheelhouse} (${sources.map((f) => path.relative(process.cwd(), f)).join(', ') || 'tools/requirements.lock'})`);
    return 'missing';
  }
  const pip = path.join(venvDir(ctx), 'bin/pip');
  if (!existsSync(pip)) {
    ctx.say('wheelhouse', 'needs the tool env first (run without --only/--skip venv)');
    return 'missing';
  }
  const start = Date.now();
  mkdirSync(wheelhouse, { recursive: true });
  const files = [...(await Promise.all(projects.map((p) => requirementFiles(ctx, p)))).flat(), toolLock(ctx)];
  // One file per call: pip rejects the same requirement pinned in two files of one call. A file with hashes
  // puts pip in hash-checking mode by itself. A file that fails is said and the others still go in: the
  // variants that install from it fail at their set-up, the others can run.
  const failed: string[] = [];
  for (const file of files) {
    try {
      await runStep(ctx, pip, ['download', '-q', '--disable-pip-version-check', '--prefer-binary', '-d', wheelhouse, '-r', file]);
    } catch (err) {
      if (file === toolLock(ctx)) throw err;
      failed.push(file);
      ctx.say('wheelhouse', `could not download ${path.relative(process.cwd(), file)} for ${(await pythonVersion(ctx)).split(' ')[0]!.trim()}: ${lastLine((err as Error).message)}`);
    }
  }
  if (failed.length > 0) {
    ctx.say('wheelhouse', `${count()} files in ${wheelhouse}; ${failed.length} of ${files.length} requirement files failed: variants installing from them will fail at their set-up`);
    return 'missing';
  }
  setStamp(ctx, 'wheelhouse', key);
  ctx.say('wheelhouse', `downloaded ${count()} files to ${wheelhouse} from ${files.length} requirement files in ${since(start)}`);
  return 'provisioned';
}

/** The last non-empty line of a message (pip's reason comes last). */
function lastLine(text: string): string {
  return text.trim().split('\n').filter((l) => l.trim()).at(-1)?.trim() ?? text;
}
