// A team whose build is a Python script that runs PyInstaller (`python3 scripts/build_sidecar.py --repo-root ..`):
// the script is found by what its syntax tree calls (python-syntax-build.ts), the way the team runs it by the
// build files (package.json, Makefile, CI, via stepsOf) or, failing those, the fenced command lines of its
// Markdown docs, and the PyInstaller call it makes is read with those arguments. The result is a found
// PyInstaller command like any other, carrying the script run (`via`) that python-freeze's baseline runs.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { simpleCommands, stepsOf, type FoundCommand } from './build-commands.ts';
import type { SourceLine } from './build-sources.ts';
import { BUILD_SCRIPT_FACTS } from './python-syntax-build.ts';
import { readText } from './walk.ts';

/** How the team runs its build script. Folders relative to the project root. */
export interface ScriptRun {
  /** The script, relative to the root. */
  script: string;
  /** The folder it is run in. */
  cwd: string;
  /** The command line as the team writes it (`python3 scripts/build_sidecar.py --repo-root .. --tauri-root .`). */
  words: string[];
  /** Where that command line was read, or why the script is run with no arguments. */
  from: string;
}

interface Call {
  line: number;
  argv?: { value: string; anchored: boolean }[];
  unknown?: string;
  cwd?: { value: string; anchored: boolean };
  cwdUnknown?: string;
}
type Facts = { calls: Call[]; argparseError?: string } | { error: string };

const norm = (p: string) => path.posix.normalize(p).replace(/^\.\/?$/, '').replace(/\/$/, '');
/** Whether a command word runs a Python interpreter (`python`, `python3`, `/usr/bin/python3.11`). */
export const isPython = (w: string | undefined): boolean => /^python(\d(\.\d+)?)?$/.test(path.posix.basename(w ?? ''));

/** The index of the script word in a command that runs a Python script (`python3 -u x.py`, `uv run x.py`, `./x.py`), or -1. */
function scriptWord(argv: string[]): number {
  let i = 0;
  if (argv[0] === 'uv' && argv[1] === 'run') for (i = 2; argv[i]?.startsWith('-'); i++) if (/^--(python|project|directory|group|with)$/.test(argv[i]!)) i++;
  if (isPython(argv[i])) for (i++; argv[i]?.startsWith('-'); i++) if (argv[i] === '-m' || argv[i] === '-c') return -1;
  return argv[i]?.endsWith('.py') ? i : -1;
}

/** Command lines of the Markdown files' fenced code blocks, each with its file:line (backslash continuations joined). */
export function docLines(root: string, files: string[]): { text: string; at: string }[] {
  const out: { text: string; at: string }[] = [];
  for (const file of files.filter((f) => /\.md$/i.test(f))) {
    let fenced = false;
    const lines = (readText(root, file) ?? '').split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (/^\s*(```|~~~)/.test(lines[i]!)) fenced = !fenced;
      else if (fenced) {
        let text = lines[i]!.trim().replace(/^\$\s+/, '');
        const start = i;
        while (text.endsWith('\\') && i + 1 < lines.length) text = `${text.slice(0, -1)} ${lines[++i]!.trim()}`;
        if (text && !text.startsWith('#')) out.push({ text, at: `${file}:${start + 1}` });
      }
    }
  }
  return out;
}

/** Where the team runs `script`: the build files' calls first, then the docs' (whose folder is where the written path reaches the script). */
function findRuns(opts: { root: string; files: string[]; lines: SourceLine[]; script: string }): ScriptRun[] {
  const { script } = opts;
  const runs: ScriptRun[] = [];
  for (const line of opts.lines) {
    for (const step of stepsOf({ line, lines: opts.lines, depth: 0, trail: [], extra: [] })) {
      const i = scriptWord(step.argv);
      if (i >= 0 && norm(path.posix.join(step.cwd, step.argv[i]!)) === script) runs.push({ script, cwd: step.cwd, words: step.argv, from: step.from });
    }
  }
  for (const doc of docLines(opts.root, opts.files).filter((d) => d.text.includes('.py'))) {
    for (const argv of simpleCommands(doc.text)) {
      const i = scriptWord(argv);
      const written = i >= 0 ? norm(argv[i]!) : '';
      if (!written || written.startsWith('..') || !(script === written || script.endsWith(`/${written}`))) continue;
      runs.push({ script, cwd: norm(script.slice(0, script.length - written.length)), words: argv, from: doc.at });
    }
  }
  return runs;
}

/**
 * The PyInstaller commands the project's Python build scripts run, each read with the arguments the team runs
 * the script with, and notes for scripts whose call cannot be read statically (the reason, once each). Never throws.
 */
export function findScriptBuilds(opts: { root: string; files: string[]; lines: SourceLine[]; python?: string }): { commands: (FoundCommand & { via: ScriptRun })[]; notes: string[] } {
  const { root, files } = opts;
  const scripts = files.filter((f) => f.endsWith('.py') && !/(^|\/)tests?\//.test(f) && /pyinstaller/i.test(readText(root, f) ?? '') && /subprocess|os\.system|__main__/.test(readText(root, f) ?? ''));
  const notes: string[] = [];
  const commands: (FoundCommand & { via: ScriptRun })[] = [];
  for (const script of scripts.slice(0, 20)) {
    const found = findRuns({ ...opts, script });
    // Run with no arguments from the root or a folder down to its own: the first where its PyInstaller entry exists.
    const folders = [path.posix.dirname(script), ...ancestors(path.posix.dirname(script))].map(norm).reverse();
    const runs = found.length > 0 ? found : folders.map((cwd) => ({ script, cwd, words: ['python3', path.posix.relative(cwd || '.', script)], from: `${script} run with no arguments (no build file or doc runs it)` }));
    const facts = readFacts({ root, runs, python: opts.python });
    const built = runs.flatMap((run, i) => commandsOf({ root, run, facts: facts[i] }));
    // Every call of the first run that reads (one per system, say): team-builds keeps the one for this machine.
    const read = runs.findIndex((run) => built.some((b) => 'command' in b && b.command.via === run));
    if (read >= 0) commands.push(...built.flatMap((b) => ('command' in b && b.command.via === runs[read] ? [b.command] : [])));
    else if (built[0] && 'note' in built[0]) notes.push(built[0].note);
  }
  return { commands, notes };
}

const ancestors = (dir: string): string[] => (dir === '.' || dir === '' ? [] : [path.posix.dirname(dir), ...ancestors(path.posix.dirname(dir))]);

function readFacts(opts: { root: string; runs: ScriptRun[]; python?: string }): Facts[] {
  const jobs = opts.runs.map((r) => ({ path: path.join(opts.root, r.script), fileRel: path.posix.relative(r.cwd || '.', r.script), argv: r.words.slice(scriptWord(r.words) + 1) }));
  const r = spawnSync(opts.python ?? 'python3', ['-c', BUILD_SCRIPT_FACTS], { input: JSON.stringify(jobs), encoding: 'utf8', timeout: 60_000 });
  if (r.error || r.status !== 0) return jobs.map(() => ({ error: `python3 could not read the script (${r.error?.message ?? r.stderr.trim().split('\n').at(-1)})` }));
  return JSON.parse(r.stdout) as Facts[];
}

type Read = { command: FoundCommand & { via: ScriptRun } } | { note: string };

/** The script's PyInstaller calls as found commands (paths rebased to PyInstaller's folder), or why not. */
function commandsOf(opts: { root: string; run: ScriptRun; facts: Facts | undefined }): Read[] {
  const { run, facts } = opts;
  const where = `${run.script} (${run.from})`;
  if (!facts || 'error' in facts) return [{ note: `${where}: ${facts?.error ?? 'not read'}` }];
  if (facts.argparseError) return [{ note: `${where}: its argparse refuses the arguments (${facts.argparseError}), so its PyInstaller call cannot be read: the variants are guessed from the files` }];
  return facts.calls.flatMap((call): Read[] => {
    const at = `${run.script}:${call.line}`;
    if (!call.argv || call.cwdUnknown) return [{ note: `${at}: its PyInstaller call's ${call.argv ? 'folder' : 'arguments'} cannot be read statically (${call.unknown ?? call.cwdUnknown}): the variants are guessed from the files` }];
    const argv = call.argv.map((w) => w.value);
    const k = argv.findIndex((w, i) => (w === 'PyInstaller' && argv[i - 1] === '-m') || /^pyinstaller(\.exe)?$/.test(path.posix.basename(w)));
    if (k < 0) return [];
    const cwd = norm(path.posix.join(run.cwd, call.cwd?.value ?? '.'));
    if (cwd.startsWith('..')) return [{ note: `${at}: PyInstaller runs outside the project (${cwd})` }];
    const args = call.argv.slice(k + 1).map((w) => (w.anchored ? path.posix.relative(cwd || '.', norm(path.posix.join(run.cwd, w.value))) || '.' : w.value));
    const entry = args.find((a) => /\.(py|pyw|spec)$/.test(a));
    if (!entry) return [];
    if (readText(opts.root, path.posix.join(cwd, entry)) === undefined && !path.isAbsolute(entry)) return [{ note: `${at}: its PyInstaller entry ${entry} is not in ${cwd || '.'} when run as ${run.words.join(' ')} in ${run.cwd || '.'}` }];
    const runner = argv.slice(0, k + 1).map((w) => (w === '{python}' ? 'python' : w));
    return [{ command: { tool: 'pyinstaller' as const, args, runner, cwd, from: `${run.from} → ${at}`, at, via: run } }];
  });
}
