// A suspected regression is confirmed before a job fails (shakacode/react_on_rails#3670): the variants the
// run found slower are measured again, alone, in a second run of `--confirm N` rounds (with their twins at
// the first --ref, or against the same --baseline), and only a slowdown the second run finds too fails.
// The second run is a replication on fresh samples, not more rounds pooled into the first: the first run
// only chose what to look at again, so the second run's verdict carries its own α.
import path from 'node:path';
import { readResultsFile } from '../../results/io.ts';
import type { AgainstModel } from '../../report/index.ts';
import type { RunArgs } from '../run-options.ts';
import { minRunsForDifference } from '../../stats/index.ts';
import { compareAgainst } from './run-compare.ts';

/** What the confirmation found: whether the slowdown stands, and its section for summary.md and the report. */
export interface Confirmation {
  regressed: boolean;
  section: AgainstModel;
}

/**
 * Runs `run` (the `run` command itself, passed in to keep the import graph acyclic) on the variants of
 * `regressions` (their ids, with their first-ref twins) for `args.confirm` rounds into `<outDir>/confirm`, and
 * judges it as the first run was judged. A history is read by the first run only (the second appends
 * nothing). Rejects only as `run` does (bad input).
 */
export async function confirmRegressions(opts: {
  args: RunArgs;
  outDir: string;
  regressions: { variant: string; baseline: string }[];
  run: (args: RunArgs) => Promise<number>;
}): Promise<Confirmation> {
  const { args, outDir } = opts;
  const refs = args.ref ?? [];
  const ids = [...new Set(opts.regressions.flatMap((r) => (refs.length > 1 ? [r.variant, r.baseline] : [r.variant])))];
  const out = path.join(outDir, 'confirm');
  // Fewer rounds could never find "slower" again: the confirmation would pass every regression.
  const rounds = Math.max(args.confirm, minRunsForDifference(args.alpha));
  const confirmArgs: RunArgs = { ...args, only: ids, runs: String(rounds), out, confirm: 0, history: undefined, seed: undefined, json: false, quick: false };
  const code = await opts.run(confirmArgs);
  const read = readResultsFile(out);
  const title = `a second run of ${rounds} rounds of ${ids.join(', ')} (confirm/report.html)`;
  if (!read.value) return { regressed: code !== 0, section: { title, comparisons: [], regressions: [], thresholdPct: args.threshold ?? args.noise } };
  const judged = await compareAgainst({ results: read.value, args: confirmArgs, print: () => undefined });
  const comparisons = judged.sections.flatMap((s) => s.comparisons);
  const regressions = judged.sections.flatMap((s) => s.regressions);
  return { regressed: judged.regressed, section: { title: `Confirmation: ${title}`, comparisons, regressions, thresholdPct: args.threshold ?? args.noise } };
}
