// The cache-state table: its order (coldest first, which --quick relies on) and the name check.
import { describe, expect, it } from 'vitest';
import { CACHE_STATE_RULES, CACHE_STATES, isCacheState } from '../../src/results/cache-states.ts';

describe('cache states', () => {
  it('are listed coldest first, each with its rules', () => {
    expect(CACHE_STATES).toEqual(['cold', 'warm', 'incremental', 'noop']);
    expect(CACHE_STATES.map((s) => CACHE_STATE_RULES[s].rebuilds)).toEqual(['all', 'outputs', 'some', 'none']);
  });

  it('only a mutating state needs `mutate`, and only the states that keep nothing start from a clean workdir', () => {
    expect(CACHE_STATES.filter((s) => CACHE_STATE_RULES[s].mutates)).toEqual(['incremental']);
    expect(CACHE_STATES.filter((s) => !CACHE_STATE_RULES[s].firstBuildIsFull)).toEqual(['cold']);
  });

  it.each([
    ['warm', true],
    ['hot', false],
    ['constructor', false],
    ['', false],
  ])('isCacheState(%j) is %s', (name, is) => {
    expect(isCacheState(name)).toBe(is);
  });
});
