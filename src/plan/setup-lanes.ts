// How a stage's untimed set-ups share the machine (runner/set-up.ts runs them so; plan/estimate.ts predicts
// their wall time so): each scenario's variants one after another, in plan order, since they may share a seed, a
// wheelhouse or a cache; different scenarios side by side in up to SETUP_LANES lanes (at most the usable CPUs),
// the scenarios with a dependency seed first, each next scenario to the first lane that comes free.
import os from 'node:os';

/** Set-ups that run at once, at most. */
export const SETUP_LANES = 2;

/** Lanes for `groups` scenarios' set-ups: SETUP_LANES (or `wanted`), at most the usable CPUs and the groups, at least 1. */
export function setUpLanes(groups: number, wanted = SETUP_LANES): number {
  return Math.max(1, Math.min(wanted, os.availableParallelism(), groups));
}

/** The stage's members by scenario, in plan order within each; scenarios with a dependency seed first. Pure. */
export function setUpGroups<M extends { planned: { scenario: { name: string }; variant: { seed?: unknown } } }>(members: M[]): M[][] {
  const groups = new Map<string, M[]>();
  for (const m of members) groups.set(m.planned.scenario.name, [...(groups.get(m.planned.scenario.name) ?? []), m]);
  const seeded = (g: M[]) => (g.some((m) => m.planned.variant.seed) ? 0 : 1);
  return [...groups.values()].sort((a, b) => seeded(a) - seeded(b));
}

/** Wall time (ms) of set-ups taking `groupMs` (per group, in queue order) in `lanes` lanes, each group to the first lane free. Pure. */
export function setUpWallMs(groupMs: number[], lanes: number): number {
  const free = Array.from({ length: Math.max(1, lanes) }, () => 0);
  for (const ms of groupMs) {
    const first = free.indexOf(Math.min(...free));
    free[first]! += ms;
  }
  return Math.max(...free);
}
