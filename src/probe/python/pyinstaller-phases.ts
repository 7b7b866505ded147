// PyInstaller's phases from its own log. Each line starts with ms since PyInstaller started
// ("9791 INFO: checking PYZ"); every target (Analysis, PYZ, PKG, EXE, COLLECT) begins with "checking <Target>",
// so a target's phase ends where the next one is checked, and the last ends at "Build complete!"
// (PyInstaller 6.x building/datastruct.py Target.__postinit__ and build_main.py).
import type { PhaseResult } from '../../runner/phases.ts';

const STAMP = /^\s*(\d+) (?:DEBUG|INFO|WARNING|ERROR|CRITICAL|FATAL): (.*)$/;
const CHECKING = /^checking (\w+)\s*$/;

export interface PyInstallerPhaseResult extends PhaseResult {
  /** Phase name → its own duration in ms. */
  durations: Record<string, number>;
}

/**
 * Phase ends from PyInstaller's log lines. `offsetMs` shifts PyInstaller's clock onto the build's (the ms at
 * which the runner saw PyInstaller's first line, minus the stamp on it): PyInstaller may start after a setup
 * step of the same build command.
 */
export function parsePyInstallerPhases(lines: readonly string[], opts: { offsetMs?: number } = {}): PyInstallerPhaseResult {
  const offset = opts.offsetMs ?? 0;
  const checks: { name: string; ms: number }[] = [];
  let lastMs: number | null = null;
  let completeMs: number | null = null;
  for (const line of lines) {
    const stamp = STAMP.exec(line);
    if (!stamp) continue;
    const ms = Number(stamp[1]);
    const message = stamp[2]!;
    lastMs = ms;
    const checking = CHECKING.exec(message);
    if (checking) checks.push({ name: checking[1]!, ms });
    if (message.startsWith('Build complete!')) completeMs = ms;
  }
  const phases: Record<string, number> = {};
  const durations: Record<string, number> = {};
  checks.forEach((c, i) => {
    const end = checks[i + 1]?.ms ?? completeMs ?? lastMs ?? c.ms;
    // A name can repeat (several EXE targets in one spec): number the later ones.
    const name = c.name in phases ? `${c.name}#${Object.keys(phases).filter((k) => k.split('#')[0] === c.name).length + 1}` : c.name;
    phases[name] = end + offset;
    // The first phase also holds PyInstaller's start-up (reading the spec, the module search path).
    durations[name] = end - (i === 0 ? 0 : c.ms);
  });
  return { phases, durations };
}
