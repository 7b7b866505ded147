// src/stats/pareto.ts (kept with the report tests: the report is its only user). Table-driven cases plus a
// property test against the definition itself, checked by brute force.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paretoFront, type ParetoPoint } from '../../src/stats/pareto.ts';

const p = (id: string, x: number, y: number): ParetoPoint => ({ id, x, y });

describe('paretoFront', () => {
  it.each([
    { name: 'empty', points: [], front: [] },
    { name: 'one point', points: [p('a', 1, 1)], front: ['a'] },
    { name: 'one dominates all', points: [p('a', 1, 1), p('b', 2, 2), p('c', 1, 3)], front: ['a'] },
    { name: 'trade-off, ordered by x', points: [p('slow-small', 1, 9), p('fast-big', 9, 1), p('mid', 5, 5), p('worse', 6, 6)], front: ['slow-small', 'mid', 'fast-big'] },
    { name: 'equal x: only the lower y', points: [p('a', 2, 5), p('b', 2, 3)], front: ['b'] },
    { name: 'equal y: only the lower x', points: [p('a', 4, 3), p('b', 2, 3)], front: ['b'] },
    { name: 'identical points are both kept', points: [p('a', 2, 2), p('b', 2, 2), p('c', 3, 3)], front: ['a', 'b'] },
    { name: 'non-finite coordinates are never on the front', points: [p('nan', Number.NaN, 0), p('inf', 0, Infinity), p('a', 5, 5)], front: ['a'] },
  ])('$name', ({ points, front }) => {
    expect(paretoFront(points)).toEqual(front);
  });

  it('agrees with the definition (no other point at least as good on both and better on one)', () => {
    const point = fc.record({ x: fc.integer({ min: 0, max: 20 }), y: fc.integer({ min: 0, max: 20 }) });
    fc.assert(
      fc.property(fc.array(point, { maxLength: 40 }), (raw) => {
        const points = raw.map((q, i) => p(`p${i}`, q.x, q.y));
        const dominated = (a: ParetoPoint) => points.some((b) => b.x <= a.x && b.y <= a.y && (b.x < a.x || b.y < a.y));
        const expected = points.filter((a) => !dominated(a)).map((a) => a.id);
        expect([...paretoFront(points)].sort()).toEqual([...expected].sort());
      }),
      { seed: 20261124, numRuns: 500 },
    );
  });
});
