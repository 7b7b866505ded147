// The flags of `buildbench init`: one per answer it would otherwise guess, so it never has to ask.
import type { InitAnswers } from '../init/propose.ts';
import { nonEmpty, type Flag } from './flag-check.ts';

const answer = (describe: string, opts: { empty?: boolean } = {}): Flag => ({ type: 'string', describe, ...(opts.empty ? {} : { check: nonEmpty }) });

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

/** The answers among the parsed flags, by the names init uses. */
export function initAnswers(args: Record<string, unknown>): InitAnswers {
  const s = (k: string) => (typeof args[k] === 'string' ? (args[k] as string) : undefined);
  return {
    app: s('app'),
    script: s('script'),
    module: s('module'),
    requirements: s('requirements'),
    sourceDir: s('source-dir'),
    ready: s('ready'),
    serveArgs: s('serve-args'),
    bin: s('bin'),
  };
}
