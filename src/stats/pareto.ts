// The Pareto front of points where both coordinates are costs (build time, artifact bytes): a point is on
// the front when no other point is at least as good on both axes and strictly better on one.
// Method: sort by x, then sweep keeping the best y seen so far — the two-dimensional case of
// Kung, Luccio & Preparata, "On Finding the Maxima of a Set of Vectors", J. ACM 22(4), 1975, O(n log n).

/** One candidate: an id and two costs to minimise. */
export interface ParetoPoint {
  id: string;
  x: number;
  y: number;
}

/**
 * Ids of the non-dominated points, in order of increasing x. Points with equal x and y are all kept
 * (neither dominates the other); points with a non-finite coordinate are never on the front.
 */
export function paretoFront(points: readonly ParetoPoint[]): string[] {
  const finite = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const sorted = [...finite].sort((a, b) => a.x - b.x || a.y - b.y);
  const front: string[] = [];
  let bestY = Infinity;
  let last: ParetoPoint | undefined;
  for (const p of sorted) {
    const duplicateOfLastKept = last !== undefined && p.x === last.x && p.y === last.y;
    if (p.y < bestY || duplicateOfLastKept) {
      front.push(p.id);
      bestY = p.y;
      last = p;
    }
  }
  return front;
}
