// `buildbench doctor`: every tool the scenarios need, found or not; exit 1 when a default variant cannot run.
import { doctor, formatDoctor, isOwnCheckout, setupCommand } from '../../probe/tools/index.ts';
import { selectScenarios } from '../../scenario/discover.ts';
import { EXIT } from '../exit-codes.ts';

export async function doctorCommand(opts: { scenarios: string[] }): Promise<number> {
  const cwd = process.cwd();
  const { scenarios } = selectScenarios({ args: opts.scenarios, all: true, cwd });
  // The advice names the scenarios the doctor was asked about, so the command provisions exactly those.
  const advice = { setup: setupCommand({ cwd, scenarios: opts.scenarios }), ownCheckout: isOwnCheckout({ cwd }) };
  const report = await doctor({ scenarios, cwd, advice });
  process.stdout.write(`${formatDoctor(report)}\n`);
  return report.defaultsRunnable ? EXIT.ok : EXIT.failed;
}
