// "did you mean" suggestions for unknown keys and names.

/**
 * The edit distance of `a` and `b`: the fewest single-character insertions, deletions, substitutions and swaps of
 * two adjacent characters (UTF-16 code units) that turn one into the other, each character edited once: the
 * optimal string alignment distance (Damerau, "A technique for computer detection and correction of spelling
 * errors", CACM 7(3), 1964), by Wagner–Fischer dynamic programming (JACM 21(1), 1974) in O(|a|·|b|) time and
 * O(|b|) space. A swap counts one, as typists make it (`--nosie`, `--stirct`). Never throws.
 */
export function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
    }
    [before, prev] = [prev, row];
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
