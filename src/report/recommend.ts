// The recommendation paragraph of a scenario in one run, generated only from measured data: the fastest
// build per group of variants sharing a baseline, the smallest artifact, the start-up winner where the
// verdicts decide one, the Pareto set of build time vs size (on medians, and said so), and each variant's
// trade-off against the baseline in plain words. The winners and the front are the model's (groups.ts), the
// same the decision table marks. A difference is called faster or slower only when its comparison says so;
// inconclusive ones are named as such; variants without numbers are listed with their reason, and
// contradicted intents and suspicious cache states are flagged.
import { doesNotStart } from '../results/variant-status.ts';
import { describeBetweenWinners } from '../stats/format-noise.ts';
import { formatBytes, formatMs } from '../results/units.ts';
import type { GroupModel } from './groups.ts';
import type { ComparisonModel, ScenarioModel, VariantModel } from './model.ts';
import { bytesOf, cacheProblems, decidedRatio, filesOf, findComparison, lowest, sizeDifference, startOf, startRunsOf, verdictWords, wallOf } from './recommend-facts.ts';

// Variant names are identifiers and keep their case, so sentences that start with one are not capitalised.
const sentence = (s: string) => s + (/[.!?]$/.test(s) ? '' : '.');
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const okOf = (g: GroupModel) => g.variants.filter((v) => v.status === 'ok');

/** Build time in one group: the lowest median and what the comparisons say about it, then each trade-off. */
function buildTimeSentences(g: GroupModel, comparisons: readonly ComparisonModel[]): string[] {
  const ok = okOf(g);
  const best = lowest(ok, wallOf);
  if (!best) return [];
  const out: string[] = [];
  const base = g.base;
  const lead = `${capitalize(g.cache)} builds: ${best.variant} has the lowest median build time (${formatMs(wallOf(best))})`;
  if (best.baseline) {
    const fastest = ok.length > 1 && g.winners.wallMs?.key === best.key;
    out.push(fastest ? `${lead} and is the fastest: every other variant is slower` : `${lead}; it is the baseline`);
  } else {
    const c = findComparison(comparisons, best, 'wallMs');
    out.push(c ? `${lead}; against ${base?.variant ?? 'the baseline'}: ${verdictWords(c, best.stats.wallMs?.n)}` : lead);
    // The lowest median is no winner by itself: what the winners' comparison with each other decided comes next,
    // so the paragraph never reads as a pick the first screen calls undecided.
    const label = (key: string) => g.variants.find((v) => v.key === key)?.variant ?? key;
    for (const w of g.between) if (w.metric === 'wallMs' && (w.variant === best.key || w.baseline === best.key)) out.push(`Among the winners: ${describeBetweenWinners(w, label)}`);
  }
  if (base) for (const v of ok) if (v !== base) out.push(...tradeOff(v, base, comparisons));
  return out;
}

/** "onedir builds 1.60× faster [1.50–1.70] than onefile but ships 240 files and 8% more bytes". */
function tradeOff(v: VariantModel, base: VariantModel, comparisons: readonly ComparisonModel[]): string[] {
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

/** The group's smallest artifact (the model's exact winner: none on a tie), with the baseline's size beside it. */
function sizeSentence(g: GroupModel): string | null {
  const best = g.variants.find((v) => v.key === g.winners.bytes?.key);
  if (!best) return null;
  const base = g.base;
  const versus = base && base !== best && bytesOf(base) ? `; ${base.variant} ships ${formatBytes(bytesOf(base))}` : '';
  return `Smallest artifact: ${best.variant}, ${formatBytes(bytesOf(best))}${versus}`;
}

/** Start-up on first launch: the model's winner, decided by the verdicts against the baseline (winner.ts). */
function startupSentence(g: GroupModel, comparisons: readonly ComparisonModel[]): string | null {
  const ok = okOf(g);
  if (!ok.some((v) => startOf(v) !== undefined)) return null;
  const winner = ok.find((v) => v.key === g.winners.startupFirstMs?.key);
  let text = winner
    ? `Fastest to start: ${winner.variant}, ${formatMs(startOf(winner))} to ready on first launch (median of ${startRunsOf(winner)})`
    : 'Start-up on first launch: no variant is decidedly the fastest';
  const c = winner && !winner.baseline ? findComparison(comparisons, winner, 'startupFirstMs') : undefined;
  if (c) text += ` (against the baseline: ${verdictWords(c)})`;
  for (const v of ok) if ((v.startup?.extractBytes ?? 0) > 0) text += `; ${v.variant} extracts ${formatBytes(v.startup!.extractBytes!)} on first launch`;
  return text;
}

/** The model's Pareto front of the group, by variant name. */
function paretoSentence(g: GroupModel): string | null {
  if (g.pareto.length === 0) return null;
  const names = g.pareto.map((key) => g.variants.find((v) => v.key === key)!.variant);
  if (names.length === 1) return `${names[0]} has both the lowest median build time and the smallest artifact: no trade-off to make`;
  return `Pareto set on medians (build time vs size, undecided differences included): ${names.join(', ')} — no other variant has both a lower median and fewer bytes`;
}

/** Variants without numbers, with their reason; artifacts that contradict their intent; cache states that did not happen. */
function problemSentences(variants: readonly VariantModel[]): string[] {
  const parts: string[] = [];
  const missing = variants.filter((v) => v.status !== 'ok');
  if (missing.length > 0) parts.push(`Not measured: ${missing.map((v) => `${v.id} (${v.status}: ${v.reason ?? 'no reason recorded'})`).join('; ')}`);
  const notStarting = variants.filter((v) => v.status === 'ok' && doesNotStart(v));
  if (notStarting.length > 0) parts.push(`Built but does not start (build figures above, no start-up figures): ${notStarting.map((v) => `${v.id} (${v.reason ?? 'no reason recorded'})`).join('; ')}`);
  for (const v of variants) {
    const mismatch = v.artifact?.fingerprint?.mismatch ?? [];
    if (mismatch.length > 0) parts.push(`Check ${v.id}: its artifact contradicts the declared intent (${mismatch.join('; ')})`);
    const problems = cacheProblems(v);
    if (problems.length > 0) parts.push(`Check ${v.id}: ${problems.join('; ')}`);
  }
  return parts;
}

/**
 * The recommendation paragraph of `scenario` for the run `source` (an index into ReportModel.sources): the
 * first group's size, start-up and Pareto sentences, the Pareto sentence of each later group, then what was
 * not measured or looks wrong. A sentence per fact; "No variant of … produced measurements." when none did.
 */
export function recommend(o: { scenario: ScenarioModel; source: number }): string {
  const groups = o.scenario.groups.filter((g) => g.source === o.source);
  const parts: string[] = [];
  groups.forEach((g, i) => {
    parts.push(...buildTimeSentences(g, o.scenario.comparisons));
    const pareto = paretoSentence(g);
    if (i === 0) parts.push(...[sizeSentence(g), startupSentence(g, o.scenario.comparisons), pareto].filter((s): s is string => s !== null));
    else if (pareto) parts.push(`${capitalize(g.cache)}: ${pareto}`);
  });
  parts.push(...problemSentences(o.scenario.variants.filter((v) => v.source === o.source)));
  if (parts.length === 0) return `No variant of ${o.scenario.name} produced measurements.`;
  return parts.map(sentence).join(' ');
}
