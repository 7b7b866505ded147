// Which variant wins a column, claimed only from what the statistics decided. Every comparison is against
// the baseline, so a winner needs a chain of decided verdicts: the baseline wins when every other variant is
// decided slower; another variant wins when it alone is decided faster and every other one is decided slower
// or no different from the baseline. Anything else (two variants faster, an undecided one) names no winner
// and says why. Sizes are exact: the strictly smallest wins.
import type { Verdict } from '../results/schema.ts';

export interface Contender {
  key: string;
  baseline: boolean;
  /** Its comparison with the baseline; undefined for the baseline and for a variant without one. */
  verdict?: Verdict;
}

/** A winner's key, or null and why: undecided verdicts, several faster, no baseline, a single variant, or equal smallest sizes. */
export type WinnerPick = { key: string } | { key: null; why: 'undecided' | 'several faster' | 'no baseline' | 'alone' | 'tie' };

/** The decided winner of a timed column among `contenders` (one of them the baseline), or null with the reason. */
export function pickTimedWinner(contenders: readonly Contender[]): WinnerPick {
  const base = contenders.find((c) => c.baseline);
  const others = contenders.filter((c) => !c.baseline);
  if (!base) return { key: null, why: 'no baseline' };
  if (others.length === 0) return { key: null, why: 'alone' };
  if (others.every((c) => c.verdict === 'slower')) return { key: base.key };
  const faster = others.filter((c) => c.verdict === 'faster');
  if (faster.length > 1) return { key: null, why: 'several faster' };
  const rest = others.filter((c) => c.verdict !== 'faster');
  if (faster.length === 1 && rest.every((c) => c.verdict === 'slower' || c.verdict === 'no difference')) return { key: faster[0]!.key };
  return { key: null, why: 'undecided' };
}

/** The key of the strictly smallest of exact values; null on a tie for smallest or fewer than two values. */
export function pickSmallest(values: readonly { key: string; value: number }[]): string | null {
  const sorted = [...values].sort((a, b) => a.value - b.value);
  if (sorted.length < 2 || sorted[0]!.value === sorted[1]!.value) return null;
  return sorted[0]!.key;
}
