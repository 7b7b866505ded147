// `buildbench run`: load → plan → (dry run | run) → reports → comparisons → exit code.
import { InputError, formatProblem } from '../../common/problem.ts';
import { selectScenarios } from '../../scenario/discover.ts';
import { largeCopyWarnings } from '../../plan/copy-size.ts';
import { readResultsFile, removeStaleResultsTemps } from '../../results/io.ts';
import { acquireOutDirLock } from '../../results/lock.ts';
import { stripControl, stripControlLines } from '../terminal.ts';
import type { RunArgs } from '../run-options.ts';
import { EXIT } from '../exit-codes.ts';
import { describePlan, planNotes } from '../plan-text.ts';
import { planJson } from '../plan-json.ts';
import { planRun } from './run-plan.ts';
import { measureRun } from './run-measure.ts';
import { createToolCheck } from '../tool-check.ts';
import { readAcknowledgements } from './acknowledged.ts';
import { checkRefs } from '../../runner/refs.ts';

/**
 * Runs `buildbench run` with its parsed flags and returns the exit code (EXIT; 130/143 when interrupted).
 * Errors: InputError for bad input (a scenario, an unreadable --baseline, a plan with nothing to measure, an
 * out dir in use), which the command line prints with exit 2.
 */
export async function runCommand(args: RunArgs): Promise<number> {
  const cwd = process.cwd();
  const { scenarios, leftOut, notDefault } = selectScenarios({ args: args.scenarios ?? [], all: args.all, cwd });
  for (const w of scenarios.flatMap((s) => s.warnings ?? [])) warn(formatProblem(w));
  refuseUnreadableBaseline(args.baseline);
  // A broken acknowledgements file is refused before the builds, not after them.
  readAcknowledgements(cwd);
  // One check of the tools for the plan and the run: the variants that cannot run are in no count.
  const checkTool = createToolCheck(cwd);
  const planned = await planRun({ args, scenarios, leftOut, notDefault, checkTool });
  // A ref git cannot resolve is refused before anything runs, the dry run included.
  await checkRefs({ plan: planned.plan, cwd });
  for (const w of await largeCopyWarnings(planned.runnable)) warn(w);
  const notes = planNotes({ plan: planned.runnable, shardNote: planned.shard?.note, alpha: args.alpha, adaptive: planned.adaptive });
  if (args.dryRun && args.json) {
    process.stdout.write(`${JSON.stringify(planJson({ plan: planned.runnable, unavailable: planned.unavailable, estimate: planned.estimate, outDir: planned.outDir, notes }), null, 2)}\n`);
    return EXIT.ok;
  }
  if (args.dryRun) {
    process.stdout.write(stripControlLines([...notes, describePlan({ plan: planned.runnable, unavailable: planned.unavailable, estimate: planned.estimate, quick: args.quick })].join('\n')));
    return EXIT.ok;
  }
  const release = acquireOutDirLock(planned.outDir);
  try {
    removeStaleResultsTemps(planned.outDir);
    return await measureRun({ ...planned, args, cwd, release, notes, checkTool, run: runCommand });
  } finally {
    // Whatever happened, the out dir is free again (a lock left by a crash would refuse the next run).
    release();
  }
}

const warn = (text: string) => process.stderr.write(`warning: ${stripControl(text)}\n`);

/** Refused before the builds, not after them. */
function refuseUnreadableBaseline(baseline: string | undefined): void {
  if (!baseline) return;
  const read = readResultsFile(baseline);
  if (!read.value) throw new InputError(read.problems);
}
