// The edit distance behind every "did you mean": insertions, deletions, substitutions, and a swap of two
// neighbours counted as one edit (the commonest typing slip).
import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from '../../src/common/did-you-mean.ts';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['nosie', 'noise', 1],
    ['stirct', 'strict', 1],
    ['ca', 'abc', 3],
    ['build', 'build', 0],
  ])('%s → %s: %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('suggest', () => {
  it('names the nearest candidate within a third of the word, else nothing', () => {
    expect(suggest('jsno', ['json', 'out'])).toBe('json');
    expect(suggest('bild', ['build', 'bin'])).toBe('build');
    expect(suggest('runn', ['run', 'report'])).toBe('run');
    expect(suggest('acknowledged', ['run', 'report', 'history'])).toBeUndefined();
  });
});
