// python-freeze's toolchain parameters from what the project says of its own toolchain (PythonToolchain): the
// PyInstaller it pins is the baseline's (in an environment made the way that version needs), a newer one from
// buildbench's tool lock is a variant of its own ("PyInstaller 6.22.3 against your 5.13.0"), the environment is
// made with pip or uv as the project does, on the interpreter that matches the Python it names.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compareVersions, INTERPRETER_FACTS_SCRIPT, parseInterpreterFacts, pyinstallerBreakage, type InterpreterFacts } from '../common/known-breakage.ts';
import { BUILDBENCH_ROOT } from '../common/where.ts';
import type { Guess } from './inspect-python.ts';
import type { PythonToolchain } from './python-toolchain.ts';
import type { VariantOverride } from './propose-team.ts';

/** The PyInstaller version buildbench's own tool lock installs (the wheelhouse always has it). */
function lockedPyInstaller(root: string): string | undefined {
  try {
    return /^pyinstaller==(\S+)/m.exec(readFileSync(path.join(root, 'tools/requirements.lock'), 'utf8'))?.[1];
  } catch {
    return undefined;
  }
}

/** An interpreter of this machine: its path, full version and what known breakages depend on. */
export interface Interpreter extends InterpreterFacts {
  path: string;
}

function probe(command: string, env: NodeJS.ProcessEnv = process.env): Interpreter | undefined {
  const r = spawnSync(command, ['-c', `${INTERPRETER_FACTS_SCRIPT}\nprint(sys.executable)`], { encoding: 'utf8', timeout: 5000, env });
  const [facts, executable] = r.status === 0 ? r.stdout.trim().split('\n') : [];
  const parsed = parseInterpreterFacts(facts ?? '');
  return parsed && executable ? { path: command.includes('/') ? command : executable.trim(), ...parsed } : undefined;
}

/** The interpreters of this machine, Debian's first (it has a shared libpython and is what the default uses), each with its full version. */
export function listPythons(home = os.homedir()): Interpreter[] {
  const pyenv = path.join(home, '.pyenv/versions');
  const candidates = [
    '/usr/bin/python3',
    ...(existsSync(pyenv) ? readdirSync(pyenv).sort().map((v) => path.join(pyenv, v, 'bin/python3')) : []),
  ].filter((p) => existsSync(p));
  return candidates.flatMap((p) => probe(p) ?? []);
}

/**
 * The interpreter the team's own `pyinstaller`, `pip3` or `python3` runs on: the first `python3` on PATH,
 * resolved through shims (pyenv's) to the executable it runs. Undefined when there is none.
 */
export function pathPython(env: NodeJS.ProcessEnv = process.env): Interpreter | undefined {
  return probe('python3', env);
}

/** The interpreter whose version is `named` ('3.11' takes any 3.11.x, '3.11.7' only that one), and why; a note of what exists when none does. */
export function pickPython(named: string, from: string, pythons: Interpreter[] = listPythons(), pyinstaller?: string): Guess {
  const matches = pythons.filter((p) => p.version === named || p.version.startsWith(`${named}.`));
  const match = matches.find((p) => !pyinstaller || !pyinstallerBreakage(pyinstaller, p)) ?? matches[0];
  if (match) {
    const broken = pyinstaller ? pyinstallerBreakage(pyinstaller, match) : undefined;
    const avoided = match !== matches[0] && pyinstaller ? `; not ${matches[0]!.path}: ${pyinstallerBreakage(pyinstaller, matches[0]!)}` : '';
    return { value: match.path, why: `Python ${match.version}: the project names ${named} (${from})${avoided}${broken ? `; WARNING: ${broken}` : ''}` };
  }
  const found = pythons.map((p) => `${p.version} (${p.path})`).join(', ') || 'none';
  return { value: '/usr/bin/python3', why: `NO MATCH: the project names ${named} (${from}) and this machine has ${found}: install it and give its path` };
}

/**
 * For a project that names no Python: the one its own commands run on (PATH's python3), unless the pinned
 * PyInstaller is known to freeze apps that cannot start there, then the first of this machine's that it does not
 * break. Undefined when that is the preset's default (/usr/bin/python3) and nothing is to be said.
 */
export function unnamedPython(pyinstaller: string | undefined, onPath = pathPython(), pythons: Interpreter[] = listPythons()): Guess | undefined {
  const candidates = [...(onPath ? [onPath] : []), ...pythons.filter((p) => p.path !== onPath?.path)];
  const fine = candidates.find((p) => !pyinstaller || !pyinstallerBreakage(pyinstaller, p));
  const chosen = fine ?? candidates[0];
  if (!chosen) return undefined;
  const skipped = candidates.slice(0, candidates.indexOf(chosen)).map((p) => `not ${p.path}: ${pyinstallerBreakage(pyinstaller!, p)}`);
  const why = chosen === onPath
    ? `Python ${chosen.version}, the python3 on PATH, which the team's own commands run on (the project names none)`
    : `Python ${chosen.version} (the project names none); ${skipped.join('; ')}`;
  const broken = !fine && pyinstaller ? `; WARNING: ${pyinstallerBreakage(pyinstaller, chosen)}` : '';
  if (chosen.path === '/usr/bin/python3' && !broken && skipped.length === 0) return undefined;
  return { value: chosen.path, why: `${why}${broken}` };
}

/** python-freeze parameters for the project's toolchain: only those it says something about. */
export function toolchainParams(
  t: PythonToolchain,
  root = BUILDBENCH_ROOT,
  machine: () => { onPath?: Interpreter; pythons: Interpreter[] } = () => ({ onPath: pathPython(), pythons: listPythons() }),
): Record<string, Guess<unknown>> {
  const out: Record<string, Guess<unknown>> = {};
  const pin = t.pins.pyinstaller;
  if (pin) {
    const needs = Number(pin.split('.')[0]) < 6 ? ' with setuptools<81, which PyInstaller 5 imports and `uv venv` leaves out' : '';
    out.pyinstallerVersion = { value: pin, why: `pinned in ${t.from.pyinstaller ?? 'the project'}: the baseline builds with it${needs}` };
    const locked = lockedPyInstaller(root);
    if (locked && compareVersions(locked, pin) > 0) {
      out.newerPyInstaller = { value: locked, why: `PyInstaller ${locked} against your ${pin}: a variant of its own (buildbench's tool lock)` };
    }
  }
  const said = t.from.installer;
  if (said) out.installer = { value: t.installer === 'uv' ? 'uv' : 'pip', why: `the team installs with ${t.installer} (${said}): ${t.installer === 'uv' ? 'uv venv + uv pip install' : 'python -m venv + pip'}` };
  else if (t.installer !== 'uv') out.installer = { value: 'pip', why: `the project installs with ${t.installer === 'poetry' ? 'poetry (its lock is exported for pip)' : 'pip (requirements files)'}: python -m venv + pip` };
  const { onPath, pythons } = machine();
  const python = t.python ? pickPython(t.python, t.from.python ?? 'the project', pythons, pin) : unnamedPython(pin, onPath, pythons);
  if (python) out.python = python;
  return out;
}

/**
 * The newer PyInstaller's variant as the team's build: a copy of the baseline override (its command, artifact
 * and caches) under the preset's name for it, so it differs from the baseline by the version alone. None when
 * there is no newer version or no team build.
 */
export function newerTeamVariant(overrides: Guess<VariantOverride>[], newer: string | undefined): Guess<VariantOverride>[] {
  const base = overrides.find((o) => o.value.baseline === true && typeof o.value.build === 'string');
  if (!newer || !base) return [];
  const { baseline: _baseline, default: _default, name: _name, ...rest } = base.value;
  return [{ value: { name: `pyinstaller-onefile-${newer}`, ...rest, description: `The team's build with PyInstaller ${newer} in its environment.` }, why: `changes one thing of the baseline: PyInstaller ${newer}` }];
}
