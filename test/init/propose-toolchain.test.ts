// python-freeze built with the team's own toolchain: the PyInstaller it pins (in an environment made the way that
// version needs), a newer one as a variant of its own, pip or uv as the team installs, the Python it names.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILDBENCH_ROOT } from '../../src/common/where.ts';
import { listPythons, pickPython, toolchainParams, unnamedPython } from '../../src/init/propose-toolchain.ts';
import { pyinstallerEnvSetup } from '../../src/scenario/presets/pyinstaller-env.ts';
import { runtimeRequirementsCommand } from '../../src/common/build-only-tools.ts';

const LOCKED = /^pyinstaller==(\S+)/m.exec(readFileSync(path.join(BUILDBENCH_ROOT, 'tools/requirements.lock'), 'utf8'))![1]!;
// As this machine's are: Debian's 3.11.2 carries urllib.parse's ipaddress import backported from 3.11.4.
const DEBIAN = { path: '/usr/bin/python3', version: '3.11.2', urllibImportsIpaddress: true };
const PYENV = { path: '/root/.pyenv/versions/3.11.7/bin/python3', version: '3.11.7', urllibImportsIpaddress: true };
const MACHINE = [DEBIAN, PYENV, { path: '/root/.pyenv/versions/3.12.1/bin/python3', version: '3.12.1', urllibImportsIpaddress: true }];
const ON_DEBIAN = () => ({ onPath: DEBIAN, pythons: MACHINE });

describe('the team\'s toolchain in python-freeze', () => {
  it('takes the interpreter that matches the Python the project names, and says when none does', () => {
    expect(pickPython('3.11', '.python-version:1', MACHINE)).toEqual({ value: '/usr/bin/python3', why: 'Python 3.11.2: the project names 3.11 (.python-version:1)' });
    expect(pickPython('3.11.7', '.python-version:1', MACHINE).value).toBe('/root/.pyenv/versions/3.11.7/bin/python3');
    expect(pickPython('3.13', 'pyproject.toml requires-python', MACHINE)).toEqual({
      value: '/usr/bin/python3',
      why: 'NO MATCH: the project names 3.13 (pyproject.toml requires-python) and this machine has 3.11.2 (/usr/bin/python3), 3.11.7 (/root/.pyenv/versions/3.11.7/bin/python3), 3.12.1 (/root/.pyenv/versions/3.12.1/bin/python3): install it and give its path',
    });
  });

  it('never builds a pinned PyInstaller 5 on a Python it freezes unstartable apps on (pyinstaller#7692), and says which it avoided', () => {
    // Named 3.11: Debian's 3.11.2 matches first, but PyInstaller 5.13 leaves ipaddress out of its base library there.
    const named = pickPython('3.11', '.python-version:1', MACHINE, '5.13.0');
    expect(named.value).toBe(PYENV.path);
    expect(named.why).toMatch(/^Python 3\.11\.7: the project names 3\.11 \(\.python-version:1\); not \/usr\/bin\/python3: PyInstaller 5\.13\.0 leaves ipaddress out .* on Python 3\.11\.2.*pyinstaller\/pyinstaller#7692/);
    // Only the breaking one matches: it is kept (the project's choice), with a warning.
    expect(pickPython('3.11.2', '.python-version:1', MACHINE, '5.13.0').why).toMatch(/; WARNING: PyInstaller 5\.13\.0 leaves ipaddress out/);
    expect(pickPython('3.11', '.python-version:1', MACHINE, '6.22.3').value).toBe('/usr/bin/python3');
    // Named none: PATH's python3 (what the team's `pyinstaller` runs on) unless the pin breaks there.
    expect(unnamedPython('5.13.0', DEBIAN, MACHINE)).toEqual({
      value: PYENV.path,
      why: expect.stringMatching(/^Python 3\.11\.7 \(the project names none\); not \/usr\/bin\/python3: PyInstaller 5\.13\.0 leaves/),
    });
    expect(unnamedPython('5.13.0', PYENV, MACHINE)!.why).toBe("Python 3.11.7, the python3 on PATH, which the team's own commands run on (the project names none)");
    expect(unnamedPython('6.22.3', DEBIAN, MACHINE)).toBeUndefined();
    expect(unnamedPython('5.13.0', DEBIAN, [DEBIAN])!.why).toMatch(/WARNING: PyInstaller 5\.13\.0 leaves ipaddress out/);
  });

  it.runIf(process.platform === 'linux')("reads each interpreter's facts from the interpreter itself", () => {
    const found = listPythons();
    expect(found.length).toBeGreaterThan(0);
    for (const p of found) {
      expect(p.version).toMatch(/^3\.\d+\.\d+$/);
      // 3.11.4+ and 3.12+ import ipaddress in urllib.parse at load; the flag must say so where it is true upstream.
      const [major, minor, patch] = p.version.split('.').map(Number) as [number, number, number];
      if (major === 3 && (minor > 11 || (minor === 11 && patch >= 4))) expect(p.urllibImportsIpaddress).toBe(true);
    }
  });

  it('builds the baseline with the pinned PyInstaller, proposes the newer one, and installs as the team does', () => {
    const params = toolchainParams({ pins: { pyinstaller: '5.13.0' }, from: { pyinstaller: 'requirements.txt:4' }, installer: 'pip' }, BUILDBENCH_ROOT, ON_DEBIAN);
    expect(Object.fromEntries(Object.entries(params).map(([k, g]) => [k, g.value]))).toEqual({ pyinstallerVersion: '5.13.0', newerPyInstaller: LOCKED, installer: 'pip', python: PYENV.path });
    expect(params.newerPyInstaller!.why).toBe(`PyInstaller ${LOCKED} against your 5.13.0: a variant of its own (buildbench's tool lock)`);
    expect(toolchainParams({ pins: { pyinstaller: LOCKED }, from: {}, installer: 'uv' }, BUILDBENCH_ROOT, ON_DEBIAN)).toEqual({
      pyinstallerVersion: { value: LOCKED, why: 'pinned in the project: the baseline builds with it' },
    });
  });

  it('makes each environment the way its version needs, the project\'s own pin line left out', () => {
    const common = { python: '/usr/bin/python3', toolsBin: '{tools}/venv/bin', wheelhouse: '{tools}/wheelhouse', requirements: 'requirements.txt' };
    expect(pyinstallerEnvSetup({ ...common, installer: 'pip', version: '5.13.0' })).toBe(
      `${runtimeRequirementsCommand({ from: 'requirements.txt', to: '.venv-requirements.txt', tools: ['pyinstaller'] })} && ` +
        "/usr/bin/python3 -m venv .venv && .venv/bin/pip install -q --disable-pip-version-check --no-index --find-links {tools}/wheelhouse -r .venv-requirements.txt 'pyinstaller==5.13.0' 'setuptools<81'",
    );
    expect(pyinstallerEnvSetup({ ...common, installer: 'uv', version: '' })).toBe(
      'export UV_PYTHON_DOWNLOADS=never UV_LINK_MODE=copy && {tools}/venv/bin/uv venv -q --python /usr/bin/python3 .venv && {tools}/venv/bin/uv pip install -q --python .venv/bin/python --offline --no-index --find-links {tools}/wheelhouse -r requirements.txt pyinstaller',
    );
  });
});
