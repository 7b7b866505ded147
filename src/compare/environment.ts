// Two runs are only comparable on the same machine and toolchain, built the same way; say so when they are not.
import type { Environment, ResultsFile } from '../results/schema.ts';

/**
 * What differs between the environments of two runs (CPU model, core count, the version of a tool both list,
 * a caller's variable that changes the build: environment.callerVariables), one sentence each; empty when they
 * match. Never throws.
 */
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
  return [...warnings, ...diffCallerVariables(baseline, current)];
}

/** A variable the environment policy passed on (recorded) or removed, different between the two runs. */
function diffCallerVariables(baseline: Environment, current: Environment): string[] {
  const [before, after] = [baseline.callerVariables, current.callerVariables];
  if (!before || !after) return [];
  const shown = (v: string | undefined) => (v === undefined ? 'unset' : JSON.stringify(v));
  const lines: string[] = [];
  for (const [kind, words] of [
    ['passed', 'passed to every build'],
    ['removed', 'removed from every build'],
  ] as const) {
    for (const name of [...new Set([...Object.keys(before[kind]), ...Object.keys(after[kind])])].sort()) {
      const [was, is] = [before[kind][name], after[kind][name]];
      if (was !== is) lines.push(`the caller's ${name} (${words}) differs: ${shown(was)} in the baseline, ${shown(is)} now`);
    }
  }
  return lines;
}

/**
 * Variants of both runs (same id) whose last artifacts differ in digest: "artifact of s/v@cold differs between
 * the runs: sha256 b8ad12… in the baseline, 0382fe… now" (the same size can hide another build). Never throws.
 */
export function diffArtifacts(baseline: ResultsFile, current: ResultsFile): string[] {
  const before = new Map(baseline.variants.map((v) => [v.id, v.artifact?.sha256]));
  return current.variants.flatMap((v) => {
    const [was, is] = [before.get(v.id), v.artifact?.sha256];
    return was && is && was !== is ? [`artifact of ${v.id} differs between the runs: sha256 ${was.slice(0, 12)}… in the baseline, ${is.slice(0, 12)}… now`] : [];
  });
}
