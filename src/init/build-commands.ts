// The team's build commands found in its build files: each line is split into simple commands by a shell
// parser (shell-quote), `npm run x` / `make y` / `just z` / `task t` calls are followed two levels down, and the
// PyInstaller, PEX, shiv, cargo and tauri commands among them are returned with the words that ran them
// (`uv run --group desktop`, `python -m`), the folder they run in and the chain of places they came from.
import path from 'node:path';
import { parse as parseShell } from 'shell-quote';
import type { SourceLine } from './build-sources.ts';
import { PINNED_TOOLS } from './python-toolchain.ts';
import { normaliseName } from '../common/build-only-tools.ts';

export type BuildTool = 'pyinstaller' | 'pex' | 'shiv' | 'cargo' | 'tauri';

/** A build command of the team's, as found. */
export interface FoundCommand {
  tool: BuildTool;
  /** The tool's arguments as the shell would pass them (`$VAR` kept as `${VAR}`). */
  args: string[];
  /** The words that ran the tool, itself included (`uv run --group desktop pyinstaller`, `python -m PyInstaller`): the team's command is these and `args`. */
  runner: string[];
  /** The folder it runs in, relative to the project root. */
  cwd: string;
  /** Where it was read: `package.json:12 scripts.build:sidecar-linux`, a chain joined by ` → ` when called from elsewhere. */
  from: string;
  /** The file:line of the line holding the tool itself. */
  at: string;
}

const MAX_DEPTH = 2;
/** `uv run` options that take a value (uv 0.5–0.9 `uv run --help`). */
const UV_VALUE_OPTIONS = new Set(['--group', '--only-group', '--with', '--with-editable', '--with-requirements', '--extra', '--python', '-p', '--project', '--directory', '--package', '--env-file', '--index', '--default-index', '--find-links', '-f', '--index-url', '--extra-index-url']);
const RUNNERS = new Set(['poetry', 'pipenv', 'pdm', 'hatch', 'rye']);
const PREFIXES = new Set(['sudo', 'time', 'exec', 'env', 'command', 'npx', 'pnpx', 'bunx']);

type Word = string;

/** Every build command of `lines` (the project's build files), following calls between them. */
export function findBuildCommands(lines: SourceLine[]): FoundCommand[] {
  const found: FoundCommand[] = [];
  for (const line of lines) found.push(...commandsOf({ line, lines, depth: 0, trail: [], extra: [] }));
  // The same line reached directly and through a chain: keep the shortest way to it.
  const byAt = new Map<string, FoundCommand>();
  for (const c of found) {
    const key = `${c.at}\0${c.args.join('\0')}`;
    const seen = byAt.get(key);
    if (!seen || c.from.length < seen.from.length) byAt.set(key, c);
  }
  return [...byAt.values()];
}

/** A line to follow, with the lines its calls may reach and how it was reached. */
export interface Walk {
  line: SourceLine;
  lines: SourceLine[];
  depth: number;
  trail: string[];
  /** Arguments appended by the caller (`pnpm tauri build` calls script `tauri` with `build`). */
  extra: Word[];
}

function commandsOf(w: Walk): FoundCommand[] {
  return stepsOf(w).flatMap((s) => (s.tool ? [{ ...s.tool, cwd: s.cwd, from: s.from, at: `${s.line.file}:${s.line.line}` }] : []));
}

/** One simple command a line runs once its npm/make/just/task calls are followed: a build tool's, or another (a frontend build). */
export interface Step {
  /** Its words as the shell passes them (`$VAR` kept as `${VAR}`), wrappers (`npx`, `env`) left out. */
  argv: Word[];
  /** The folder it runs in, relative to the project root. */
  cwd: string;
  /** Where it was read, a chain joined by ` → ` when called from elsewhere. */
  from: string;
  /** The line holding it. */
  line: SourceLine;
  /** The build tool it runs, if any. */
  tool?: Omit<FoundCommand, 'cwd' | 'from' | 'at'>;
}

/**
 * The simple commands `line` runs, in order, with each `npm run x` / `make y` / `just z` / `task t` call it
 * makes replaced by what that runs (two levels down; a call found nowhere stays a step of its own).
 */
export function stepsOf(w: Walk): Step[] {
  const { line } = w;
  const trail = [...w.trail, `${line.file}:${line.line} ${line.label}`];
  const out: Step[] = [];
  let cwd = line.cwd;
  const simples = simpleCommands(line.text);
  for (const [i, simple] of simples.entries()) {
    const argv = [...stripPrefixes(simple), ...(i === simples.length - 1 ? w.extra : [])];
    if (argv[0] === 'cd' && argv[1]) {
      // `cd "$ROOT"` or an absolute path: the shell knows where; the project root is the likeliest.
      if (!argv[1].includes('${') && !argv[1].startsWith('/')) cwd = path.posix.normalize(path.posix.join(cwd, argv[1])).replace(/^\.$/, '');
      continue;
    }
    const tool = recognise(argv);
    const targets = tool || w.depth >= MAX_DEPTH ? [] : callTargets({ argv, cwd, lines: w.lines });
    if (targets.length === 0) out.push({ argv, cwd, from: trail.join(' → '), line, ...(tool ? { tool } : {}) });
    for (const target of targets) out.push(...stepsOf({ line: target.line, lines: w.lines, depth: w.depth + 1, trail, extra: target.extra }));
  }
  return out;
}

/** The simple commands of a line, split at `&&`, `||`, `;` and `|`; variables are kept as `${NAME}`. */
export function simpleCommands(text: string): Word[][] {
  const commands: Word[][] = [[]];
  let entries;
  try {
    entries = parseShell(text, (name) => `\${${name}}`);
  } catch {
    return []; // not shell
  }
  for (const e of entries) {
    if (typeof e === 'string') commands.at(-1)!.push(e);
    else if ('op' in e && e.op === 'glob') commands.at(-1)!.push(e.pattern);
    else if ('comment' in e) break;
    else commands.push([]);
  }
  return commands.filter((c) => c.length > 0);
}

/** Leading `VAR=value` assignments and wrappers (`time`, `env`, `npx`) are not the command. */
function stripPrefixes(argv: Word[]): Word[] {
  let i = 0;
  while (i < argv.length && (/^[A-Za-z_]\w*=/.test(argv[i]!) || PREFIXES.has(argv[i]!))) i++;
  return argv.slice(i);
}

const base = (word: string | undefined) => (word === undefined ? '' : path.posix.basename(word));

/** The build tool argv runs, with what ran it; undefined when it runs none. */
function recognise(argv: Word[], runner: Word[] = []): Omit<FoundCommand, 'cwd' | 'from' | 'at'> | undefined {
  const [head, ...rest] = argv;
  const name = base(head);
  if (name === 'pyinstaller' || name === 'pyinstaller.exe') return { tool: 'pyinstaller', args: rest, runner: [...runner, head!] };
  if (/^python(\d(\.\d+)?)?$/.test(name) && rest[0] === '-m') {
    const module = rest[1]?.toLowerCase();
    const ran = [...runner, head!, '-m', rest[1]!];
    if (module === 'pyinstaller') return { tool: 'pyinstaller', args: rest.slice(2), runner: ran };
    if (module === 'pex' || module === 'shiv') return { tool: module, args: rest.slice(2), runner: ran };
    return undefined;
  }
  if (name === 'pex' || name === 'shiv') return { tool: name, args: rest, runner: [...runner, head!] };
  if (name === 'uv' && rest[0] === 'run') {
    let i = 1;
    while (i < rest.length && rest[i]!.startsWith('-')) i += UV_VALUE_OPTIONS.has(rest[i]!) ? 2 : 1;
    return recognise(rest.slice(i), [...runner, head!, ...rest.slice(0, i)]);
  }
  if (RUNNERS.has(name) && rest[0] === 'run') return recognise(rest.slice(1), [...runner, head!, 'run']);
  if (name === 'cargo' && rest[0] === 'tauri' && rest[1] === 'build') return { tool: 'tauri', args: rest.slice(2), runner: [...runner, head!, 'tauri', 'build'] };
  if (name === 'cargo' && rest[0] === 'build') return { tool: 'cargo', args: rest.slice(1), runner: [...runner, head!, 'build'] };
  if (name === 'tauri' && rest[0] === 'build') return { tool: 'tauri', args: rest.slice(1), runner: [...runner, head!, 'build'] };
  return undefined;
}

/** The lines a `npm run x` / `pnpm x` / `make y` / `just z` / `task t` call runs, with the arguments it appends. */
function callTargets(opts: { argv: Word[]; cwd: string; lines: SourceLine[] }): { line: SourceLine; extra: Word[] }[] {
  const { argv, lines } = opts;
  const [head, ...rest] = argv;
  const name = base(head);
  let cwd = opts.cwd;
  let kind: SourceLine['kind'] | undefined;
  let target: string | undefined;
  let extra: Word[] = [];
  if (['npm', 'pnpm', 'yarn', 'bun'].includes(name)) {
    const args = rest.filter((a) => !a.startsWith('-'));
    const script = args[0] === 'run' || args[0] === 'run-script' ? args[1] : name === 'npm' ? undefined : args[0];
    [kind, target, extra] = ['npm', script && `scripts.${script}`, args.slice(args[0] === 'run' || args[0] === 'run-script' ? 2 : 1).filter((a) => a !== '--')];
  } else if (name === 'make' || head === '${MAKE}') {
    const dir = rest.indexOf('-C');
    if (dir >= 0 && rest[dir + 1]) cwd = path.posix.normalize(path.posix.join(cwd, rest[dir + 1]!)).replace(/^\.$/, '');
    [kind, target] = ['make', rest.find((a, i) => !a.startsWith('-') && rest[i - 1] !== '-C' && !a.includes('=')) ?? firstTarget(lines, cwd)];
  } else if (name === 'just' || name === 'task') {
    [kind, target] = [name, rest.find((a) => !a.startsWith('-'))];
  }
  if (!kind || !target) return [];
  return lines.filter((l) => l.kind === kind && l.label === target && l.cwd === cwd).map((line) => ({ line, extra }));
}

const firstTarget = (lines: SourceLine[], cwd: string) => lines.find((l) => l.kind === 'make' && l.cwd === cwd)?.label;

/** Build tools a build file installs at one version (`pip install pyinstaller==5.13.0`, `uv pip install …`), by normalised name, each with where. */
export function findInstallPins(lines: SourceLine[]): Record<string, { version: string; from: string }> {
  const pins: Record<string, { version: string; from: string }> = {};
  for (const line of lines) {
    for (const simple of simpleCommands(line.text)) {
      const argv = stripPrefixes(simple);
      const at = argv.findIndex((w, i) => w === 'install' && /^pip\d?(\.\d+)?$/.test(base(argv[i - 1])));
      if (at < 0) continue;
      for (const word of argv.slice(at + 1)) {
        const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([A-Za-z0-9.+!-]+)$/.exec(word);
        const name = m && normaliseName(m[1]!);
        if (name && PINNED_TOOLS.includes(name) && !pins[name]) pins[name] = { version: m[2]!, from: `${line.file}:${line.line}` };
      }
    }
  }
  return pins;
}
