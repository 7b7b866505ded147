// A launch's failure names its published cause first when it has one: PyInstaller 5 on a Python with urllib.parse's
// ipaddress backport fails in its bootstrap, and the last traceback (the one a tail shows) names only a consequence.
import { describe, expect, it } from 'vitest';
import { pyinstallerBreakage } from '../../src/common/known-breakage.ts';
import { errorBlock, headlineOf } from '../../src/runner/error-block.ts';

// The output of a real onefile build of kartavya1710/example-tauri-v2-python-server-sidecar by PyInstaller 5.13.0 on Debian 12's /usr/bin/python3 (3.11.2).
const BOOTSTRAP_FAILURE = `[18650] Module object for pyimod02_importers is NULL!
Traceback (most recent call last):
  File "PyInstaller/loader/pyimod02_importers.py", line 22, in <module>
  File "pathlib.py", line 13, in <module>
  File "urllib/parse.py", line 40, in <module>
ModuleNotFoundError: No module named 'ipaddress'
Traceback (most recent call last):
  File "PyInstaller/loader/pyiboot01_bootstrap.py", line 17, in <module>
ModuleNotFoundError: No module named 'pyimod02_importers'
[18650] Failed to execute script 'pyiboot01_bootstrap' due to unhandled exception!
`;

describe('known causes of a failure', () => {
  it('heads the explaining lines with the cause, and makes it the headline', () => {
    const block = errorBlock(BOOTSTRAP_FAILURE);
    expect(block[0]).toMatch(/^known cause: PyInstaller < 6 on a Python ≤ 3\.11\.3 .*pyinstaller\/pyinstaller#7692\)$/);
    expect(block.slice(1)[0]).toBe('Traceback (most recent call last):');
    expect(headlineOf(block)).toBe(block[0]);
  });

  it('leaves other failures as they were: the last traceback, its last line the headline', () => {
    const text = "Traceback (most recent call last):\n  File \"main.py\", line 3, in <module>\nModuleNotFoundError: No module named 'fasthtml'\n";
    const block = errorBlock(text);
    expect(block[0]).toBe('Traceback (most recent call last):');
    expect(headlineOf(block)).toBe("ModuleNotFoundError: No module named 'fasthtml'");
  });

  it('knows the pair by versions: PyInstaller < 6, a Python below 3.11.4 that imports ipaddress in urllib.parse', () => {
    const debian = { version: '3.11.2', urllibImportsIpaddress: true };
    expect(pyinstallerBreakage('5.13.0', debian)).toMatch(/PyInstaller 5\.13\.0 leaves ipaddress out of its base library on Python 3\.11\.2/);
    expect(pyinstallerBreakage('6.0.0', debian)).toBeUndefined();
    expect(pyinstallerBreakage('5.13.0', { version: '3.11.4', urllibImportsIpaddress: true })).toBeUndefined();
    expect(pyinstallerBreakage('5.13.0', { version: '3.11.2', urllibImportsIpaddress: false })).toBeUndefined();
    expect(pyinstallerBreakage('5.13.2', { version: '3.10.16', urllibImportsIpaddress: true })).toBeDefined();
  });
});
