// `buildbench doctor`: every tool the scenarios require, who needs it, and whether it is there. The CLI
// prints `formatDoctor(report)` and exits 1 when `report.defaultsRunnable` is false.
import { adviceOf, toolsDirOf, type DetectOptions, type ToolStatus } from './detect.ts';
import { commandsOf, createToolProber } from './probe.ts';
import { variantName } from '../results/variant-id.ts';
import { pinsIn } from '../common/tool-pins.ts';
import { probeAsPinned } from './pinned-probe.ts';

/** The slice of a resolved scenario the doctor reads (a `Scenario` from src/scenario fits). */
export interface DoctorScenario {
  name: string;
  default: boolean;
  /** The project folder: its own venv and node_modules/.bin are searched, and paths the commands name. */
  project?: string;
  /** The scenario file's absolute path: `{scenarioDir}` in a command is its folder. */
  path?: string;
  /** `plainStates`: the cache states a plain run measures (empty: the variant runs only with --all or by name). */
  variants: {
    name: string;
    requires: string[];
    plainStates?: readonly string[];
    setup?: string[];
    build?: string;
    smoke?: { run: string };
    /** The scenario's shared dependency build, when it has one. */
    seed?: { run: string };
  }[];
}

/** True when a plain `buildbench run` measures this variant. */
const inPlainRun = (s: DoctorScenario, v: DoctorScenario['variants'][number]): boolean =>
  s.default && (v.plainStates === undefined || v.plainStates.length > 0);

/** One tool: found (version, path) or missing (reason, install), and the variants that need it. */
export type DoctorRow = ToolStatus & {
  /** Variant ids `scenario/variant` that require this tool. */
  neededBy: string[];
  /** True when a variant a plain run measures needs it. */
  neededByDefault: boolean;
};

/** A variant that cannot run, and the tools it lacks. */
export interface BlockedVariant {
  id: string;
  default: boolean;
  missing: string[];
}

export interface DoctorReport {
  rows: DoctorRow[];
  blocked: BlockedVariant[];
  /** Every variant a plain `buildbench run` measures has its tools. */
  defaultsRunnable: boolean;
  /** The command that provisions these scenarios, right in the folder the doctor ran in. */
  setup: string;
}

/**
 * Check every required tool where each variant would call it, and tie the answers back to the variants. One
 * row per answer: a tool found in one project's venv and missing for another project gets two rows. Never
 * rejects: a tool that cannot be run is reported missing.
 */
export async function doctor(opts: { scenarios: DoctorScenario[] } & DetectOptions): Promise<DoctorReport> {
  const probe = createToolProber(opts);
  const pinned = new Map<string, ToolStatus>();
  const rows = new Map<ToolStatus, DoctorRow>();
  const blocked: BlockedVariant[] = [];
  // Sequential on purpose: probes are quick, and the machine is shared with whatever else runs.
  for (const s of opts.scenarios) {
    for (const v of s.variants) {
      const id = variantName({ scenario: s.name, variant: v.name });
      const missing: string[] = [];
      for (const tool of new Set(v.requires)) {
        const status = await probeAsPinned({ tool, pins: (v.setup ?? []).flatMap(pinsIn), probe, tools: toolsDirOf(opts), setup: adviceOf(opts).setup, memo: pinned })
          ?? (await probe(tool, { project: s.project, commands: commandsOf(v) }));
        const row = rows.get(status) ?? { ...status, neededBy: [], neededByDefault: false };
        row.neededBy.push(id);
        row.neededByDefault ||= inPlainRun(s, v);
        rows.set(status, row);
        if (!status.found) missing.push(tool);
      }
      if (missing.length > 0) blocked.push({ id, default: inPlainRun(s, v), missing });
    }
  }
  const sorted = [...rows.values()].sort((a, b) => a.name.localeCompare(b.name));
  return { rows: sorted, blocked, defaultsRunnable: !blocked.some((b) => b.default), setup: adviceOf(opts).setup };
}

