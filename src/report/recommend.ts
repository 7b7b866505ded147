// The recommendation paragraph of a scenario, generated only from measured data: the fastest build per
// cache state, the smallest artifact, the start-up winner where the verdicts decide one, the Pareto set of
// build time vs size (on medians, and said so), and each variant's trade-off against the baseline in plain words. A difference is called faster
// or slower only when its comparison says so; inconclusive ones are named as such; variants without
// numbers are listed with their reason, and contradicted intents and suspicious cache states are flagged.
import { formatBytes, formatMs } from './format.ts';
import type { Comparison, VariantResult } from '../results/schema.ts';
import { paretoFront } from '../stats/pareto.ts';
import { pickTimedWinner } from './winner.ts';
import {
  bytesOf,
  cacheOrder,
  cacheProblems,
  decidedRatio,
  filesOf,
  findComparison,
  lowest,
  sizeDifference,
  startOf,
  startRunsOf,
  verdictWords,
  wallOf,
} from './recommend-facts.ts';

// Variant names are identifiers and keep their case, so sentences that start with one are not capitalised.
const sentence = (s: string) => s + (/[.!?]$/.test(s) ? '' : '.');
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Build time, per cache state: the lowest median and what the comparisons say about it. */
function buildTimeSentences(cache: string, ok: readonly VariantResult[], comparisons: readonly Comparison[]): string[] {
  const best = lowest(ok, wallOf);
  if (!best) return [];
  const out: string[] = [];
  const base = ok.find((v) => v.baseline);
  const lead = `${capitalize(cache)} builds: ${best.variant} has the lowest median build time (${formatMs(wallOf(best))})`;
  if (best.baseline) {
    const others = ok.filter((v) => v !== best).map((v) => findComparison(comparisons, v, 'wallMs'));
    const allSlower = others.length > 0 && others.every((c) => c?.verdict === 'slower');
    out.push(allSlower ? `${lead} and is the fastest: every other variant is slower` : `${lead}; it is the baseline`);
  } else {
    const c = findComparison(comparisons, best, 'wallMs');
    out.push(c ? `${lead}; against ${base?.variant ?? 'the baseline'}: ${verdictWords(c, best.stats.wallMs?.n)}` : lead);
  }
  if (base) for (const v of ok) if (v !== base) out.push(...tradeOff(v, base, comparisons));
  return out;
}

/** "onedir builds 1.60× faster [1.50–1.70] than onefile but ships 240 files and 8% more bytes". */
function tradeOff(v: VariantResult, base: VariantResult, comparisons: readonly Comparison[]): string[] {
  const c = findComparison(comparisons, v, 'wallMs');
  if (!c) return [];
  const [vb, bb] = [bytesOf(v), bytesOf(base)];
  const sizeText = vb !== undefined && bb !== undefined ? sizeDifference(vb, bb) : null;
  const [vf, bf] = [filesOf(v), filesOf(base)];
  const filesText = vf !== undefined && bf !== undefined && vf !== bf && Math.max(vf, bf) > 1 ? `${vf} file${vf === 1 ? '' : 's'}` : null;
  const ships = [filesText, sizeText].filter((s): s is string => s !== null).join(' and ');
  const ratio = decidedRatio(c);
  if (!ratio) {
    const what = c.verdict === 'no difference' ? 'builds no faster or slower than' : 'vs';
    const timePart = `${v.variant} ${what} ${base.variant}${c.verdict === 'no difference' ? '' : ' build time'}: ${verdictWords(c, v.stats.wallMs?.n)}`;
    return [ships ? `${timePart}; it ships ${ships}` : timePart];
  }
  if (!ships) return [`${v.variant} builds ${ratio} than ${base.variant}${sizeText === null && vb !== undefined ? ' at the same size' : ''}`];
  // Bytes decide whether the shipping side is a cost; with equal bytes, more files is the cost.
  const shipsMore = sizeText !== null ? vb! > bb! : vf! > bf!;
  const joint = (c.verdict === 'faster') === !shipsMore ? 'and' : 'but';
  return [`${v.variant} builds ${ratio} than ${base.variant} ${joint} ships ${ships}`];
}

function sizeSentence(ok: readonly VariantResult[]): string | null {
  const best = lowest(ok, bytesOf);
  if (!best) return null;
  const base = ok.find((v) => v.baseline);
  const versus = base && base !== best && bytesOf(base) ? `; ${base.variant} ships ${formatBytes(bytesOf(base))}` : '';
  return `Smallest artifact: ${best.variant}, ${formatBytes(bytesOf(best))}${versus}`;
}

/** Start-up on first launch: a winner only where the verdicts against the baseline decide one (report/winner.ts). */
function startupSentence(ok: readonly VariantResult[], comparisons: readonly Comparison[]): string | null {
  const launched = ok.filter((v) => startOf(v) !== undefined);
  if (launched.length === 0) return null;
  const pick = pickTimedWinner(launched.map((v) => ({ key: v.id, baseline: v.baseline, verdict: findComparison(comparisons, v, 'startupFirstMs')?.verdict })));
  const winner = launched.find((v) => v.id === pick.key);
  let text = winner
    ? `Fastest to start: ${winner.variant}, ${formatMs(startOf(winner))} to ready on first launch (median of ${startRunsOf(winner)})`
    : 'Start-up on first launch: no variant is decidedly the fastest';
  const c = winner && !winner.baseline ? findComparison(comparisons, winner, 'startupFirstMs') : undefined;
  if (c) text += ` (against the baseline: ${verdictWords(c)})`;
  const extracting = ok.filter((v) => (v.startup?.extractBytes ?? 0) > 0);
  for (const v of extracting) text += `; ${v.variant} extracts ${formatBytes(v.startup!.extractBytes!)} on first launch`;
  return text;
}

function paretoSentence(ok: readonly VariantResult[]): string | null {
  const points = ok.flatMap((v) => {
    const [x, y] = [wallOf(v), bytesOf(v)];
    return x === undefined || y === undefined ? [] : [{ id: v.variant, x, y }];
  });
  if (points.length < 2) return null;
  const front = paretoFront(points);
  if (front.length === 1) return `${front[0]} has both the lowest median build time and the smallest artifact: no trade-off to make`;
  return `Pareto set on medians (build time vs size, undecided differences included): ${front.join(', ')} — no other variant has both a lower median and fewer bytes`;
}

/** The recommendation paragraph of one scenario. */
export function recommend(opts: { scenario: string; variants: readonly VariantResult[]; comparisons: readonly Comparison[] }): string {
  const variants = opts.variants.filter((v) => v.scenario === opts.scenario);
  const comparisons = opts.comparisons.filter((c) => c.scenario === opts.scenario);
  const parts: string[] = [];
  const caches = cacheOrder(variants);
  for (const cache of caches) {
    const ok = variants.filter((v) => v.cache === cache && v.status === 'ok');
    parts.push(...buildTimeSentences(cache, ok, comparisons));
    if (cache === caches[0]) {
      const extra = [sizeSentence(ok), startupSentence(ok, comparisons), paretoSentence(ok)];
      parts.push(...extra.filter((s): s is string => s !== null));
    } else {
      const pareto = paretoSentence(ok);
      if (pareto) parts.push(`${capitalize(cache)}: ${pareto}`);
    }
  }
  const missing = variants.filter((v) => v.status !== 'ok');
  if (missing.length > 0) parts.push(`Not measured: ${missing.map((v) => `${v.id} (${v.status}: ${v.reason ?? 'no reason recorded'})`).join('; ')}`);
  for (const v of variants) {
    const mismatch = v.artifact?.fingerprint?.mismatch ?? [];
    if (mismatch.length > 0) parts.push(`Check ${v.id}: its artifact contradicts the declared intent (${mismatch.join('; ')})`);
    const problems = cacheProblems(v);
    if (problems.length > 0) parts.push(`Check ${v.id}: ${problems.join('; ')}`);
  }
  if (parts.length === 0) return `No variant of ${opts.scenario} produced measurements.`;
  return parts.map(sentence).join(' ');
}
