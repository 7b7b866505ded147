// Interleaved order: the outer loop is the round, the inner loop the variant (tachometer), and each round is a
// fresh shuffle from a recorded seed, so drift and thermal effects spread over all variants instead of biasing
// whichever ran last (hyperfine#21). Same seed → same order.
import { createRng, randomIndex } from '../stats/random.ts';

/**
 * `rounds` rounds of variant ids, each a seeded shuffle of the ids that still have a sample to take (`count`
 * samples per id): round r holds the ids with count > r. Same seed, same order. Never throws.
 */
export function orderRounds(opts: { ids: { id: string; count: number }[]; rounds: number; seed: number }): string[][] {
  const rng = createRng(opts.seed);
  const rounds: string[][] = [];
  for (let r = 0; r < opts.rounds; r++) {
    const round = opts.ids.filter((v) => v.count > r).map((v) => v.id);
    // Fisher–Yates (Knuth, TAOCP vol. 2, Algorithm P).
    for (let i = round.length - 1; i > 0; i--) {
      const j = randomIndex(rng, i + 1);
      [round[i], round[j]] = [round[j]!, round[i]!];
    }
    rounds.push(round);
  }
  return rounds;
}
