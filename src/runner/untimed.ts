// Untimed commands of a variant (its set-up, its seed): run in order, logged, stopped at the first failure.
import path from 'node:path';
import { slugOf, type PlannedVariant } from '../plan/plan.ts';
import { expandCommand } from '../scenario/placeholders.ts';
import { buildEnv, placeholderValues } from './build-env.ts';
import { runInGroup } from './process-group.ts';
import { describeEnd } from './variant-outcome.ts';
import { failureHeadline } from './error-block.ts';
import { SETUP_WARNING_MARK } from '../common/setup-warning.ts';

/** How untimed commands ended: fine (undefined), interrupted, or failed with a reason and the log's tail. */
export type UntimedOutcome = undefined | 'interrupted' | { reason: string; tail: string[] };

/**
 * Run `commands` one after another in `planned.workdir` with the variant's environment, each logged to
 * `logs/<variant>/<label><i>.log` under `outDir`; stop at the first that fails. A set-up is a build too (a
 * dependency build, an install): the variant's timeout keeps a hung one from hanging the run. Each line a command
 * printed with SETUP_WARNING_MARK is pushed to `warnings`, with the headline of what it printed before and its log.
 */
export async function runUntimed(opts: { planned: PlannedVariant; commands: readonly string[]; label: string; outDir: string; signal?: AbortSignal; warnings?: string[] }): Promise<UntimedOutcome> {
  const { planned } = opts;
  const values = placeholderValues(planned);
  for (const [i, command] of opts.commands.entries()) {
    const logRel = path.join('logs', slugOf(planned.id), `${opts.label}${i + 1}.log`);
    const run = await runInGroup({
      command: expandCommand(command, values),
      cwd: planned.workdir,
      env: buildEnv(planned, values),
      logFile: path.join(opts.outDir, logRel),
      signal: opts.signal,
      timeoutMs: planned.variant.timeoutS ? planned.variant.timeoutS * 1000 : undefined,
    });
    if (run.aborted) return 'interrupted';
    if (run.spawnError || run.exitCode !== 0) return { reason: `${opts.label} failed: ${describeEnd(run, { timeoutS: planned.variant.timeoutS, logFile: path.join(opts.outDir, logRel) })} (log: ${logRel})`, tail: run.tail };
    opts.warnings?.push(...markedWarnings(run.tail, logRel));
  }
  return undefined;
}

/** The SETUP_WARNING_MARK lines of a command's output tail, each with the headline of the lines before it and the log. */
export function markedWarnings(tail: readonly string[], logRel: string): string[] {
  return tail.flatMap((line, i) => {
    if (!line.startsWith(SETUP_WARNING_MARK)) return [];
    const before = tail.slice(0, i).filter((l) => !l.startsWith(SETUP_WARNING_MARK));
    const headline = before.length > 0 ? failureHeadline(before.join('\n')) : undefined;
    return [`${line.slice(SETUP_WARNING_MARK.length).trim()} (${headline ? `${headline}; ` : ''}log: ${logRel})`];
  });
}
