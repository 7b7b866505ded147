// The python-freeze variants for a team that already has a PyInstaller build: the baseline runs the team's own
// command (in the app's environment), and each PyInstaller variant changes one thing of it: the other shape
// (onedir for -F, onefile for a folder build), the dev tools excluded. PEX and shiv freeze the same entry.
import { quote } from 'shell-quote';
import type { Guess } from './inspect-python.ts';
import { withShape, type TeamFreeze } from './team-freeze.ts';

/** A variant override as written under `variants:` (merged by name with the preset's own). */
export type VariantOverride = Record<string, unknown> & { name: string };

/** A word for the shell: `${VAR}` stays expandable (double quotes), anything else is quoted only when it must be. */
const shellWord = (word: string) => (word.includes('${') ? `"${word.replace(/["\\`]/g, '\\$&')}"` : quote([word]));
/** Words as one shell command line, each quoted only where it must be and `${VAR}` kept expandable. */
export const shellLine = (words: string[]): string => words.map(shellWord).join(' ');

/** The overrides of the preset's PyInstaller variants that make the team's build the baseline. */
export function teamVariants(opts: { team: TeamFreeze; pyinstaller: string }): Guess<VariantOverride>[] {
  const { team, pyinstaller } = opts;
  const shape = (onefile: boolean) => (onefile ? 'onefile' : 'onedir');
  const teamShape = shape(team.onefile);
  const ran = shellLine([...team.runner, ...team.args]);
  const own = {
    artifact: team.artifact,
    clean: [team.artifact],
    caches: [team.workpath],
  };
  const baseline: Guess<VariantOverride> = {
    value: {
      name: `pyinstaller-${teamShape}`,
      baseline: true,
      ...(team.onefile ? {} : { default: true }),
      description: `The team's own build, as it runs it: ${ran}`,
      build: `${pyinstaller} ${shellLine(team.args)}`,
      ...own,
    },
    why: `baseline: the team's command, ${team.from} (run with the app's environment's PyInstaller)${team.nameGuessed ? `; artifact guessed: ${team.nameGuessed}` : ''}`,
  };
  const variant = (onefile: boolean, excludes: boolean): Guess<VariantOverride> => {
    const args = onefile === team.onefile ? team.args : withShape(team.args, onefile);
    const changes = [onefile !== team.onefile && `--${shape(onefile)} instead of ${team.onefile ? '--onefile' : '--onedir'}`, excludes && 'the dev tools excluded ($PYI_EXCLUDES)'].filter(Boolean).join(' and ');
    return {
      value: {
        name: `pyinstaller-${shape(onefile)}${excludes ? '-excludes' : ''}`,
        ...(onefile !== team.onefile && !excludes ? { baseline: false } : {}),
        description: `The team's build with ${changes}.`,
        build: `${pyinstaller} ${shellLine(args)}${excludes ? ' $PYI_EXCLUDES' : ''}`,
        ...own,
      },
      why: `changes one thing of the baseline: ${changes}`,
    };
  };
  if (team.spec) {
    // PyInstaller refuses --onedir/--onefile and --exclude-module beside a .spec: the spec holds them.
    const unavailable = `PyInstaller takes no --onefile/--onedir/--exclude-module beside a .spec (${team.spec} holds them): edit a copy of the spec for this variant`;
    const other = (name: string): Guess<VariantOverride> => ({ value: { name, ...(name === 'pyinstaller-onefile' ? { baseline: false } : {}), unavailable }, why: 'the team builds from a .spec' });
    return [baseline, ...[`pyinstaller-${shape(!team.onefile)}`, 'pyinstaller-onefile-excludes', 'pyinstaller-onedir-excludes'].map(other)];
  }
  return [baseline, variant(!team.onefile, false), variant(true, true), variant(false, true)];
}
