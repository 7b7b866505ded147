// tauri.conf.json's beforeBuildCommand as it really runs, followed through the package manager's scripts the
// way the team-build reader follows them (`pnpm build` → scripts.build → `pnpm run build:sidecar-winos && next
// build`). A sidecar freeze in it (PyInstaller, PEX, shiv) is the producer's work, which each tauri-bundle sample
// installs itself: running it again in every sample would time a second freeze, the same in every variant. The
// rest (the frontend build) is what the shipped app needs from it, run once in the set-up as the package
// manager runs a script: in its folder, with node_modules/.bin on PATH (npm-run-script's rule).
import { stepsOf, type Step } from './build-commands.ts';
import type { SourceLine } from './build-sources.ts';
import { shellLine } from './propose-team.ts';
import { shellWord } from '../common/shell-word.ts';

/** What beforeBuildCommand runs, split into the sidecar freezes and the rest. */
export interface BeforeBuild {
  /** `src-tauri/tauri.conf.json:4 build.beforeBuildCommand`. */
  from: string;
  /** The simple commands it runs, its scripts followed. */
  steps: Step[];
  /** Steps that freeze a Python sidecar. */
  freezes: Step[];
  /** Every other step: the frontend build, in order. */
  frontend: Step[];
}

const FREEZERS = new Set(['pyinstaller', 'pex', 'shiv']);

/**
 * `command` (beforeBuildCommand, read at `conf:line`) run in `cwd` (relative to the root; Tauri runs it in the
 * frontend's folder), its npm/make/just/task calls followed into `lines` (the project's build files). Pure.
 */
export function readBeforeBuild(opts: { command: string; conf: string; line: number; cwd: string; lines: SourceLine[] }): BeforeBuild {
  // Read like a CI step: a line nothing else calls by name, whose own calls are followed.
  const line: SourceLine = { file: opts.conf, line: opts.line, label: 'build.beforeBuildCommand', cwd: opts.cwd, text: opts.command, kind: 'ci' };
  const steps = stepsOf({ line, lines: opts.lines, depth: 0, trail: [], extra: [] });
  const freezes = steps.filter((s) => s.tool && FREEZERS.has(s.tool.tool));
  return { from: `${opts.conf}:${opts.line} build.beforeBuildCommand`, steps, freezes, frontend: steps.filter((s) => !freezes.includes(s)) };
}

/** A step as written (`next build`), with where it was read (`package.json:11 scripts.build`). */
export const describeStep = (s: Step): string => `\`${s.argv.join(' ')}\` (${s.line.file}:${s.line.line} ${s.line.label})`;

/**
 * The set-up command that runs `steps` in order as a package manager runs a script: each in its folder (a
 * subshell, so the next starts from the workdir again) with that folder's node_modules/.bin first on PATH.
 */
export function stepsCommand(steps: Step[]): string {
  return steps
    .map((s) => {
      return `(${s.cwd ? `cd ${shellWord(s.cwd)} && ` : ''}export PATH="$PWD/node_modules/.bin:$PATH" && ${shellLine(s.argv)})`;
    })
    .join(' && ');
}
