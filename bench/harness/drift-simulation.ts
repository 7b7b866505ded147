// Seeded simulation of one comparison under round-to-round drift: the engine of the paired-rule test
// (test/stats/paired-rule-simulation.test.ts) and of the noise statistics bench (noise-stats.bench.ts). Every
// trial builds VariantResults and runs them through the real statistics stage: estimateGroupDrift, then
// compareVariants with (the rule) or without (independent) the drift records, or comparePaired alone.
import type { VariantResult, Verdict } from '../../src/results/schema.ts';
import { comparePaired, compareVariants, createRng, estimateGroupDrift, randomNormal, roundPairs, type Rng } from '../../src/stats/index.ts';

export interface DriftCell {
  /** Rounds (builds per variant before any is missing). */
  n: number;
  /** Per-build noise: sd of ln time (≈ CV). */
  cv: number;
  /** Round-to-round drift as a multiple of the noise sd: every variant of a round shares one shift. */
  drift: number;
  /** True ratio variant / baseline. */
  ratio: number;
  /** Share of rounds in which one of the two builds is missing (which one, at random). */
  missing?: number;
  /** A steady slowdown through the run, in ln units per round, on top of the random drift. */
  trendPerRound?: number;
  trials: number;
  seed: number;
}

/** Share of trials each analysis decided faster or slower, and how often the rule chose paired. */
export interface DriftCellResult {
  rule: { decided: number; faster: number; slower: number; paired: number };
  independent: { decided: number; faster: number; slower: number };
  paired: { decided: number; faster: number; slower: number };
}

const sampleAt = (round: number, wallMs: number): VariantResult['samples'][number] => ({
  round,
  position: 0,
  wallMs,
  userMs: wallMs,
  sysMs: 0,
  maxRssKb: 1,
  treeRssKb: 1,
  exitCode: 0,
  phases: {},
  log: '',
});

function variantOf(name: string, baseline: boolean, samples: VariantResult['samples']): VariantResult {
  return { id: `sim/${name}@cold`, scenario: 'sim', variant: name, cache: 'cold', baseline, status: 'ok', reason: null, samples, warmups: [], artifact: null, startup: null, stats: {} };
}

/** One trial's two variants: interleaved rounds sharing a drift, some builds missing. */
export function drawTrial(rng: Rng, cell: Omit<DriftCell, 'trials' | 'seed'>): [VariantResult, VariantResult] {
  const base: VariantResult['samples'] = [];
  const vari: VariantResult['samples'] = [];
  for (let r = 0; r < cell.n; r++) {
    const shared = cell.drift * cell.cv * randomNormal(rng) + (cell.trendPerRound ?? 0) * r;
    const gone = rng() < (cell.missing ?? 0) ? (rng() < 0.5 ? 'base' : 'variant') : null;
    if (gone !== 'base') base.push(sampleAt(r, 1000 * Math.exp(shared + cell.cv * randomNormal(rng))));
    if (gone !== 'variant') vari.push(sampleAt(r, 1000 * cell.ratio * Math.exp(shared + cell.cv * randomNormal(rng))));
  }
  return [variantOf('base', true, base), variantOf('variant', false, vari)];
}

const tally = () => ({ decided: 0, faster: 0, slower: 0 });
function count(t: { decided: number; faster: number; slower: number }, v: Verdict): void {
  if (v === 'faster' || v === 'slower') {
    t[v]++;
    t.decided++;
  }
}

/** Runs `trials` trials of `cell` through the three analyses. */
export function simulateDriftCell(cell: DriftCell): DriftCellResult {
  const rng = createRng(cell.seed);
  const rule = { ...tally(), paired: 0 };
  const independent = tally();
  const paired = tally();
  for (let t = 0; t < cell.trials; t++) {
    const [b, v] = drawTrial(rng, cell);
    const drift = estimateGroupDrift([b, v]);
    const chosen = compareVariants({ baseline: b, variant: v, metric: 'wallMs', drift })!;
    count(rule, chosen.verdict);
    if ('analysis' in chosen && chosen.analysis === 'paired') rule.paired++;
    count(independent, compareVariants({ baseline: b, variant: v, metric: 'wallMs' })!.verdict);
    const pairs = roundPairs(b, v, 'wallMs');
    if (pairs.length > 0) count(paired, comparePaired({ pairs }).verdict);
  }
  const share = <T extends Record<string, number>>(x: T) => Object.fromEntries(Object.entries(x).map(([k, n]) => [k, n / cell.trials])) as T;
  return { rule: share(rule), independent: share(independent), paired: share(paired) };
}
