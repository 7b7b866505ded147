// `buildbench history thin DIR --keep-days N`: remove old runs by the rule of history/thin.ts.
import { rmSync } from 'node:fs';
import { planThinning, readHistory } from '../../history/index.ts';
import type { HistoryThinArgs } from '../command-options.ts';
import { EXIT } from '../exit-codes.ts';
import { stripControl } from '../terminal.ts';

/**
 * Removes (or with --dry-run lists) the runs the thinning drops, one line each, then one line of what was kept
 * and why. Returns EXIT.ok; a missing folder is an empty history. Throws the file system's error when a file
 * cannot be removed.
 */
export async function historyThinCommand(args: HistoryThinArgs): Promise<number> {
  const { records, warnings, files } = readHistory(args.dir);
  for (const w of warnings) process.stderr.write(`warning: ${stripControl(w)}\n`);
  const plan = planThinning(records, { keepDays: args.keepDays, noisePct: args.noise, alpha: args.alpha });
  for (const r of plan.drop) {
    const file = files.get(r.runId)!;
    if (!args.dryRun) rmSync(file, { recursive: true, force: true });
    process.stdout.write(`${args.dryRun ? 'would remove' : 'removed'} ${stripControl(file)}\n`);
  }
  const count = (why: string) => plan.keep.filter((k) => k.why === why).length;
  process.stdout.write(
    `kept ${plan.keep.length} of ${records.length} runs: ${count('recent')} of the last ${args.keepDays} days, ${count('last of its day')} last of their day, ${count('beside a change point')} beside a change point\n`,
  );
  return EXIT.ok;
}
