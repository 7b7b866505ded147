// "did you mean" suggestions for unknown keys and names.

/**
 * The Levenshtein distance of `a` and `b`: the fewest single-character insertions, deletions and substitutions
 * (UTF-16 code units) that turn one into the other, by Wagner–Fischer dynamic programming (Wagner & Fischer,
 * "The String-to-String Correction Problem", JACM 21(1), 1974) in O(|a|·|b|) time and O(|b|) space. Never throws.
 */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/**
 * The candidate closest to `word` by editDistance, when it is within a third of the word's length (at least 1,
 * at most 3 edits); the first of equally close ones; undefined when none is that close. Never throws.
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const dist = editDistance(word.toLowerCase(), c.toLowerCase());
    if (dist < bestDistance) [best, bestDistance] = [c, dist];
  }
  return bestDistance <= limit ? best : undefined;
}
