// Two runs are only comparable on the same machine and toolchain; say so when they are not.
import type { Environment } from '../results/schema.ts';

/** What differs between the environments of two runs (CPU model, core count, the version of a tool both list), one sentence each; empty when they match. Never throws. */
export function diffEnvironments(baseline: Environment, current: Environment): string[] {
  const warnings: string[] = [];
  if (baseline.cpuModel !== current.cpuModel) warnings.push(`CPU differs: ${baseline.cpuModel} in the baseline, ${current.cpuModel} now`);
  if (baseline.cores !== current.cores) warnings.push(`core count differs: ${baseline.cores} in the baseline, ${current.cores} now`);
  const before = new Map(baseline.tools.map((t) => [t.name, t.version]));
  const after = new Map(current.tools.map((t) => [t.name, t.version]));
  for (const [name, version] of after) {
    if (!before.has(name)) continue;
    const old = before.get(name);
    if (old !== version) warnings.push(`${name} version differs: ${old ?? 'not found'} in the baseline, ${version ?? 'not found'} now`);
  }
  return warnings;
}
