// How the team makes its Python environment, from the commands it runs to make it: the Python a CI workflow
// sets up (`actions/setup-python` with `python-version`) or a setup command names (`uv venv --python 3.11`,
// `uv python install 3.11`, `pyenv install 3.11.9`), and whether it installs with uv (`uv pip install`, `uv venv`,
// `uv sync`) or pip (`pip install -r`, `python -m venv`). Build files are read before the docs' fenced commands;
// the first command that says wins. Used where the project's own files (locks, .python-version, requires-python)
// say nothing.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { simpleCommands } from './build-commands.ts';
import type { SourceLine } from './build-sources.ts';
import { docLines } from './team-script.ts';
import { readText } from './walk.ts';

/** What the team's setup commands say, each with where it was read (`README.md:40`). */
export interface TeamSetup {
  python?: { version: string; from: string };
  installer?: { value: 'uv' | 'pip'; from: string };
}

const VERSION = /^\d+\.\d+(\.\d+)?$/;

/** The Python and installer the team's setup commands name (`lines`: the build files' command lines). Never throws. */
export function findTeamSetup(opts: { root: string; files: string[]; lines: SourceLine[] }): TeamSetup {
  const out: TeamSetup = {};
  const ci = ciPython(opts.root);
  if (ci) out.python = ci;
  const commands = [...opts.lines.map((l) => ({ text: l.text, at: `${l.file}:${l.line}` })), ...docLines(opts.root, opts.files)];
  for (const { text, at } of commands) {
    for (const argv of simpleCommands(text)) {
      const python = pythonOf(argv);
      if (python && !out.python) out.python = { version: python, from: at };
      const installer = installerOf(argv);
      if (installer && !out.installer) out.installer = { value: installer, from: at };
    }
  }
  return out;
}

/** `uv venv --python 3.11`, `uv venv -p 3.11`, `uv python install 3.11`, `pyenv install 3.11.9`, `pyenv local 3.11`. */
function pythonOf(argv: string[]): string | undefined {
  const [head, sub, ...rest] = argv;
  if (head === 'uv' && sub === 'venv') {
    const i = rest.findIndex((w) => w === '--python' || w === '-p');
    const v = i >= 0 ? rest[i + 1] : rest.find((w) => w.startsWith('--python='))?.slice(9);
    return v && VERSION.test(v) ? v : undefined;
  }
  if ((head === 'uv' && sub === 'python' && rest[0] === 'install') || (head === 'pyenv' && (sub === 'install' || sub === 'local' || sub === 'global'))) {
    return (head === 'uv' ? rest.slice(1) : rest).find((w) => VERSION.test(w));
  }
  return undefined;
}

function installerOf(argv: string[]): 'uv' | 'pip' | undefined {
  const [head, sub, third] = argv;
  if (head === 'uv' && ((sub === 'pip' && third === 'install') || sub === 'venv' || sub === 'sync')) return 'uv';
  if (/^pip\d?(\.\d+)?$/.test(path.posix.basename(head ?? '')) && sub === 'install' && argv.includes('-r')) return 'pip';
  if (/^python\d?(\.\d+)?$/.test(path.posix.basename(head ?? '')) && sub === '-m' && (third === 'venv' || (third === 'pip' && argv[3] === 'install' && argv.includes('-r')))) return 'pip';
  return undefined;
}

/** The `python-version` of the first `actions/setup-python` step of the CI workflows (a literal version, not a matrix expression). */
function ciPython(root: string): { version: string; from: string } | undefined {
  let names: string[];
  try {
    names = readdirSync(path.join(root, '.github', 'workflows')).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    return undefined;
  }
  for (const name of names) {
    const file = `.github/workflows/${name}`;
    const lines = (readText(root, file) ?? '').split('\n');
    const uses = lines.findIndex((l) => /uses:\s*actions\/setup-python@/.test(l));
    if (uses < 0) continue;
    for (let i = uses + 1; i < Math.min(lines.length, uses + 8) && !/^\s*-\s/.test(lines[i]!); i++) {
      const m = /python-version:\s*['"]?(\d+\.\d+(?:\.\d+)?)['"]?\s*$/.exec(lines[i]!);
      if (m) return { version: m[1]!, from: `${file}:${i + 1}` };
    }
  }
  return undefined;
}
