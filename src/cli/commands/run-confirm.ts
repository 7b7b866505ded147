// A suspected regression is confirmed before a job fails (shakacode/react_on_rails#3670): the variants the
// run found slower are measured again, alone, for `--confirm N` more rounds in a second run (with their twins
// at the first --ref, or against the same --baseline), and the verdict is taken on the first run's builds and
// the second run's together. The job fails only when the first run found the slowdown AND the pooled builds
// show it: that event lies inside "the pooled test of a size fixed in advance rejects", so a false alarm stays
// at most α, while the pooled test has the power of all the builds (a second run judged alone would square α
// but also the power: a 6-round replication missed a real 30% slowdown on a loaded machine).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readResultsFile } from '../../results/io.ts';
import type { ResultsFile } from '../../results/schema.ts';
import { poolVariants } from '../../results/pool-samples.ts';
import type { AgainstModel } from '../../report/index.ts';
import { compareAcrossRefs, minRunsForDifference } from '../../stats/index.ts';
import type { RunArgs } from '../run-options.ts';
import { compareAgainst } from './run-compare.ts';

/** What the confirmation found: whether the slowdown stands, and its section for summary.md and the report. */
export interface Confirmation {
  regressed: boolean;
  section: AgainstModel;
}

/**
 * Runs `run` (the `run` command itself, passed in to keep the import graph acyclic) on the variants of
 * `regressions` (their ids, with their first-ref twins) for `args.confirm` rounds into `<outDir>/confirm`, and
 * judges `results`' builds of them pooled with the second run's, as the first run was judged. A history is
 * read by the first run only (the second appends nothing). Rejects only as `run` does (bad input).
 */
export async function confirmRegressions(opts: {
  args: RunArgs;
  results: ResultsFile;
  outDir: string;
  regressions: { variant: string; baseline: string }[];
  run: (args: RunArgs) => Promise<number>;
}): Promise<Confirmation> {
  const { args, outDir } = opts;
  const refs = opts.results.config.refs ?? [];
  const ids = [...new Set(opts.regressions.flatMap((r) => (refs.length > 1 ? [r.variant, r.baseline] : [r.variant])))];
  const out = path.join(outDir, 'confirm');
  // Fewer rounds in all could never find "slower": the confirmation would pass every regression.
  const rounds = Math.max(args.confirm, minRunsForDifference(args.alpha));
  const confirmArgs: RunArgs = { ...args, only: ids, runs: String(rounds), out, confirm: 0, history: undefined, seed: undefined, json: false, quick: false };
  const code = await opts.run(confirmArgs);
  const thresholdPct = args.threshold ?? args.noise;
  // The second run's report is named only when that run wrote it (an interrupted or full-disk run may not).
  const where = existsSync(path.join(out, 'report.html')) ? ' (confirm/report.html)' : '';
  const title = `Confirmation: ${ids.join(', ')}, the first run's builds and ${rounds} more rounds of a second run${where}`;
  const read = readResultsFile(out);
  if (!read.value) return { regressed: code !== 0, section: { title, comparisons: [], regressions: [], thresholdPct } };
  const pooled = poolRuns({ first: opts.results, second: read.value, ids, args });
  const judged = await compareAgainst({ results: pooled, args: confirmArgs, print: () => undefined });
  const comparisons = judged.sections.flatMap((s) => s.comparisons);
  const regressions = judged.regressions.filter((r) => opts.regressions.some((o) => o.variant === r.variant));
  return { regressed: regressions.length > 0, section: { title, comparisons, regressions: regressions.map((r) => r.variant), thresholdPct } };
}

/**
 * With --fail-on-regression and --confirm N, when `compared` found a regression in a run that was not
 * interrupted: confirms it (confirmRegressions), adds the confirmation's section to `compared` and sets
 * `compared.regressed` to its verdict, saying both on stderr. Otherwise changes nothing.
 */
export async function confirmIfRegressed(opts: {
  compared: { regressed: boolean; regressions: { variant: string; baseline: string }[]; historyRegressions?: string[]; sections: AgainstModel[] };
  args: RunArgs;
  results: ResultsFile;
  outDir: string;
  run: (args: RunArgs) => Promise<number>;
}): Promise<void> {
  const { compared, args, results } = opts;
  if (compared.regressions.length === 0 || !args.failOnRegression || args.confirm <= 0 || results.interrupted) return;
  const what = compared.regressions.length === 1 ? 'the regression' : `${compared.regressions.length} regressions`;
  process.stderr.write(`\nconfirming: ${what} measured again, ${args.confirm} more rounds, before the verdict\n`);
  const confirmation = await confirmRegressions({ ...opts, regressions: compared.regressions });
  compared.sections.push(confirmation.section);
  // A change point or creep in the history is not measured again: it rests on many runs already.
  compared.regressed = confirmation.regressed || (compared.historyRegressions?.length ?? 0) > 0;
  process.stderr.write(
    confirmation.regressed ? "confirmed: still slower with the second run's builds added\n" : "not confirmed: with the second run's builds added it is not slower; the job passes\n",
  );
}

/** `second` with each variant's builds after its builds in `first`, and the cross-ref comparisons recomputed on them. */
function poolRuns(opts: { first: ResultsFile; second: ResultsFile; ids: string[]; args: RunArgs }): ResultsFile {
  const variants = poolVariants(opts.first.variants, opts.second.variants);
  const refs = opts.second.config.refs ?? [];
  const comparisons = refs.length > 1 ? compareAcrossRefs(variants, { refs, noisePct: opts.args.noise, alpha: opts.args.alpha }) : [];
  return { ...opts.second, variants, comparisons };
}
