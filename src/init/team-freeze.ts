// The team's own PyInstaller build, read from its command line: entry script or .spec, one file or a folder,
// --name, --distpath, --workpath, its own excludes; from these the artifact path it produces. The baseline
// variant runs exactly this; every other variant changes one thing of it.
import path from 'node:path';
import type { FoundCommand } from './build-commands.ts';
import type { SpecFacts } from './python-syntax.ts';
import type { ScriptRun } from './team-script.ts';

/** A PyInstaller build as the team runs it. Paths are relative to `cwd`, the folder it runs in (relative to the root). */
export interface TeamFreeze {
  /** Where it was read (`package.json:12 scripts.build:sidecar-linux`, or a chain). */
  from: string;
  cwd: string;
  /** The team's arguments, as the shell passes them. */
  args: string[];
  /** The words that ran PyInstaller (`uv run --group desktop pyinstaller`), for the comment. */
  runner: string[];
  /** The entry script (from the command line, or the spec's Analysis). */
  script?: string;
  /** The .spec it builds from, when it builds from one. */
  spec?: string;
  name: string;
  onefile: boolean;
  distpath: string;
  workpath: string;
  /** `<distpath>/<name>`: a file for one-file builds, a folder otherwise. */
  artifact: string;
  /** The modules its own command or spec excludes. */
  excludes: string[];
  /** The team's Python build script that runs this PyInstaller call, and how the team runs it: the baseline runs that. */
  via?: ScriptRun;
  /** The name could not be read (a spec computing EXE's name, a `${VAR}` in --name): the artifact is a guess. */
  nameGuessed?: string;
}

/** PyInstaller options that take a value (PyInstaller 5.13 and 6.x `pyinstaller --help`). */
const VALUE_OPTIONS = new Set([
  '--name', '--distpath', '--workpath', '--specpath', '--paths', '--add-data', '--add-binary', '--hidden-import', '--hiddenimport',
  '--collect-submodules', '--collect-data', '--collect-datas', '--collect-binaries', '--collect-all', '--copy-metadata',
  '--recursive-copy-metadata', '--additional-hooks-dir', '--runtime-hook', '--exclude-module', '--splash', '--icon',
  '--upx-dir', '--upx-exclude', '--log-level', '--target-architecture', '--target-arch', '--codesign-identity',
  '--osx-entitlements-file', '--version-file', '--manifest', '--runtime-tmpdir', '--contents-directory', '--python-option',
  '--resource', '--osx-bundle-identifier', '--key', '--debug', '--hide-console', '--optimize',
]);
const SHORT: Record<string, string> = { '-n': '--name', '-F': '--onefile', '-D': '--onedir', '-p': '--paths', '-c': '--console', '-w': '--windowed', '-y': '--noconfirm', '-i': '--icon', '-d': '--debug', '-s': '--strip', '-a': '--ascii', '-r': '--resource' };
const SHORT_FLAGS = 'FDcwysa';

/** Options by long name (each value in order) and the positional words. */
export function parsePyInstallerArgs(args: string[]): { options: Map<string, string[]>; positionals: string[] } {
  const options = new Map<string, string[]>();
  const positionals: string[] = [];
  const add = (name: string, value: string) => options.set(name, [...(options.get(name) ?? []), value]);
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (/^-[A-Za-z]{2,}$/.test(word) && [...word.slice(1)].every((c) => SHORT_FLAGS.includes(c))) {
      for (const c of word.slice(1)) add(SHORT[`-${c}`]!, '');
      continue;
    }
    const [flag, inline] = word.startsWith('--') && word.includes('=') ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)] : [word, undefined];
    const long = SHORT[flag] ?? flag;
    if (!long.startsWith('-')) positionals.push(word);
    else if (inline !== undefined) add(long, inline);
    else if (VALUE_OPTIONS.has(long) && !(long === '--debug' && args[i + 1]?.startsWith('-'))) add(long, args[++i] ?? '');
    else add(long, '');
  }
  return { options, positionals };
}

/** The team's PyInstaller build from a found command; `specOf` reads a .spec (relative to the root). */
export function readTeamFreeze(opts: { command: FoundCommand & { via?: ScriptRun }; specOf: (rootRel: string) => SpecFacts | undefined }): TeamFreeze | undefined {
  const { command } = opts;
  const { options, positionals } = parsePyInstallerArgs(command.args);
  const target = positionals.find((p) => p.endsWith('.spec') || p.endsWith('.py') || p.endsWith('.pyw'));
  if (!target) return undefined; // `pyinstaller --version` and the like build nothing
  const last = (name: string) => options.get(name)?.at(-1);
  const distpath = stripSlash(last('--distpath') ?? 'dist');
  const workpath = stripSlash(last('--workpath') ?? 'build');
  const common = { from: command.from, cwd: command.cwd, args: command.args, runner: command.runner, distpath, workpath, ...(command.via ? { via: command.via } : {}) };
  if (target.endsWith('.spec')) {
    const facts = opts.specOf(path.posix.normalize(path.posix.join(command.cwd, target)));
    const specDir = path.posix.dirname(target);
    // Sidecar specs often name the EXE after the target triple (`f"server-{triple}"`): this machine's, here.
    const computed = facts?.name?.includes('{');
    const name = (facts?.name ?? path.posix.basename(target, '.spec')).replace(/\{([^}]*)\}/g, (all, v: string) => (/triple|target/i.test(v) ? hostTriple() : all));
    const script = facts?.scripts[0] === undefined ? undefined : path.posix.normalize(path.posix.join(specDir, facts.scripts[0]));
    return {
      ...common,
      spec: target,
      ...(script ? { script } : {}),
      name,
      onefile: !facts?.collect,
      artifact: `${distpath}/${name}`,
      excludes: facts?.excludes ?? [],
      ...(facts?.name && !computed ? {} : { nameGuessed: !facts ? 'the spec did not parse' : computed ? `EXE(name=${facts.name}) in the spec, read for this machine` : 'EXE(name=…) is computed in the spec' }),
    };
  }
  const name = last('--name') ?? path.posix.basename(target).replace(/\.pyw?$/, '');
  const shape = [...options.keys()].filter((k) => k === '--onefile' || k === '--onedir').at(-1);
  return {
    ...common,
    script: target,
    name,
    onefile: shape === '--onefile',
    artifact: `${distpath}/${name}`,
    excludes: options.get('--exclude-module') ?? [],
    ...(name.includes('${') ? { nameGuessed: `--name ${name} is set by the shell` } : {}),
  };
}

/** This machine's Rust target triple, as Tauri suffixes an externalBin with it (Linux only: init runs here). */
export const hostTriple = (): string => `${({ x64: 'x86_64', arm64: 'aarch64', ia32: 'i686' } as Record<string, string>)[process.arch] ?? process.arch}-unknown-linux-gnu`;

const stripSlash = (p: string) => p.replace(/^\.\//, '').replace(/\/+$/, '') || '.';

/**
 * The team's arguments with the shape flag swapped: `-F`/`--onefile` out and `--onedir` in, or the other way. A
 * onedir build gets `--noconfirm` where the team's has none: rebuilding into its existing folder otherwise stops
 * with "ERROR: The output directory … is not empty" (PyInstaller asks before it removes it), which a team building
 * onefile never meets.
 */
export function withShape(args: string[], onefile: boolean): string[] {
  const out: string[] = [];
  for (const word of args) {
    if (/^-[A-Za-z]{2,}$/.test(word) && [...word.slice(1)].every((c) => SHORT_FLAGS.includes(c))) {
      const rest = [...word.slice(1)].filter((c) => c !== 'F' && c !== 'D').join('');
      if (rest) out.push(`-${rest}`);
    } else if (!['-F', '-D', '--onefile', '--onedir'].includes(word)) out.push(word);
  }
  return [onefile ? '--onefile' : '--onedir', ...(onefile || confirmsIn(out) ? [] : ['--noconfirm']), ...out];
}

/** True when PyInstaller's arguments say `--noconfirm` (`-y`, alone or among other short flags). */
export const confirmsIn = (args: readonly string[]): boolean => args.some((w) => w === '--noconfirm' || (/^-[A-Za-z]+$/.test(w) && w.includes('y')));
