// `buildbench run`: load → plan → (dry run | run) → reports → comparisons → exit code.
import os from 'node:os';
import path from 'node:path';
import { rmSync } from 'node:fs';
import { InputError, formatProblem } from '../../common/problem.ts';
import { PLAIN_LEFT_OUT, selectScenarios } from '../../scenario/discover.ts';
import type { CacheState } from '../../scenario/schema.ts';
import { buildPlan, type Plan } from '../../plan/plan.ts';
import { largeCopyWarnings } from '../../plan/copy-size.ts';
import { readResultsFile, removeStaleResultsTemps } from '../../results/io.ts';
import { estimatePlan, previousResults, readTimingsFile } from '../../plan/estimate.ts';
import { runPlan } from '../../runner/run.ts';
import { acquireOutDirLock } from '../../results/lock.ts';
import type { ResultsFile } from '../../results/schema.ts';
import { renderReports } from '../../report/index.ts';
import { createProgress } from '../progress.ts';
import { handleInterrupts } from '../interrupt.ts';
import { formatRunTable, formatVerdicts } from '../run-table.ts';
import { formatMs, stripControl } from '../terminal.ts';
import { BUILDBENCH_ROOT, setupCommand } from '../../common/where.ts';
import { createToolCheck } from '../tool-check.ts';
import { compareAgainst } from './run-compare.ts';
import { chooseShard } from './run-shard.ts';
import { prepareRefs, removeRefs } from '../../runner/refs.ts';
import { TOOL } from '../version.ts';
import type { RunArgs } from '../run-options.ts';
import { EXIT } from '../exit-codes.ts';
import { checkDiskSpace } from '../../runner/disk-space.ts';
import { probeHooks } from '../../probe/index.ts';
import { describeFewestRuns, minRunsForDifference, range } from '../../stats/index.ts';

export async function runCommand(args: RunArgs): Promise<number> {
  const cwd = process.cwd();
  const { scenarios, leftOut } = selectScenarios({ args: args.scenarios ?? [], all: args.all, cwd });
  for (const w of scenarios.flatMap((s) => s.warnings ?? [])) process.stderr.write(`warning: ${stripControl(formatProblem(w))}\n`);
  if (args.baseline) {
    // Refused before the builds, not after them.
    const read = readResultsFile(args.baseline);
    if (!read.value) throw new InputError(read.problems);
  }
  const runId = makeRunId();
  const outDir = path.resolve(args.out ?? path.join('reports', runId));
  const { runs, adaptive } = parseRuns(args);
  const planOptions = {
    // A build that hangs is killed after the run's default timeout (--timeout) unless its scenario sets one.
    scenarios: scenarios.map((s) => ({ ...s, variants: s.variants.map((v) => ({ ...v, timeoutS: v.timeoutS ?? args.timeout })) })),
    runId,
    seed: args.seed ?? Math.floor(Math.random() * 2 ** 31),
    outDir,
    workRoot: path.join(os.tmpdir(), `buildbench-${runId}`),
    runs,
    warmup: args.quick ? 0 : args.warmup,
    only: args.only,
    cache: parseCache(args.cache),
    quick: args.quick,
    refs: args.ref,
    leftOut: [{ why: PLAIN_LEFT_OUT, ids: leftOut }],
  };
  const reference = readTimingsFile(path.join(BUILDBENCH_ROOT, REFERENCE_TIMINGS));
  const whole = buildPlan(planOptions);
  const shard = args.shard && whole.variants.length > 0 ? chooseShard({ plan: whole, raw: args.shard, reference }) : undefined;
  const plan = shard ? buildPlan({ ...planOptions, shard }) : whole;
  if (plan.variants.length === 0) {
    const plain = plan.leftOut.find((l) => l.why === PLAIN_LEFT_OUT);
    const hint = plain ? ` in a plain run (${plain.ids.join(', ')}: ${PLAIN_LEFT_OUT})` : '';
    throw new InputError([{ file: args.only ? '--only' : '--cache', message: `no variant matches${hint}` }]);
  }
  const estimate = estimatePlan(plan, {
    history: previousResults(path.resolve('reports')),
    reference,
  });
  for (const w of await largeCopyWarnings(plan)) process.stderr.write(`warning: ${stripControl(w)}\n`);
  const notes = [
    ...(shard ? [shard.note] : []),
    ...plan.leftOut.map((l) => `not measured (${l.why}): ${l.ids.join(', ')}`),
    // Only a plan with something to compare can be decided at all.
    ...(plan.variants.length > 1 ? [describeFewestRuns({ runs: range(plan.variants.map((v) => v.runs)).min, alpha: args.alpha })] : []),
  ];
  if (args.dryRun) {
    process.stdout.write([...notes, describePlan(plan, estimate)].join('\n'));
    return EXIT.ok;
  }

  const release = acquireOutDirLock(outDir);
  try {
    removeStaleResultsTemps(outDir);
    return await measure({ args, plan, outDir, cwd, estimate, adaptive, release, notes });
  } finally {
    // Whatever happened, the out dir is free again (a lock left by a crash would refuse the next run).
    release();
  }
}

async function measure(opts: {
  args: RunArgs;
  plan: Plan;
  outDir: string;
  cwd: string;
  estimate: ReturnType<typeof estimatePlan>;
  adaptive: ReturnType<typeof parseRuns>['adaptive'];
  release: () => void;
  notes: string[];
}): Promise<number> {
  const { args, plan, outDir, cwd, estimate, adaptive, release, notes } = opts;
  const progress = createProgress({ stream: process.stderr, estimateMs: estimate.perVariant });
  for (const w of checkDiskSpace({ dirs: [outDir, plan.workRoot], floorBytes: args.minFreeGb * 2 ** 30 })) progress.message(`warning: ${w}`);
  const interrupts = handleInterrupts({ say: (line) => progress.message(line), outDir, release });
  let results: ResultsFile;
  try {
    if (args.ref?.length) await prepareRefs({ plan, cwd });
    progress.message(`buildbench ${plan.variants.length} variants × ${Math.max(...plan.variants.map((v) => v.runs))} runs → ${outDir}`);
    for (const note of notes) progress.message(note);
    if (estimate.knownMs > 0) progress.message(`estimate: ${describeEstimate(estimate)}`);
    results = await runPlan({
      plan,
      tool: TOOL,
      checkTool: createToolCheck(cwd),
      hooks: probeHooks(),
      adaptive,
      stats: { noisePct: args.noise, alpha: args.alpha },
      onEvent: (e) => progress.onEvent(e),
      signal: interrupts.signal,
      cwd,
    });
  } finally {
    interrupts.dispose();
    progress.done();
    if (!args.keepWorkdirs) {
      rmSync(plan.workRoot, { recursive: true, force: true });
      await removeRefs({ plan, cwd });
    }
  }
  // Compared before the reports are written, so summary.md holds the comparison a pull request needs; a
  // baseline that became unreadable during the run still leaves the reports of this run behind.
  let compared: Awaited<ReturnType<typeof compareAgainst>> | undefined;
  let compareError: unknown;
  try {
    compared = await compareAgainst({ results, args, print: (s) => process.stderr.write(s) });
  } catch (err) {
    compareError = err;
  }
  try {
    await renderReports({ results: [results], history: compared?.judgedAgainst, outDir, against: compared?.sections });
  } catch (err) {
    progress.message(`report rendering failed: ${(err as Error).message} (results.json is complete)`);
  }
  if (compareError) throw compareError;
  const regressed = compared?.regressed ?? false;
  if (args.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else {
    const verdicts = formatVerdicts(results);
    process.stdout.write(`\n${formatRunTable(results)}\n${verdicts ? `\n${verdicts}\n` : ''}\nreport: ${path.join(outDir, 'report.html')}\n`);
  }
  if (results.interrupted) return interrupts.exitCode();
  // A variant that failed, or one build of a variant that went on without it (the failure policy): exit 1.
  if (results.variants.some((v) => v.status === 'failed' || (v.failures?.length ?? 0) > 0)) return EXIT.failed;
  return regressed && args.failOnRegression ? EXIT.regression : EXIT.ok;
}

function parseRuns(args: RunArgs) {
  if (args.runs === 'auto') {
    if (args.maxRuns < args.minRuns) throw new InputError([{ file: '--runs auto', message: `--min-runs (${args.minRuns}) must be ≤ --max-runs (${args.maxRuns})` }]);
    return { runs: args.maxRuns, adaptive: { minRuns: args.minRuns, maxRuns: args.maxRuns, targetCiPct: args.targetCi } };
  }
  // The value itself was checked when the flags were parsed (cli/run-options.ts).
  if (args.runs !== undefined) return { runs: Number(args.runs), adaptive: undefined };
  return { runs: args.quick ? minRunsForDifference(args.alpha) : undefined, adaptive: undefined };
}

/** The states of --cache (checked when the flags were parsed). */
function parseCache(raw: string | undefined): CacheState[] | undefined {
  return raw?.split(',').map((s) => s.trim() as CacheState);
}

function makeRunId(): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').replace(/Z$/, '');
  return `${stamp}-${Math.random().toString(36).slice(2, 6)}`;
}

/** Reference timings of every scenario in scenarios/, measured on a 2-core machine (npm run timings). */
const REFERENCE_TIMINGS = 'bench/timings.json';

function describePlan(plan: Plan, estimate: ReturnType<typeof estimatePlan>): string {
  const lines = [`plan ${plan.runId} (seed ${plan.seed}): ${plan.variants.length} variants`];
  for (const v of plan.variants) {
    const ms = estimate.perVariant.get(v.id);
    const each = ms === undefined ? 'no earlier measurement' : `~${formatMs(ms)} per build`;
    lines.push(`  ${v.id}${v.variant.baseline ? ' (baseline)' : ''}: ${v.warmup} warm-up + ${v.runs} runs, ${each}`);
  }
  const stages = plan.stages.length > 1 ? ` in ${plan.stages.length} stages (producers of needs first)` : '';
  lines.push(`order: ${plan.warmupRounds.length} warm-up rounds, ${plan.rounds.length} rounds${stages}, shuffled per round`);
  lines.push(`estimate: ${describeEstimate(estimate)}`);
  return `${lines.join('\n')}\n`;
}

/** "~2.4 h (set-ups ~25 min included; 12 variants from earlier runs in reports/, 3 from bench/timings.json …)" */
function describeEstimate(estimate: ReturnType<typeof estimatePlan>): string {
  const variants = (n: number) => `${n} variant${n === 1 ? '' : 's'}`;
  if (estimate.knownMs === 0) return `none: ${variants(estimate.unknown.length)} never measured here or in ${REFERENCE_TIMINGS}`;
  const sources = [
    estimate.fromHere > 0 ? `${variants(estimate.fromHere)} from earlier runs in reports/` : '',
    estimate.fromReference > 0 ? `${estimate.fromReference} from ${REFERENCE_TIMINGS} (a 2-core machine)` : '',
  ].filter(Boolean);
  const setups = estimate.setupMs > 0 ? `set-ups ~${formatMs(estimate.setupMs)} included; ` : '';
  const unknown = estimate.unknown.length > 0 ? ` + ${variants(estimate.unknown.length)} never measured` : '';
  return `~${formatMs(estimate.knownMs)} (${setups}${sources.join(', ')})${unknown}; \`${setupCommand({ cwd: process.cwd() })}\` not included`;
}
