// `buildbench doctor`: every tool the scenarios require, who needs it, and whether it is there. The CLI
// prints `formatDoctor(report)` and exits 1 when `report.defaultsRunnable` is false.
import type { ToolInfo } from '../results/schema.ts';
import { detectTool, type DetectOptions, type ToolStatus } from './detect.ts';

/** The slice of a resolved scenario the doctor reads (a `Scenario` from src/scenario fits). */
export interface DoctorScenario {
  name: string;
  default: boolean;
  /** `plainStates`: the cache states a plain run measures (empty: the variant runs only with --all or by name). */
  variants: { name: string; requires: string[]; plainStates?: readonly string[] }[];
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
}

/** Check every required tool once and tie the answers back to the variants. */
export async function doctor(opts: { scenarios: DoctorScenario[] } & DetectOptions): Promise<DoctorReport> {
  const needs = new Map<string, { ids: string[]; byDefault: boolean }>();
  for (const s of opts.scenarios) {
    for (const v of s.variants) {
      for (const tool of new Set(v.requires)) {
        const entry = needs.get(tool) ?? { ids: [], byDefault: false };
        entry.ids.push(`${s.name}/${v.name}`);
        entry.byDefault ||= inPlainRun(s, v);
        needs.set(tool, entry);
      }
    }
  }
  const names = [...needs.keys()].sort();
  // Sequential on purpose: probes are quick, and the machine is shared with whatever else runs.
  const statuses: ToolStatus[] = [];
  for (const name of names) statuses.push(await detectTool(name, { root: opts.root, env: opts.env }));
  const byName = new Map(statuses.map((s) => [s.name, s]));
  const rows = statuses.map((s) => ({ ...s, neededBy: needs.get(s.name)?.ids ?? [], neededByDefault: needs.get(s.name)?.byDefault ?? false }));
  const blocked: BlockedVariant[] = [];
  for (const s of opts.scenarios) {
    for (const v of s.variants) {
      const missing = [...new Set(v.requires)].filter((t) => byName.get(t)?.found === false);
      if (missing.length > 0) blocked.push({ id: `${s.name}/${v.name}`, default: inPlainRun(s, v), missing });
    }
  }
  return { rows, blocked, defaultsRunnable: !blocked.some((b) => b.default) };
}

/** The results file's environment entries for `names` (null version/path when missing). */
export async function toolVersions(names: string[], opts: DetectOptions = {}): Promise<ToolInfo[]> {
  const out: ToolInfo[] = [];
  for (const name of [...new Set(names)].sort()) {
    const s = await detectTool(name, opts);
    out.push(s.found ? { name, version: s.version, path: s.path } : { name, version: null, path: null });
  }
  return out;
}
