// The cargo/Rust probe. Output: units rebuilt vs fresh and whether they fit the cache state (cargo-units.ts,
// probe/cache-check.ts), phases and slowest units from the `--timings` report the build announced, and the
// Tauri CLI's compile/bundle phases. Artifact (a native ELF): crates compiled in two versions, unused dependencies.
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parseGenericPhases } from '../../runner/phases.ts';
import { checkCacheState, unitCountsCheck } from '../cache-check.ts';
import type { ArtifactInput, BuildOutput, SampleFindings, ToolchainProbe } from '../toolchain-probe.ts';
import { cargoDuplicates } from './cargo-duplicates.ts';
import { unusedDependencies } from './cargo-machete.ts';
import { parseCargoTimings, slowestUnits } from './cargo-timings.ts';
import { countCargoUnits } from './cargo-units.ts';
import { TAURI_PHASE_RULES } from './tauri-phases.ts';

/** A build that names cargo or the Tauri CLI is expected to print cargo's unit lines. */
const CARGO_BUILD = /\b(cargo|tauri)\b/;
export const CARGO_NOT_CHECKED = 'not checked: the output has no cargo unit lines (Compiling, Fresh or Finished)';
/** cargo --timings ends with "Timing report saved to /…/cargo-timing-….html". */
const TIMING_REPORT = /Timing report saved to (\S+\.html)/;

/** Phases and slowest units of the timing report the output announced; null when it announced none or it is gone. */
async function cargoTimingPhases(out: BuildOutput): Promise<Pick<SampleFindings, 'phases' | 'slowestUnits'> | null> {
  const saved = out.lines.find((l) => TIMING_REPORT.test(l.line));
  if (!saved) return null;
  const file = TIMING_REPORT.exec(saved.line)![1]!;
  const path = isAbsolute(file) ? file : join(out.workdir, file);
  if (!existsSync(path)) return null;
  const timings = await parseCargoTimings(path);
  // cargo's times run from cargo's start; the report line comes right after its last unit.
  const end = Math.max(0, ...Object.values(timings.phases));
  const offset = Math.max(0, saved.ms - end);
  const phases = Object.fromEntries(Object.entries(timings.phases).map(([k, v]) => [k, v + offset]));
  const slowest = slowestUnits(timings, 10).map((u) => ({ name: `${u.name} ${u.version}${u.target}`.trim(), ms: u.durationMs }));
  return { phases, slowestUnits: slowest };
}

/** Unit counts and their cache check, or why a cargo build could not be checked; empty when not cargo's. */
function unitFindings(out: BuildOutput): SampleFindings {
  const units = countCargoUnits(out.text);
  if (units.source === 'none') {
    const expected = out.build !== undefined && CARGO_BUILD.test(out.build) && unitCountsCheck(out.cache);
    return expected ? { notChecked: CARGO_NOT_CHECKED } : {};
  }
  return {
    rebuiltUnits: units.rebuilt,
    ...(units.fresh !== null ? { freshUnits: units.fresh } : {}),
    cacheCheck: checkCacheState({ cache: out.cache, rebuilt: units.rebuilt, fresh: units.fresh }),
  };
}

async function inspectCargoOutput(out: BuildOutput): Promise<SampleFindings | null> {
  const timing = await cargoTimingPhases(out);
  const tauri = out.build !== undefined && /\btauri\b/.test(out.build) ? parseGenericPhases({ lines: out.lines, rules: TAURI_PHASE_RULES }).phases : {};
  const phases = { ...timing?.phases, ...tauri };
  const found: SampleFindings = {
    ...unitFindings(out),
    ...(timing ? { slowestUnits: timing.slowestUnits } : {}),
    ...(Object.keys(phases).length > 0 ? { phases } : {}),
  };
  return Object.keys(found).length > 0 ? found : null;
}

/** The folder holding the Cargo.lock of a workdir: itself, or a Tauri app's `src-tauri/`. */
function findCargoRoot(workdir: string): string | null {
  return [workdir, join(workdir, 'src-tauri')].find((dir) => existsSync(join(dir, 'Cargo.lock'))) ?? null;
}

async function inspectRustArtifact(input: ArtifactInput) {
  const root = findCargoRoot(input.workdir);
  const duplicateCrates = input.duplicateCrates ?? (root ? (await cargoDuplicates(root)).count : undefined);
  const unused = root ? await unusedDependencies(root) : null;
  return {
    ...(duplicateCrates !== undefined ? { duplicateCrates } : {}),
    ...(unused && unused.length > 0 ? { unusedDependencies: unused } : {}),
  };
}

export const CARGO_PROBE: ToolchainProbe = {
  name: 'cargo',
  sample: { inspect: inspectCargoOutput },
  artifact: { appliesTo: (fp) => fp.linker !== undefined, inspect: inspectRustArtifact },
};
