// `buildbench run` past its plan: run it with progress on stderr and Ctrl-C handled, clean up, compare with
// --baseline/--history, write the reports, print the table, and choose the exit code.
import { spawn } from 'node:child_process';
import { removeTree } from '../../common/owner-write.ts';
import path from 'node:path';
import { runPlan, type RunOptions } from '../../runner/run.ts';
import { statsSettings } from '../../runner/finalize.ts';
import type { ResultsFile } from '../../results/schema.ts';
import { RESULTS_FILE, readResultsFile, writeResultsAtomic } from '../../results/io.ts';
import { doesNotStart } from '../../results/variant-status.ts';
import { describeBusyBuilds } from '../../results/busy-builds.ts';
import { stripControl } from '../terminal.ts';
import { checkNoise, noiseLine } from '../../tools/index.ts';
import { renderReports } from '../../report/index.ts';
import { prepareRefs, removeRefs } from '../../runner/refs.ts';
import { checkDiskSpace } from '../../runner/disk-space.ts';
import { callerVariables, describeCallerVariables } from '../../runner/env-policy.ts';
import { processCleanup } from '../../runner/environment.ts';
import { probeHooks } from '../../probe/index.ts';
import { createProgress } from '../progress.ts';
import { handleInterrupts, type Interrupts } from '../interrupt.ts';
import { formatRunTable, formatVerdicts } from '../run-table.ts';
import { TOOL } from '../version.ts';
import type { RunArgs } from '../run-options.ts';
import { EXIT } from '../exit-codes.ts';
import { describeEstimate, describeRun, describeTimedBy } from '../plan-text.ts';
import { compareAgainst } from './run-compare.ts';
import { confirmIfRegressed } from './run-confirm.ts';
import { checkBudgets, type BudgetCheck } from '../../compare/index.ts';
import type { Plan } from '../../plan/plan.ts';
import type { RunPlan } from './run-plan.ts';

type Progress = ReturnType<typeof createProgress>;

/** What measuring a planned run takes besides its plan. */
interface MeasureOptions {
  args: RunArgs;
  cwd: string;
  /** Frees the out dir (a second Ctrl-C). */
  release: () => void;
  /** Said before the first build. */
  notes: string[];
  /** The tool check the plan was made with (createToolCheck), so the run asks once. */
  checkTool: RunOptions['checkTool'];
  /** The `run` command itself, for a confirmation's second run. */
  run: (args: RunArgs) => Promise<number>;
}

/**
 * Measures the planned run and returns the exit code: 128 + the signal when interrupted (130, 143), EXIT.failed
 * when a variant or one of its builds failed, EXIT.regression on a regression with --fail-on-regression, else
 * EXIT.ok. `notes` are said before the first build; `release` frees the out dir at a second Ctrl-C.
 * Errors: an unreadable --baseline throws InputError after the reports are written.
 */
export async function measureRun(opts: RunPlan & MeasureOptions): Promise<number> {
  const { args, outDir, estimate } = opts;
  const progress = createProgress({ stream: process.stderr, earlier: { runs: estimate.perVariant, warmups: estimate.perWarmup } });
  for (const w of checkDiskSpace({ dirs: [outDir, opts.plan.workRoot], floorBytes: args.minFreeGb * 2 ** 30 })) progress.message(`warning: ${w}`);
  const written = new Set<string>();
  const interrupts = handleInterrupts({ say: (line) => progress.message(line), release: opts.release, stopNow: () => `${stopNowLine({ outDir, written })}${removeInBackground(opts)}` });
  let results: ResultsFile | undefined;
  try {
    results = await runWithProgress({ ...opts, progress, interrupts });
    // No build runs any more: no heartbeat while the workdirs go and the reports are written.
    progress.done();
    // After an interruption the reports come first: removing the copies of a big project takes minutes, and a
    // wrapper that was stopped too (`timeout`, npx) has already given the prompt back.
    if (!results.interrupted) await removeWorkdirs(opts);
    const budgets = checkBudgets(results.variants, budgetsOf(opts.plan));
    const { regressed, reported } = await compareAndReport({ results, args, outDir, progress, budgets, run: opts.run, written });
    printResults({ results, args, outDir, written, budgets });
    // Reports that could not be written (a full disk) fail the run, after its results were said.
    const code = exitCodeOf({ results, regressed, overBudget: budgets.some((b) => b.over), args, interrupts });
    return reported || code !== EXIT.ok ? code : EXIT.failed;
  } finally {
    interrupts.dispose();
    progress.done();
    if (!results || results.interrupted) await removeWorkdirs(opts);
  }
}

/**
 * What a second Ctrl-C (stop at once) leaves, said as it is: results.json, marked interrupted here since the
 * run had no time to, and the reports only when this run already wrote them.
 */
function stopNowLine(opts: { outDir: string; written: Set<string> }): string {
  const { outDir, written } = opts;
  const file = path.join(outDir, RESULTS_FILE);
  const read = readResultsFile(file);
  if (!read.value) return `buildbench: stopped at once before any result was written (no ${file})`;
  if (!read.value.interrupted) writeResultsAtomic(file, { ...read.value, interrupted: true });
  const report = path.join(outDir, 'report.html');
  if (written.has(report)) return `buildbench: stopped at once; results.json and the reports are in ${outDir}`;
  return `buildbench: stopped at once; results so far (marked interrupted) are in ${file}; no report was written: \`buildbench report ${outDir}\` writes one`;
}

async function runWithProgress(opts: RunPlan & MeasureOptions & { progress: Progress; interrupts: Interrupts }): Promise<ResultsFile> {
  const { plan, cwd, args, progress, estimate } = opts;
  if (args.ref?.length) await prepareRefs({ plan, cwd });
  progress.message(describeRun(opts.runnable, opts.outDir));
  progress.message(noiseLine(await checkNoise({ windowMs: 100 })));
  const caller = describeCallerVariables(callerVariables(process.env));
  if (caller) progress.message(caller);
  const cleanup = processCleanup();
  if (cleanup.why) progress.message(`no cgroup for the builds (${cleanup.why}): what a build leaves running is found by its process group and an environment marker; a daemon that leaves both (setsid env -i) is missed`);
  for (const note of opts.notes) progress.message(note);
  progress.message(`estimate: ${describeEstimate(estimate)}${estimate.unknown.length > 0 ? `; ${describeTimedBy(estimate)}` : ''}`);
  return runPlan({
    plan,
    tool: TOOL,
    checkTool: opts.checkTool,
    hooks: probeHooks(),
    adaptive: opts.adaptive,
    stats: statsSettings({ alpha: args.alpha, noisePct: args.noise, adaptive: opts.adaptive }),
    interferenceThresholdPct: args.interferenceThreshold === 'off' ? 0 : Number(args.interferenceThreshold),
    onEvent: (e) => progress.onEvent(e),
    signal: opts.interrupts.signal,
    cwd,
  });
}

/**
 * At a stop at once, the per-variant copies (often a project's size each) go in a detached `rm -rf` that
 * outlives this process, unless --keep-workdirs: said as the tail of the stop line. (--ref worktrees stay
 * registered in the project's git; `git worktree prune` drops them.)
 */
function removeInBackground(opts: RunPlan & { args: RunArgs }): string {
  if (opts.args.keepWorkdirs) return `; the workdirs are kept in ${opts.plan.workRoot} (--keep-workdirs)`;
  try {
    spawn('rm', ['-rf', opts.plan.workRoot], { detached: true, stdio: 'ignore' }).unref();
    return `; its workdirs (${opts.plan.workRoot}) are being removed in the background`;
  } catch {
    return `; its workdirs are left in ${opts.plan.workRoot}`;
  }
}

/** The per-variant copies and the --ref worktrees go, unless --keep-workdirs (then it says where they are). */
async function removeWorkdirs(opts: RunPlan & { args: RunArgs; cwd: string }): Promise<void> {
  if (opts.args.keepWorkdirs) {
    process.stderr.write(`workdirs kept in ${opts.plan.workRoot} (--keep-workdirs), one folder per variant\n`);
    return;
  }
  removeTree(opts.plan.workRoot);
  await removeRefs({ plan: opts.plan, cwd: opts.cwd });
}

/**
 * Compared before the reports are written, so summary.md holds the comparison a pull request needs; a
 * baseline that became unreadable during the run still leaves the reports of this run behind. Returns whether
 * anything regressed.
 */
async function compareAndReport(opts: {
  results: ResultsFile;
  args: RunArgs;
  outDir: string;
  progress: Progress;
  budgets: BudgetCheck[];
  run: (args: RunArgs) => Promise<number>;
  /** Gets the path of every report file written. */
  written: Set<string>;
}): Promise<{ regressed: boolean; reported: boolean }> {
  const { results, args, outDir, progress } = opts;
  let reported = true;
  let compared: Awaited<ReturnType<typeof compareAgainst>> | undefined;
  let compareError: unknown;
  try {
    compared = await compareAgainst({ results, args, print: (s) => process.stderr.write(s) });
    await confirmIfRegressed({ compared, args, results, outDir, run: opts.run });
  } catch (err) {
    compareError = err;
  }
  try {
    const files = await renderReports({ results: [results], history: compared?.judgedAgainst, outDir, against: compared?.sections, budgets: opts.budgets });
    for (const file of files) opts.written.add(path.resolve(file));
  } catch (err) {
    reported = false;
    progress.message(`the reports were not written: ${(err as Error).message} (results.json is complete: \`buildbench report ${outDir}\` writes them once there is room)`);
  }
  if (compareError) throw compareError;
  return { regressed: compared?.regressed ?? false, reported };
}

/** The results file on stdout with --json; else the run table, the verdicts and where the report is, when it was written. */
function printResults(opts: { results: ResultsFile; args: RunArgs; outDir: string; written: Set<string>; budgets: BudgetCheck[] }): void {
  const { results, args, outDir } = opts;
  const report = path.join(outDir, 'report.html');
  if (args.json) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    return;
  }
  const verdicts = formatVerdicts(results);
  const busy = describeBusyBuilds(results);
  const busyLine = busy ? `\nbusy machine: ${stripControl(busy)}\n` : '';
  // --runs auto: why the run stopped where it did (it said before the first build how early it could).
  const stopLine = results.config.stopReason ? `\nstopped: ${stripControl(results.config.stopReason)}\n` : '';
  const over = opts.budgets.filter((b) => b.over).map((b) => `over budget: ${stripControl(b.variant)}: ${b.text}\n`).join('');
  process.stdout.write(`\n${formatRunTable(results)}\n${stopLine}${busyLine}${verdicts ? `\n${verdicts}\n` : ''}${over ? `\n${over}` : ''}${opts.written.has(report) ? `\nreport: ${report}${results.interrupted ? ' (interrupted: what was measured)' : ''}\n` : ''}`);
}

function exitCodeOf(opts: { results: ResultsFile; regressed: boolean; overBudget: boolean; args: RunArgs; interrupts: Interrupts }): number {
  const { results, regressed, args } = opts;
  if (results.interrupted) return opts.interrupts.exitCode();
  // A variant that failed, one that built but does not start, or one build of a variant that went on without it (the failure policy): exit 1.
  if (results.variants.some((v) => v.status === 'failed' || doesNotStart(v) || (v.failures?.length ?? 0) > 0)) return EXIT.failed;
  // A budget is an absolute limit: past it the run fails whatever it was compared with.
  if (opts.overBudget) return EXIT.regression;
  return regressed && args.failOnRegression ? EXIT.regression : EXIT.ok;
}

/** Variant id → its scenario's budget (`budget:`), for every planned variant that has one. */
function budgetsOf(plan: Plan): Map<string, Partial<Record<string, number>>> {
  return new Map(plan.variants.flatMap((v) => (v.variant.budget ? [[v.id, v.variant.budget] as const] : [])));
}
