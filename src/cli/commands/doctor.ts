// `buildbench doctor`: every tool the scenarios need, found or not; exit 1 when a default variant cannot run.
import { checkNoise, doctor, formatDoctor, formatNoise } from '../../tools/index.ts';
import { stripControlLines } from '../terminal.ts';
import { setupAdvice } from '../../common/where.ts';
import { selectScenarios } from '../../scenario/discover.ts';
import { EXIT } from '../exit-codes.ts';

/**
 * `doctor [scenarios…]` (default: every file in scenarios/): prints every tool they need, found or not, with
 * version, path and how to install; returns EXIT.failed when a default variant cannot run, else EXIT.ok.
 * With `noise`: the noise check of the machine instead (tools/noise.ts), always EXIT.ok: it only advises.
 * Errors: InputError when a named scenario cannot be found or loaded.
 */
export async function doctorCommand(opts: { scenarios: string[]; noise?: boolean }): Promise<number> {
  if (opts.noise) {
    process.stdout.write(`${stripControlLines(formatNoise(await checkNoise()))}\n`);
    return EXIT.ok;
  }
  const cwd = process.cwd();
  const { scenarios } = selectScenarios({ args: opts.scenarios, all: true, cwd });
  // The advice names the scenarios the doctor was asked about, so the command provisions exactly those.
  const advice = setupAdvice({ cwd, scenarios: opts.scenarios });
  const report = await doctor({ scenarios, cwd, advice });
  process.stdout.write(`${formatDoctor(report)}\n`);
  return report.defaultsRunnable ? EXIT.ok : EXIT.failed;
}
