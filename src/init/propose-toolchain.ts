// python-freeze's toolchain parameters from what the project says of its own toolchain (PythonToolchain): the
// PyInstaller it pins is the baseline's (in an environment made the way that version needs), a newer one from
// buildbench's tool lock is a variant of its own ("PyInstaller 6.22.3 against your 5.13.0"), the environment is
// made with pip or uv as the project does, on the interpreter that matches the Python it names.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

/** -1, 0, 1 as release `a` is older, the same, newer than `b` (numeric parts only). */
function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** The interpreters of this machine, Debian's first (it has a shared libpython and is what the default uses), each with its full version. */
export function listPythons(home = os.homedir()): { path: string; version: string }[] {
  const pyenv = path.join(home, '.pyenv/versions');
  const candidates = [
    '/usr/bin/python3',
    ...(existsSync(pyenv) ? readdirSync(pyenv).sort().map((v) => path.join(pyenv, v, 'bin/python3')) : []),
  ].filter((p) => existsSync(p));
  return candidates.flatMap((p) => {
    const r = spawnSync(p, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], { encoding: 'utf8', timeout: 5000 });
    return r.status === 0 ? [{ path: p, version: r.stdout.trim() }] : [];
  });
}

/** The interpreter whose version is `named` ('3.11' takes any 3.11.x, '3.11.7' only that one), and why; a note of what exists when none does. */
export function pickPython(named: string, from: string, pythons = listPythons()): Guess {
  const match = pythons.find((p) => p.version === named || p.version.startsWith(`${named}.`));
  if (match) return { value: match.path, why: `Python ${match.version}: the project names ${named} (${from})` };
  const found = pythons.map((p) => `${p.version} (${p.path})`).join(', ') || 'none';
  return { value: '/usr/bin/python3', why: `NO MATCH: the project names ${named} (${from}) and this machine has ${found}: install it and give its path` };
}

/** python-freeze parameters for the project's toolchain: only those it says something about. */
export function toolchainParams(t: PythonToolchain, root = BUILDBENCH_ROOT): Record<string, Guess<unknown>> {
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
  if (t.installer !== 'uv') out.installer = { value: 'pip', why: `the project installs with ${t.installer === 'poetry' ? 'poetry (its lock is exported for pip)' : 'pip (requirements files)'}: python -m venv + pip` };
  if (t.python) out.python = pickPython(t.python, t.from.python ?? 'the project');
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
