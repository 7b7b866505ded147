// Published breakages of a packager on an interpreter, recognised where they happen: `init` avoids them when
// it picks the Python a pinned tool builds with, and a failure's explaining lines name the cause, since the
// last traceback (the one a log tail shows) is often a consequence, not the cause.
//
// PyInstaller before 6 puts `ipaddress` into its base library only on Python ≥ 3.11.4 (PyInstaller/compat.py:
// `if sys.version_info >= (3, 11, 4): PY3_BASE_MODULES.add('ipaddress')`), the release whose urllib.parse
// started importing it (cpython b2171a2). Distributions backport that change to older patch releases (Debian
// 12's 3.11.2, python.org's 3.10.16): there, the frozen app's bootstrap fails before any of its code runs
// (pyinstaller/pyinstaller#7692, #8912).

/** What `init` knows of an interpreter to judge it: its version and whether its urllib.parse imports ipaddress at load. */
export interface InterpreterFacts {
  version: string;
  urllibImportsIpaddress: boolean;
}

export const PYINSTALLER_IPADDRESS_SOURCE = 'pyinstaller/pyinstaller#7692';

/** A Python one-liner printing "X.Y.Z True|False": the version and whether urllib/parse.py imports ipaddress before its first function. */
export const INTERPRETER_FACTS_SCRIPT = [
  'import sys, sysconfig, os',
  "src = open(os.path.join(sysconfig.get_paths()['stdlib'], 'urllib', 'parse.py'), encoding='utf-8').read().split('\\ndef ', 1)[0]",
  "print('%d.%d.%d' % sys.version_info[:3], 'import ipaddress' in src)",
].join('\n');

/** Parses INTERPRETER_FACTS_SCRIPT's line; undefined when it is not one. */
export function parseInterpreterFacts(line: string): InterpreterFacts | undefined {
  const m = /^(\d+\.\d+\.\d+) (True|False)$/.exec(line.trim());
  return m ? { version: m[1]!, urllibImportsIpaddress: m[2] === 'True' } : undefined;
}

/** -1, 0, 1 as release `a` is older, the same, newer than `b` (numeric parts only). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/**
 * Why `pyinstaller` (a version, '5.13.0') freezes apps that cannot start on `python`, or undefined when the
 * pair is not known to break. Source: pyinstaller/pyinstaller#7692 (see the file's head).
 */
export function pyinstallerBreakage(pyinstaller: string, python: InterpreterFacts): string | undefined {
  if (compareVersions(pyinstaller, '6') >= 0) return undefined;
  if (!python.urllibImportsIpaddress || compareVersions(python.version, '3.11.4') >= 0) return undefined;
  return `PyInstaller ${pyinstaller} leaves ipaddress out of its base library on Python ${python.version}, whose urllib.parse imports it (a backport), so the frozen app cannot start (${PYINSTALLER_IPADDRESS_SOURCE})`;
}

const KNOWN_CAUSES: readonly { test: RegExp; cause: string }[] = [
  {
    test: /pyimod02_importers[\s\S]*No module named 'ipaddress'|No module named 'ipaddress'[\s\S]*pyimod02_importers/,
    cause: `known cause: PyInstaller < 6 on a Python ≤ 3.11.3 (or 3.10) whose urllib.parse imports ipaddress (a distribution backport, e.g. Debian 12's 3.11.2): build with PyInstaller ≥ 6 or a Python ≥ 3.11.4 (${PYINSTALLER_IPADDRESS_SOURCE})`,
  },
];

/** The known cause of the failure whose whole output is `text`, as one line, or undefined. */
export function knownCause(text: string): string | undefined {
  return KNOWN_CAUSES.find((k) => k.test.test(text))?.cause;
}
