// `buildbench doctor`: every tool the scenarios need, found or not; exit 1 when a default variant cannot run.
import { doctor } from '../../toolchain/index.ts';
import { formatDoctor } from '../../toolchain/format.ts';
import { selectScenarios } from '../../scenario/discover.ts';

export async function doctorCommand(opts: { scenarios: string[] }): Promise<number> {
  const { scenarios } = selectScenarios({ args: opts.scenarios, all: true, cwd: process.cwd() });
  const report = await doctor({ scenarios });
  process.stdout.write(`${formatDoctor(report)}\n`);
  return report.defaultsRunnable ? 0 : 1;
}
