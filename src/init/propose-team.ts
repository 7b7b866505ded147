// The python-freeze variants for a team that already has a PyInstaller build: the baseline runs the team's own
// command (in the app's environment), and each PyInstaller variant changes one thing of it: the other shape
// (onedir for -F, onefile for a folder build), the dev tools excluded. PEX and shiv freeze the same entry.
import path from 'node:path';
import { quote } from 'shell-quote';
import type { Guess } from './inspect-python.ts';
import { confirmsIn, withShape, type TeamFreeze } from './team-freeze.ts';
import { checkSpecRewrite, specCopyPath } from '../scenario/presets/pyinstaller-spec.ts';
import { isPython } from './team-script.ts';

/** A variant override as written under `variants:` (merged by name with the preset's own). */
export type VariantOverride = Record<string, unknown> & { name: string };

/** A word for the shell: `${VAR}` stays expandable (double quotes), anything else is quoted only when it must be. */
const shellWord = (word: string) => (word.includes('${') ? `"${word.replace(/["\\`]/g, '\\$&')}"` : quote([word]));
/** Words as one shell command line, each quoted only where it must be and `${VAR}` kept expandable. */
export const shellLine = (words: string[]): string => words.map(shellWord).join(' ');

/** The overrides of the preset's PyInstaller variants that make the team's build the baseline. */
export function teamVariants(opts: { team: TeamFreeze; pyinstaller: string; root: string }): Guess<VariantOverride>[] {
  const { team, pyinstaller } = opts;
  const shape = (onefile: boolean) => (onefile ? 'onefile' : 'onedir');
  const teamShape = shape(team.onefile);
  const ran = shellLine([...team.runner, ...team.args]);
  const own = {
    artifact: team.artifact,
    clean: [team.artifact],
    caches: [team.workpath],
  };
  const script = team.via && scriptBaseline(team);
  const guessed = team.nameGuessed ? `; artifact guessed: ${team.nameGuessed}` : '';
  const baseline: Guess<VariantOverride> = {
    value: {
      name: `pyinstaller-${teamShape}`,
      baseline: true,
      ...(team.onefile ? {} : { default: true }),
      description: script?.description ?? `The team's own build, as it runs it: ${ran}`,
      build: script?.build ?? `${pyinstaller} ${shellLine(team.args)}`,
      ...own,
    },
    why: script ? `${script.why}${guessed}` : `baseline: the team's command, ${team.from} (run with the app's environment's PyInstaller)${guessed}`,
  };
  const variant = (onefile: boolean, excludes: boolean): Guess<VariantOverride> => {
    const args = onefile === team.onefile ? team.args : withShape(team.args, onefile);
    const changes = [onefile !== team.onefile && `--${shape(onefile)} instead of ${team.onefile ? '--onefile' : '--onedir'}${onefile || confirmsIn(team.args) ? '' : ' (with --noconfirm: a onedir rebuild into its folder stops to ask otherwise)'}`, excludes && 'the dev tools excluded ($PYI_EXCLUDES)'].filter(Boolean).join(' and ');
    return {
      value: {
        name: `pyinstaller-${shape(onefile)}${excludes ? '-excludes' : ''}`,
        ...(onefile !== team.onefile && !excludes ? { baseline: false } : {}),
        description: `The team's build with ${changes}.`,
        build: `${pyinstaller} ${shellLine(args)}${excludes ? ' $PYI_EXCLUDES' : ''}`,
        ...own,
      },
      why: `changes one thing of the baseline: ${changes}${team.via ? ` (as ${team.from.split(' → ').at(-1)} runs PyInstaller, without the script's other steps)` : ''}`,
    };
  };
  if (team.spec) return [baseline, ...specVariants({ team, pyinstaller, root: opts.root, own })];
  return [baseline, variant(!team.onefile, false), variant(true, true), variant(false, true)];
}

/**
 * For a team that builds from a .spec: each other PyInstaller variant runs the team's command on a copy of the
 * spec with its one change (the preset writes the copy in the variant's set-up, from `spec` under `with`), or is
 * unavailable with the reason where the spec's shape is not one PyInstaller's templates write.
 */
function specVariants(opts: { team: TeamFreeze; pyinstaller: string; root: string; own: Record<string, unknown> }): Guess<VariantOverride>[] {
  const { team } = opts;
  const spec = team.spec!;
  const specFile = path.join(opts.root, team.cwd, spec);
  const shape = (onefile: boolean) => (onefile ? 'onefile' : 'onedir');
  const refused = (onefile: boolean) => checkSpecRewrite({ specFile, shape: shape(onefile), excludes: ['__main__'] });
  const reasons = new Map([true, false].map((onefile) => [onefile, refused(onefile)]));
  return [
    { onefile: !team.onefile, excludes: false },
    { onefile: true, excludes: true },
    { onefile: false, excludes: true },
  ].map(({ onefile, excludes }) => {
    const name = `pyinstaller-${shape(onefile)}${excludes ? '-excludes' : ''}`;
    const changes = [onefile !== team.onefile && `${shape(onefile)} instead of ${shape(team.onefile)}`, excludes && 'the dev tools added to Analysis(excludes=…)'].filter(Boolean).join(' and ');
    const why = reasons.get(onefile);
    const notBaseline = name === 'pyinstaller-onefile' ? { baseline: false } : {};
    if (why) return { value: { name, ...notBaseline, unavailable: `${why}: edit a copy of the spec for this variant` }, why: `the team builds from ${spec}, whose shape buildbench cannot rewrite` };
    const args = team.args.map((a) => (a === spec ? specCopyPath(spec, name) : a));
    return {
      value: { name, ...notBaseline, description: `The team's build from a copy of ${spec} with ${changes}.`, build: `${opts.pyinstaller} ${shellLine(args)}`, ...opts.own },
      why: `changes one thing of the baseline: ${changes} (in ${specCopyPath(spec, name)}, the copy its set-up writes from ${spec})`,
    };
  });
}

const inFolder = (dir: string) => (dir ? `${dir}/` : 'the project root');

/**
 * The baseline of a team whose build is a Python script: the script run as the team runs it, in its folder, with
 * the app's environment first on PATH (as the team's activated .venv: `sys.executable -m PyInstaller` and a bare
 * `pyinstaller` both reach its PyInstaller). Undefined when the script runs outside the project's folder.
 */
function scriptBaseline(team: TeamFreeze): { build: string; description: string; why: string } | undefined {
  const via = team.via!;
  const folder = path.posix.relative(team.cwd || '.', via.cwd || '.');
  if (folder.startsWith('..')) return undefined;
  const at = via.words.findIndex((w) => w.endsWith('.py'));
  const interpreter = via.words.slice(0, at);
  // `uv run` would make an environment of its own: the app's python3 runs the script instead.
  const python = interpreter.length === 0 ? [] : [isPython(interpreter.at(-1)) ? path.posix.basename(interpreter.at(-1)!) : 'python3'];
  const command = shellLine([...python, ...via.words.slice(at)]);
  const call = `${shellLine([...team.runner, ...team.args])} in ${inFolder(team.cwd)}`;
  return {
    build: `export PATH="$PWD/.venv/bin:$PATH" && ${folder ? `cd ${shellLine([folder])} && ` : ''}${command}`,
    description: `The team's own build, as it runs it: ${shellLine(via.words)} in ${inFolder(via.cwd)}, whose PyInstaller call is ${call}`,
    why: `baseline: the team's build script as it runs it (${via.from}), the app's environment first on PATH; its PyInstaller call, ${team.from.split(' → ').at(-1)}: ${call}`,
  };
}
