// The flags of `buildbench init`: one per answer it would otherwise guess, so it never has to ask. The type of
// the parsed arguments (`InitArgs`) is derived from this one declaration.
import type { InitAnswers } from '../init/propose.ts';
import { nonEmpty, type Flag, type FlagValues } from './flag-check.ts';

const answer = (describe: string, opts: { empty?: boolean } = {}) => ({ type: 'string', describe, ...(opts.empty ? {} : { check: nonEmpty }) }) satisfies Flag;

export const INIT_OPTIONS = {
  force: { type: 'boolean', default: false, describe: 'replace scenario files that already exist' },
  app: answer('name of the frozen Python executable (default: the Tauri sidecar name, the .spec name, the project name)'),
  script: answer('entry script PyInstaller analyses'),
  module: answer('entry module (or module:function) PEX and shiv run'),
  requirements: answer('runtime requirements file of the Python app'),
  'source-dir': answer('folder the Python packages are imported from'),
  ready: answer('URL that answers once the launched Python app is up ({port} is the port it is given; empty: ready when it exits 0)', { empty: true }),
  'serve-args': answer('arguments the launched Python app gets, e.g. "--port {port}"', { empty: true }),
  bin: answer('the Rust binary to benchmark, when the project has several'),
} satisfies Record<string, Flag>;

/** The parsed arguments of `buildbench init`: the project folder and the flags above. */
export type InitArgs = FlagValues<typeof INIT_OPTIONS> & { dir: string };

/** The answers among the parsed flags, by the names init uses; a flag not given is undefined (init guesses). */
export function initAnswers(args: InitArgs): InitAnswers {
  const { app, script, module, requirements, sourceDir, ready, serveArgs, bin } = args;
  return { app, script, module, requirements, sourceDir, ready, serveArgs, bin };
}
