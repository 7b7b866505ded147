// `buildbench bisect --good A --bad B --only ID [scenario]`: the first commit between A and B where a variant
// got slower. Each step builds a candidate interleaved with both ends (`run --ref`, every commit in a git
// worktree of its own, so the user's tree is never touched) and decides from the statistics whether it is
// like the good end or the bad one (stats/bisect.ts); an undecided step looks again with more builds, and one
// still undecided at --max-runs stops the search and says so. The ends are checked to differ first.
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../../common/problem.ts';
import { readResultsFile } from '../../results/io.ts';
import { poolVariants } from '../../results/pool-samples.ts';
import type { Comparison, VariantResult } from '../../results/schema.ts';
import { alphaPerLook, compareVariants, formatComparison, judgeBisectStep, middleCandidate, type BisectVerdict } from '../../stats/index.ts';
import { formatMs } from '../../results/units.ts';
import type { BisectArgs } from '../bisect-options.ts';
import { stripControl } from '../terminal.ts';
import { EXIT } from '../exit-codes.ts';

interface Step {
  commit: string;
  verdict: BisectVerdict;
  /** The candidate against the good end, on every build of the step. */
  vsGood: Comparison | null;
  builds: number;
}

/**
 * Runs the search and returns EXIT.ok with the first bad commit printed, or EXIT.failed when the ends do not
 * differ or a step cannot be decided within --max-runs. Errors: InputError when the folder is no git
 * repository, a ref is unknown, or --good is not an ancestor of --bad.
 */
export async function bisectCommand(args: BisectArgs): Promise<number> {
  const started = Date.now();
  const cwd = process.cwd();
  const good = commitOf(cwd, args.good, '--good');
  const bad = commitOf(cwd, args.bad, '--bad');
  const between = git(cwd, ['rev-list', '--ancestry-path', '--reverse', `${good}..${bad}`]).split('\n').filter(Boolean).map((c) => c.slice(0, 12));
  if (between.length === 0) throw new InputError([{ file: '--good', message: `${args.good} is not an ancestor of ${args.bad}: nothing between them to bisect` }]);
  const out = path.resolve(args.out ?? path.join('reports', `bisect-${new Date().toISOString().replace(/[:.]/g, '-')}`));
  const say = (line: string) => process.stdout.write(`${stripControl(line)}\n`);
  say(`bisect ${args.only}: ${between.length} commit${between.length === 1 ? '' : 's'} after ${good} up to ${bad}, about ${Math.ceil(Math.log2(between.length + 1))} steps; every step's results in ${out}`);
  const measure = (candidates: string[], label: string) => measureStep({ args, cwd, out, label, refs: [good, ...candidates, bad] });

  const ends = await measure([], 'ends');
  const endsVerdict = judgeBisectStep({ vsGood: ends.vsGoodOf(bad), vsBad: null });
  say(`ends: ${bad} against ${good}: ${describe(ends.vsGoodOf(bad))} (${ends.builds} builds each)`);
  if (endsVerdict !== 'bad') {
    say(`the ends do not differ decidedly in ${args.metric} after ${ends.builds} builds each: nothing to bisect (more --max-runs, or other ends)`);
    return EXIT.failed;
  }
  const steps: Step[] = [];
  let lo = -1; // index in `between` of the last commit known good (-1: the good end)
  let hi = between.length - 1; // of the first known bad (the bad end)
  while (hi - lo > 1) {
    const mid = middleCandidate(lo, hi);
    const commit = between[mid]!;
    const step = await measure([commit], `step-${steps.length + 1}-${commit}`);
    const verdict = judgeBisectStep({ vsGood: step.vsGoodOf(commit), vsBad: step.vsBadOf(commit) });
    steps.push({ commit, verdict, vsGood: step.vsGoodOf(commit), builds: step.builds });
    say(`step ${steps.length}: ${commit} is ${verdict === 'undecided' ? 'undecided' : `like ${verdict}`}: against ${good} ${describe(step.vsGoodOf(commit))} (${step.builds} builds each)`);
    if (verdict === 'undecided') {
      say(`stopped: ${commit} could not be decided within ${args.maxRuns} builds; the first slower commit is after ${lo < 0 ? good : between[lo]} and at or before ${between[hi]}`);
      return EXIT.failed;
    }
    if (verdict === 'bad') hi = mid;
    else lo = mid;
  }
  const first = between[hi]!;
  const evidence = steps.find((s) => s.commit === first)?.vsGood ?? ends.vsGoodOf(bad);
  const subject = git(cwd, ['log', '-1', '--format=%h %s', first]);
  say('');
  say(`first slower commit: ${subject}`);
  say(`  against ${good}: ${describe(evidence)}; the commit before it (${lo < 0 ? good : between[lo]}) was like the good end`);
  say(`  ${steps.length} step${steps.length === 1 ? '' : 's'} after the ends, ${formatMs(Date.now() - started)} in all`);
  return EXIT.ok;
}

/** Builds `refs` interleaved, in looks of --runs builds each until the step is decided or --max-runs is reached. */
async function measureStep(opts: { args: BisectArgs; cwd: string; out: string; label: string; refs: string[] }) {
  const { args, refs } = opts;
  const looks = Math.max(1, Math.floor(args.maxRuns / args.runs));
  const alpha = alphaPerLook(args.alpha, looks);
  let variants: VariantResult[] = [];
  const idAt = (ref: string) => `${args.only}#${ref}`;
  const compare = (baseline: string, variant: string): Comparison | null => {
    const [b, v] = [variants.find((x) => x.id === idAt(baseline)), variants.find((x) => x.id === idAt(variant))];
    return b && v && b.status === 'ok' && v.status === 'ok' ? compareVariants({ baseline: b, variant: v, metric: args.metric, noisePct: args.noise, alpha }) : null;
  };
  const [good, bad] = [refs[0]!, refs.at(-1)!];
  const candidate = refs.length > 2 ? refs[1]! : bad;
  for (let look = 1; look <= looks; look++) {
    const dir = path.join(opts.out, `${opts.label}-${look}`);
    await runBuildbench({ cwd: opts.cwd, log: `${dir}.log`, args: ['run', ...(args.scenarios ?? []), '--only', `${args.only}#*`, ...refs.flatMap((r) => ['--ref', r]), '--runs', String(args.runs), '--out', dir] });
    const read = readResultsFile(dir);
    if (!read.value) throw new InputError([{ file: `${dir}.log`, message: `the run of ${refs.join(', ')} wrote no results (see its log)` }]);
    variants = poolVariants(variants, read.value.variants);
    const verdict = refs.length > 2 ? judgeBisectStep({ vsGood: compare(good, candidate), vsBad: compare(bad, candidate) }) : judgeBisectStep({ vsGood: compare(good, bad), vsBad: null });
    if (verdict !== 'undecided') break;
  }
  const builds = Math.min(...variants.map((v) => v.samples.length));
  return { builds, vsGoodOf: (c: string) => compare(good, c), vsBadOf: (c: string) => compare(bad, c) };
}

/** `buildbench ARGS…` as a child (the same entry point and Node flags as this process), its output to `log`. */
function runBuildbench(opts: { cwd: string; log: string; args: string[] }): Promise<number> {
  mkdirSync(path.dirname(opts.log), { recursive: true });
  const log = createWriteStream(opts.log);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, ...opts.args], { cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on('error', reject);
    child.on('close', (code) => log.end(() => resolve(code ?? 1)));
  });
}

/** The step's evidence in the words every verdict uses (stats/format.ts), or why there is none. */
const describe = (c: Comparison | null): string => (c ? formatComparison(c, { metric: c.metric }) : "not measured (a build failed: see the step's log)");

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function commitOf(cwd: string, ref: string, flag: string): string {
  try {
    return git(cwd, ['rev-parse', '--short=12', `${ref}^{commit}`]);
  } catch {
    throw new InputError([{ file: flag, message: `unknown git ref "${ref}" in ${cwd}` }]);
  }
}
