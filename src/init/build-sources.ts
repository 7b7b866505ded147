// Where a team keeps its build commands, read as lines with their place: package.json scripts, Makefile,
// justfile and Taskfile targets, shell scripts under scripts/, and the `run:` steps of CI workflows. Each line
// keeps the file:line it came from (the comment beside the baseline cites it) and the folder it runs in.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { readText } from './walk.ts';

/** One command line as a build file holds it. */
export interface SourceLine {
  /** The file, relative to the project root, and the 1-based line of the command in it. */
  file: string;
  line: number;
  /** What names it: the npm script, make/just/task target, CI step or script file. */
  label: string;
  /** The folder it runs in, relative to the root ('' for the root). */
  cwd: string;
  text: string;
  /** How a command elsewhere calls it (`npm run NAME`, `make NAME`), when it can be called. */
  kind: 'npm' | 'make' | 'just' | 'task' | 'ci' | 'script';
}

const MAKEFILES = /(^|\/)(GNUmakefile|[Mm]akefile)$/;
const JUSTFILES = /(^|\/)(\.?[Jj]ustfile)$/;
const TASKFILES = /(^|\/)Taskfile\.ya?ml$/;

/** Every build command line of the project (`files` relative to `root`, as listProjectFiles gives them, plus the CI workflows it does not walk). */
export function readBuildSources(opts: { root: string; files: string[] }): SourceLine[] {
  const { root, files } = opts;
  const dirOf = (f: string) => path.posix.dirname(f).replace(/^\.$/, '');
  return [
    ...files.filter((f) => /(^|\/)package\.json$/.test(f)).flatMap((f) => packageScripts(f, dirOf(f), readText(root, f))),
    ...files.filter((f) => MAKEFILES.test(f)).flatMap((f) => recipes({ file: f, cwd: dirOf(f), text: readText(root, f), kind: 'make' })),
    ...files.filter((f) => JUSTFILES.test(f)).flatMap((f) => recipes({ file: f, cwd: dirOf(f), text: readText(root, f), kind: 'just' })),
    ...files.filter((f) => TASKFILES.test(f)).flatMap((f) => taskfile(f, dirOf(f), readText(root, f))),
    ...files.filter((f) => /(^|\/)scripts\/[^/]+\.(sh|bash)$|^[^/]+\.sh$/.test(f)).flatMap((f) => shellScript(f, readText(root, f))),
    ...workflows(root).flatMap((f) => workflow(f, readText(root, f))),
  ];
}

const lineOf = (text: string, needle: string) => Math.max(1, text.split('\n').findIndex((l) => l.includes(needle)) + 1);

function packageScripts(file: string, cwd: string, text: string | undefined): SourceLine[] {
  let doc: { scripts?: Record<string, unknown> };
  try {
    doc = JSON.parse(text ?? '{}');
  } catch {
    return []; // not JSON npm could read either
  }
  return Object.entries(doc.scripts ?? {})
    .filter((e): e is [string, string] => typeof e[1] === 'string')
    .map(([name, command]) => ({ file, line: lineOf(text!, `"${name}"`), label: `scripts.${name}`, cwd, text: command, kind: 'npm' as const }));
}

/** Make and just recipes: a `name …:` line, then its indented lines (a trailing backslash joins the next). */
function recipes(opts: { file: string; cwd: string; text: string | undefined; kind: 'make' | 'just' }): SourceLine[] {
  const out: SourceLine[] = [];
  let target: string | undefined;
  const lines = (opts.text ?? '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const head = opts.kind === 'make' ? /^([A-Za-z0-9_./%-]+|\$[({][A-Za-z0-9_]+[)}])\s*:(?!=)/.exec(raw) : /^@?([A-Za-z0-9_-]+)(?:\s+[^:=]*)?:(?!=)/.exec(raw);
    if (head) {
      target = head[1];
      continue;
    }
    const body = opts.kind === 'make' ? /^\t(.*)$/.exec(raw) : /^(?:\t| {2,})(.*)$/.exec(raw);
    if (!body || !target) {
      if (raw.trim() && !raw.startsWith('#')) target = undefined;
      continue;
    }
    let text = body[1]!;
    const start = i;
    while (text.endsWith('\\') && i + 1 < lines.length) text = `${text.slice(0, -1)} ${lines[++i]!.trim()}`;
    text = text.replace(/^[@-]+/, '').trim();
    if (text && !text.startsWith('#')) out.push({ file: opts.file, line: start + 1, label: target, cwd: opts.cwd, text, kind: opts.kind });
  }
  return out;
}

function taskfile(file: string, cwd: string, text: string | undefined): SourceLine[] {
  let doc: { tasks?: Record<string, { cmds?: unknown[]; dir?: string } | undefined> };
  try {
    doc = parseYaml(text ?? '', { merge: true }) ?? {}; // merge keys (<<: *base) applied where a file uses them (Task reads them)
  } catch {
    return [];
  }
  return Object.entries(doc.tasks ?? {}).flatMap(([name, task]) =>
    (task?.cmds ?? []).flatMap((c) => {
      const command = typeof c === 'string' ? c : typeof (c as { cmd?: unknown })?.cmd === 'string' ? (c as { cmd: string }).cmd : undefined;
      const dir = task?.dir ? path.posix.normalize(path.posix.join(cwd, task.dir)).replace(/^\.$/, '') : cwd;
      return command ? [{ file, line: lineOf(text!, command.split('\n')[0]!), label: name, cwd: dir, text: command, kind: 'task' as const }] : [];
    }),
  );
}

/** Lines with a trailing backslash joined to the next, each with the index of its first line; blank lines and comments dropped. */
function joinContinued(text: string): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let command = lines[i]!.trim();
    const index = i;
    while (command.endsWith('\\') && i + 1 < lines.length) command = `${command.slice(0, -1).trimEnd()} ${lines[++i]!.trim()}`;
    if (command && !command.startsWith('#')) out.push({ text: command, index });
  }
  return out;
}

/**
 * A shell script's command lines. It runs where it is called, taken as the root, until a line of its own moves
 * it: `cd sub` (a literal folder), or `cd "$(dirname "$0")/.."` and the like (its own folder, or above it).
 */
function shellScript(file: string, text: string | undefined): SourceLine[] {
  let cwd = '';
  return joinContinued(text ?? '').flatMap(({ text: command, index }) => {
    const cd = /^cd\s+("?)([^"&;|]*)\1\s*$/.exec(command)?.[2];
    if (cd !== undefined) {
      const own = /dirname\s+"?\$\{?(0|BASH_SOURCE)/.test(cd) ? path.posix.dirname(file) : undefined;
      const rest = own !== undefined ? cd.replace(/^.*\)\/?/, '') : cd;
      if (own !== undefined || !rest.includes('$')) cwd = path.posix.normalize(path.posix.join(own ?? cwd, rest || '.')).replace(/^\.$/, '');
      return [];
    }
    return [{ file, line: index + 1, label: path.posix.basename(file), cwd, text: command, kind: 'script' as const }];
  });
}

/** .github/workflows/*.yml (listProjectFiles skips dot-folders). */
function workflows(root: string): string[] {
  try {
    return readdirSync(path.join(root, '.github', 'workflows'))
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => `.github/workflows/${f}`);
  } catch {
    return [];
  }
}

function workflow(file: string, text: string | undefined): SourceLine[] {
  type Step = { name?: string; run?: unknown; 'working-directory'?: string };
  let doc: { jobs?: Record<string, { steps?: Step[]; defaults?: { run?: { 'working-directory'?: string } } } | undefined> };
  try {
    doc = parseYaml(text ?? '', { merge: true }) ?? {}; // merge keys (<<: *base) applied where a file uses them (Task reads them)
  } catch {
    return [];
  }
  const all = (text ?? '').split('\n');
  return Object.entries(doc.jobs ?? {}).flatMap(([job, j]) =>
    (j?.steps ?? []).flatMap((step) => {
      if (typeof step?.run !== 'string') return [];
      const cwd = (step['working-directory'] ?? j?.defaults?.run?.['working-directory'] ?? '').replace(/^\.\/?/, '').replace(/\/$/, '');
      const label = `jobs.${job}${step.name ? ` "${step.name}"` : ''}`;
      const first = all.findIndex((l) => l.includes(step.run!.toString().split('\n')[0]!.trim()));
      return joinContinued(step.run).map(({ text: t, index }) => ({ file, line: first >= 0 ? first + index + 1 : 1, label, cwd, text: t, kind: 'ci' as const }));
    }),
  );
}
