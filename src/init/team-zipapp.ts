// A team that ships a PEX or a shiv zipapp rather than a PyInstaller build: its command is python-freeze's
// baseline (the `pex` or `shiv` variant, resolving from the wheelhouse like every other variant), and the
// PyInstaller variants are what the same entry would give instead.
import path from 'node:path';
import { quote } from 'shell-quote';
import type { FoundCommand } from './build-commands.ts';
import type { Guess } from './inspect-python.ts';
import type { VariantOverride } from './propose-team.ts';

/** A PEX or shiv build as the team runs it; paths relative to `cwd` (relative to the root). */
export interface TeamZipapp {
  tool: 'pex' | 'shiv';
  from: string;
  cwd: string;
  args: string[];
  runner: string[];
  /** Its -o/--output-file. */
  output: string;
}

/** The team's zipapp build from a found `pex` or `shiv` command; undefined when it writes no -o file. */
export function readTeamZipapp(command: FoundCommand): TeamZipapp | undefined {
  if (command.tool !== 'pex' && command.tool !== 'shiv') return undefined;
  const i = command.args.findIndex((a) => a === '-o' || a === '--output-file' || a.startsWith('--output-file='));
  const output = i < 0 ? undefined : command.args[i]!.startsWith('--output-file=') ? command.args[i]!.slice(14) : command.args[i + 1];
  if (!output) return undefined;
  return { tool: command.tool, from: command.from, cwd: command.cwd, args: command.args, runner: command.runner, output };
}

/** The overrides that make the team's PEX or shiv build the baseline (offline: the wheelhouse instead of PyPI). */
export function zipappVariants(team: TeamZipapp): Guess<VariantOverride>[] {
  const offline = team.tool === 'pex' ? '--no-pypi --find-links {tools}/wheelhouse' : '--no-index --find-links {tools}/wheelhouse';
  const dir = path.posix.dirname(team.output);
  const words = team.args.map((w) => (w.includes('${') ? `"${w.replace(/["\\`]/g, '\\$&')}"` : quote([w]))).join(' ');
  return [
    {
      value: {
        name: team.tool,
        baseline: true,
        description: `The team's own build, as it runs it: ${[...team.runner, ...team.args].join(' ')}`,
        build: `${dir === '.' ? '' : `mkdir -p ${quote([dir])} && `}{tools}/venv/bin/${team.tool} ${words} ${offline}`,
        artifact: team.output,
        clean: [team.output],
      },
      why: `baseline: the team's command, ${team.from} (offline: from the wheelhouse, as every variant)`,
    },
    { value: { name: 'pyinstaller-onefile', baseline: false }, why: `the team ships a ${team.tool === 'pex' ? 'PEX' : 'shiv zipapp'}: PyInstaller is the alternative here` },
  ];
}
