// How long a plan will take, from the last results of the same variants (`--dry-run` and the ETA).
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { readResultsFile } from '../results/io.ts';
import type { Plan } from './plan.ts';

export interface Estimate {
  /** Expected ms of all builds for the variants with history. */
  knownMs: number;
  /** Variant ids with no earlier measurement. */
  unknown: string[];
  /** Median build ms per variant id, from the newest results that have it. */
  perVariant: Map<string, number>;
}

/** Newest-first results files under a reports folder (`<dir>/<runId>/results.json`). */
export function previousResults(reportsDir: string, limit = 20): string[] {
  if (!existsSync(reportsDir)) return [];
  return readdirSync(reportsDir)
    .map((d) => path.join(reportsDir, d, 'results.json'))
    .filter((f) => existsSync(f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
    .slice(0, limit);
}

export function estimatePlan(plan: Plan, history: string[]): Estimate {
  const perVariant = new Map<string, number>();
  for (const file of history) {
    const { value } = readResultsFile(file);
    for (const v of value?.variants ?? []) {
      const median = v.stats.wallMs?.median;
      if (median !== undefined && !perVariant.has(v.id)) perVariant.set(v.id, median);
    }
  }
  let knownMs = 0;
  const unknown: string[] = [];
  for (const v of plan.variants) {
    const ms = perVariant.get(v.id);
    if (ms === undefined) unknown.push(v.id);
    else knownMs += ms * (v.runs + v.warmup);
  }
  return { knownMs, unknown, perVariant };
}
