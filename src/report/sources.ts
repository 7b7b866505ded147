// What the report says about each input run: when, where, with which tools — every string cleaned.
import type { ResultsFile } from '../results/schema.ts';
import { formatBytes } from '../results/units.ts';
import { cleanLine } from '../common/clean-text.ts';
import { describeBusyBuilds } from '../results/busy-builds.ts';
import { describePrimings } from '../results/primings.ts';

/** One input results file, as the environment section shows it. */
export interface SourceModel {
  runId: string;
  hostname: string;
  tool: string;
  startedAt: string;
  finishedAt: string | null;
  interrupted: boolean;
  /** "3 of 12 builds re-measured: other processes used 0.8 of a core" (results/busy-builds.ts), or null. */
  busyBuilds: string | null;
  /** "s/a@warm: primed by its cold twin's first build, …" (results/primings.ts), or null. */
  primed: string | null;
  /** Variants of its scenarios the run did not measure, and why. */
  leftOut: { why: string; ids: string }[];
  config: { runs: number; warmup: number; seed: number; noisePct: number | null; alpha: number | null; stopReason: string | null };
  /** Label/value pairs of the machine: OS, kernel, CPU, memory, load, Node, git. */
  machine: { label: string; value: string }[];
  tools: { name: string; version: string; path: string }[];
  scenarioFiles: { name: string; file: string; sha256: string }[];
}

const nullableLine = (text: string | null) => (text === null ? null : cleanLine(text));

const load = (values: number[]) => values.map((v) => v.toFixed(2)).join(' ');

/** One SourceModel per input results file, in input order, every string cleaned. */
export function buildSources(results: readonly ResultsFile[]): SourceModel[] {
  return results.map((file) => {
    const env = file.environment;
    const git = env.git ? `${env.git.commit.slice(0, 12)}${env.git.branch ? ` (${env.git.branch})` : ''}${env.git.dirty ? ', dirty' : ''}` : '—';
    return {
      runId: cleanLine(file.runId),
      hostname: cleanLine(env.hostname),
      tool: cleanLine(`${file.tool.name} ${file.tool.version}`),
      startedAt: cleanLine(file.startedAt),
      finishedAt: file.finishedAt === null ? null : cleanLine(file.finishedAt),
      interrupted: file.interrupted,
      busyBuilds: nullableLine(describeBusyBuilds(file)),
      primed: nullableLine(describePrimings(file)),
      leftOut: (file.config.leftOut ?? []).map((l) => ({ why: cleanLine(l.why), ids: l.ids.map((id) => cleanLine(id)).join(', ') })),
      config: {
        runs: file.config.runs,
        warmup: file.config.warmup,
        seed: file.config.seed,
        noisePct: file.config.noisePct ?? null,
        alpha: file.config.alpha ?? null,
        stopReason: file.config.stopReason === undefined ? null : cleanLine(file.config.stopReason),
      },
      machine: [
        { label: 'OS', value: `${env.os} (${env.arch}), kernel ${env.kernel}` },
        { label: 'CPU', value: `${env.cpuModel}, ${env.cores} cores` },
        { label: 'Memory', value: formatBytes(env.memoryBytes) },
        { label: 'Load average before / after', value: `${load(env.loadAvgBefore)} / ${load(env.loadAvgAfter)}` },
        { label: 'Node', value: env.node },
        { label: 'Git', value: git },
        ...callerRows(env.callerVariables),
      ].map(({ label, value }) => ({ label, value: cleanLine(value) })),
      tools: env.tools.map((t) => ({ name: cleanLine(t.name), version: cleanLine(t.version ?? 'not found'), path: cleanLine(t.path ?? '—') })),
      scenarioFiles: file.scenarios.map((s) => ({ name: cleanLine(s.name), file: cleanLine(s.file), sha256: cleanLine(s.sha256, 64) })),
    };
  });
}

/** The caller's variables the environment policy removed from every build or passed on (runner/env-policy.ts). */
function callerRows(vars: ResultsFile['environment']['callerVariables']): { label: string; value: string }[] {
  if (!vars) return [];
  const list = (o: Record<string, string>) => Object.entries(o).map(([k, v]) => `${k}=${v}`).join(' ') || 'none';
  return [
    { label: "Caller's variables removed from builds", value: list(vars.removed) },
    { label: "Caller's variables passed to builds", value: list(vars.passed) },
  ];
}
