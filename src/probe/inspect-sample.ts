// Everything the output of one build tells: phase ends (scenario rules, PyInstaller's log, cargo --timings,
// Tauri's compile/bundle), units rebuilt vs fresh, and whether the cache state looks real. One call per sample.
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { RunSample } from '../results/schema.ts';
import type { CacheState, PhaseRule } from '../scenario/schema.ts';
import { CACHE_OK, checkCacheState, unitCountsCheck } from './cache-check.ts';
import { CACHE_STATE_RULES } from '../results/cache-states.ts';
import { parseCargoTimings, slowestUnits } from './rust/cargo-timings.ts';
import { countCargoUnits } from './rust/cargo-units.ts';
import { parseGenericPhases, type TimedLine } from '../runner/phases.ts';
import { TAURI_PHASE_RULES } from './rust/tauri-phases.ts';
import { checkPyInstallerCache, readPyInstallerTargets } from './python/pyinstaller-cache.ts';
import { parsePyInstallerPhases } from './python/pyinstaller-phases.ts';

export type SampleInsight = Pick<RunSample, 'phases' | 'phasesMissing' | 'rebuiltUnits' | 'freshUnits' | 'cacheCheck' | 'slowestUnits'>;

/** A build that names cargo or the Tauri CLI is expected to print cargo's unit lines. */
const CARGO_BUILD = /\b(cargo|tauri)\b/;
export const CARGO_NOT_CHECKED = 'not checked: the output has no cargo unit lines (Compiling, Fresh or Finished)';

const PYINSTALLER_STAMP = /^\s*(\d+) (?:DEBUG|INFO|WARNING|ERROR): /;
/** cargo --timings ends with "Timing report saved to /…/cargo-timing-….html". */
const TIMING_REPORT = /Timing report saved to (\S+\.html)/;

/** PyInstaller's clock runs from its own start: shift it by when its first line arrived. */
function pyinstallerOffset(lines: readonly TimedLine[]): number {
  for (const l of lines) {
    const m = PYINSTALLER_STAMP.exec(l.line);
    if (m) return Math.max(0, l.ms - Number(m[1]));
  }
  return 0;
}

async function cargoTimingPhases(lines: readonly TimedLine[], workdir: string): Promise<Pick<SampleInsight, 'phases' | 'slowestUnits'> | null> {
  const saved = lines.find((l) => TIMING_REPORT.test(l.line));
  if (!saved) return null;
  const file = TIMING_REPORT.exec(saved.line)![1]!;
  const path = isAbsolute(file) ? file : join(workdir, file);
  if (!existsSync(path)) return null;
  const timings = await parseCargoTimings(path);
  // cargo's times run from cargo's start; the report line comes right after its last unit.
  const end = Math.max(0, ...Object.values(timings.phases));
  const offset = Math.max(0, saved.ms - end);
  const phases = Object.fromEntries(Object.entries(timings.phases).map(([k, v]) => [k, v + offset]));
  const slowest = slowestUnits(timings, 10).map((u) => ({ name: `${u.name} ${u.version}${u.target}`.trim(), ms: u.durationMs }));
  return { phases, slowestUnits: slowest };
}

/**
 * The insight of one build's output. `firstBuild`: the first build of a workdir is a full build whatever the
 * cache state (it is kept as a warm-up), so its cache state is not checked unless it is meant to be cold.
 */
export async function inspectSample(opts: {
  cache: CacheState;
  lines: readonly TimedLine[];
  workdir: string;
  rules?: readonly PhaseRule[];
  build?: string;
  firstBuild?: boolean;
}): Promise<SampleInsight> {
  const { cache, lines } = opts;
  const text = lines.map((l) => l.line);
  const phases: Record<string, number> = {};
  const out: SampleInsight = { phases };
  const pyTargets = readPyInstallerTargets(text);
  const cargo = await cargoTimingPhases(lines, opts.workdir);
  if (cargo) out.slowestUnits = cargo.slowestUnits;
  // A scenario that declares its phases gets exactly those (the runner parses them: runner/phases.ts);
  // otherwise the ones the tools' output gives.
  if (!opts.rules?.length) {
    if (pyTargets.length > 0) Object.assign(phases, parsePyInstallerPhases(text, { offsetMs: pyinstallerOffset(lines) }).phases);
    if (cargo) Object.assign(phases, cargo.phases);
    if (opts.build && /\btauri\b/.test(opts.build)) Object.assign(phases, parseGenericPhases({ lines, rules: TAURI_PHASE_RULES }).phases);
  }

  const units = countCargoUnits(text);
  if (units.source !== 'none') {
    out.rebuiltUnits = units.rebuilt;
    if (units.fresh !== null) out.freshUnits = units.fresh;
  }
  const checks: string[] = [];
  if (opts.firstBuild && CACHE_STATE_RULES[cache].firstBuildIsFull) {
    if (units.source !== 'none' || pyTargets.length > 0) out.cacheCheck = 'not checked: the first build of a workdir is a full build';
    return out;
  }
  if (units.source !== 'none') checks.push(checkCacheState({ cache, rebuilt: units.rebuilt, fresh: units.fresh }));
  else if (opts.build && CARGO_BUILD.test(opts.build) && unitCountsCheck(cache)) checks.push(CARGO_NOT_CHECKED);
  if (pyTargets.length > 0) checks.push(checkPyInstallerCache({ cache, targets: pyTargets }));
  const problems = checks.filter((c) => c !== CACHE_OK);
  if (checks.length > 0) out.cacheCheck = problems.length > 0 ? problems.join('; ') : CACHE_OK;
  return out;
}
