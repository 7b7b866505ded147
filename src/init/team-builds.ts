// The builds a team already has, found in its build files (build-sources.ts, build-commands.ts): the PyInstaller
// build init makes the baseline of python-freeze, and the other build commands (tauri, cargo, PEX, shiv) it
// found, for the notes and for the scenarios that measure them.
import type { SpecFacts } from './python-syntax.ts';
import { findBuildCommands, findInstallPins, type FoundCommand } from './build-commands.ts';
import { readBuildSources, type SourceLine } from './build-sources.ts';
import { readTeamFreeze, type TeamFreeze } from './team-freeze.ts';
import { readTeamZipapp, type TeamZipapp } from './team-zipapp.ts';
import { findScriptBuilds } from './team-script.ts';
import { findTeamSetup, type TeamSetup } from './team-setup.ts';

/** What init found of the team's own builds. */
export interface TeamBuilds {
  /** The PyInstaller build for this machine (Linux) that python-freeze's baseline runs. */
  freeze?: TeamFreeze;
  /** With no PyInstaller build: the team's PEX or shiv build, python-freeze's baseline then. */
  zipapp?: TeamZipapp;
  /** Every build command found (PyInstaller, PEX, shiv, cargo, tauri), with where it was read. */
  commands: FoundCommand[];
  /** Build tools the build files install at one version (`pip install pyinstaller==5.13.0` in CI), with where. */
  installPins: Record<string, { version: string; from: string }>;
  /** The Python and installer the team's setup commands name (CI, build files, then the docs). */
  setup: TeamSetup;
  /** Build scripts that run PyInstaller in a way not read statically, each with why (also in `notes`). */
  unreadScripts: string[];
  /** What was found and not used, in one line each. */
  notes: string[];
  /** Every command line of the project's build files (to follow another command's calls into, as beforeBuildCommand's). */
  lines: SourceLine[];
}

const OTHER_OS = /win(dows|os|32|64)?\b|msvc|\.exe\b|darwin|apple|mac(os)?\b|osx/i;
const sourceRank = (from: string) => (/^\.github\//.test(from) ? 2 : /(^|\/)scripts\/|\.sh:/.test(from) ? 1 : 0);

/** The team's builds of the project at `root` (`files` relative, `specs` the .spec files read by Python). Never throws. */
export function findTeamBuilds(opts: { root: string; files: string[]; specs: Map<string, SpecFacts> }): TeamBuilds {
  const lines = readBuildSources(opts);
  const commands = findBuildCommands(lines);
  const notes: string[] = [];
  // PyInstaller run by a Python build script of the team's, read with the arguments the team runs it with.
  const scripted = findScriptBuilds({ root: opts.root, files: opts.files, lines });
  notes.push(...scripted.notes);
  const freezes = [...commands, ...scripted.commands]
    .filter((c) => c.tool === 'pyinstaller')
    .flatMap((command) => {
      const freeze = readTeamFreeze({ command, specOf: (rel) => opts.specs.get(rel) });
      return freeze ? [freeze] : [];
    });
  const forHere = freezes.filter((f) => !OTHER_OS.test(`${f.from} ${f.args.join(' ')}`) || /linux/i.test(`${f.from} ${f.args.join(' ')}`));
  const skipped = freezes.filter((f) => !forHere.includes(f));
  if (skipped.length > 0) notes.push(`PyInstaller builds for another system left out: ${skipped.map((f) => f.from).join('; ')}`);
  // Linux builds first, then those whose paths the shell does not compute (`--distpath "$OUT"`), then by place.
  const linux = (f: TeamFreeze) => Number(/linux/i.test(f.from + f.args.join(' ')));
  const literal = (f: TeamFreeze) => Number(!`${f.artifact} ${f.workpath}`.includes('${'));
  forHere.sort((a, b) => linux(b) - linux(a) || literal(b) - literal(a) || sourceRank(a.from) - sourceRank(b.from));
  const freeze = forHere[0];
  const others = forHere.slice(1).filter((f) => f.artifact !== freeze!.artifact || f.cwd !== freeze!.cwd);
  notes.push(...others.map((f) => `another PyInstaller build, not the baseline: ${f.from} (${f.artifact})`));
  const zipapp = freeze ? undefined : commands.map(readTeamZipapp).find((z) => z !== undefined);
  for (const c of commands.filter((x) => x.tool !== 'pyinstaller' && x.from !== zipapp?.from)) notes.push(`the team's ${c.tool} build: \`${[...c.runner, ...c.args].join(' ')}\` (${c.from})`);
  return { ...(freeze ? { freeze } : {}), ...(zipapp ? { zipapp } : {}), commands, installPins: findInstallPins(lines), unreadScripts: scripted.notes, setup: findTeamSetup({ root: opts.root, files: opts.files, lines }), notes, lines };
}
