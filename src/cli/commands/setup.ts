// `buildbench setup [scenarios…]`: provision what the scenarios require (default: every file in scenarios/).
// Exit 0 when everything is there; 3 when something is still missing (what it cannot install, e.g. without
// root, is said with the exact command, and the last line names the variants a run will record unavailable);
// with --check, exit 1 when anything is missing; a failed provisioning command exits 1 with its output's last
// lines.
import { SetupError, setup, type Component } from '../../tools/setup/index.ts';
import { selectScenarios } from '../../scenario/discover.ts';
import { setupAdvice } from '../../common/where.ts';
import type { SetupArgs } from '../command-options.ts';
import { EXIT } from '../exit-codes.ts';
import { stripControl, stripControlLines } from '../terminal.ts';

const list = (raw: string | undefined): string[] | undefined => raw?.split(',').map((s) => s.trim()).filter(Boolean);

/**
 * `setup [scenarios…]`: provisions what the scenarios require, printing each step on stdout. Returns EXIT.ok
 * when complete; EXIT.incomplete when something is still missing (what needs root is said with its command);
 * EXIT.failed with --check when something is missing, or when a provisioning command failed (its output's last
 * lines on stderr). Errors: InputError for a scenario that cannot be found or loaded.
 */
export async function provisionCommand(args: SetupArgs): Promise<number> {
  const cwd = process.cwd();
  const { scenarios } = selectScenarios({ args: args.scenarios, all: true, cwd });
  const advice = setupAdvice({ cwd, scenarios: args.scenarios });
  try {
    const { complete } = await setup({
      scenarios,
      cwd,
      check: args.check,
      only: list(args.only) as Component[] | undefined,
      skip: list(args.skip) as Component[] | undefined,
      extraPackages: list(args.apt),
      advice,
      write: (line) => process.stdout.write(`${stripControl(line)}\n`),
    });
    if (complete) return EXIT.ok;
    return args.check ? EXIT.failed : EXIT.incomplete;
  } catch (err) {
    if (!(err instanceof SetupError)) throw err;
    process.stderr.write(`buildbench setup: ${stripControlLines(err.message)}\n`); // it ends with the failed command's output
    return EXIT.failed;
  }
}
