// results.json → history record: keep every figure a change point or a dashboard reads, drop what only a
// single run's report needs (logs, phases, output tails, largest entries, per-sample cache checks).
import { createHash } from 'node:crypto';
import { isExact, type Comparison } from '../results/comparison-schema.ts';
import { isSuccessful } from '../results/metrics.ts';
import type { Drift, Environment, ResultsFile, VariantResult } from '../results/schema.ts';
import { RECORD_FORMAT, type HistoryRecord, type RecordVariant, type RecordVerdicts } from './record-schema.ts';

/** What the caller knows better than the results file: the commit's subject and date, a branch or runner label given on the command line. */
export interface RecordContext {
  /** Label of the machine kind; default: runnerLabel(environment). */
  runner?: string;
  /** Overrides the branch results.json recorded (CI checks out a detached HEAD). */
  branch?: string;
  /** Overrides the commit results.json recorded. */
  commit?: string;
  subject?: string;
  committedAt?: string;
  /** Where the run's report was kept: an http(s) URL or a path relative to the history folder (isReportUrl). */
  reportUrl?: string;
}

/** A report address a record may hold: an http(s) URL, or a relative path with no scheme (no `javascript:`, no `file:`). */
export function isReportUrl(text: string): boolean {
  if (/^https?:\/\/[^\s]+$/i.test(text)) return true;
  return text.length > 0 && !/^[a-z][a-z0-9+.-]*:/i.test(text) && !text.startsWith('/') && !text.startsWith('\\') && !/[\s<>"']/.test(text);
}

/** Times to 0.1 ms: the harness cannot resolve finer (its start-up overhead varies by more), and the file stays short. */
const tenth = (x: number) => Math.round(x * 10) / 10;
/** Ratios and p-values to 5 significant digits. */
const sig5 = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(5)) : x);

/** A runner label when none is given: `<os> <arch> <cores> cores`, the same on every machine of one kind (a host name is not: CI machines are new each job). */
export function runnerLabel(env: Pick<Environment, 'os' | 'arch' | 'cores'>): string {
  return `${env.os} ${env.arch} ${env.cores} cores`;
}

/** 16 hex digits of SHA-256 over the machine and software figures that can change a build's time (not load, not host name). */
export function environmentFingerprint(env: Environment): string {
  const tools = [...env.tools].map((t) => `${t.name}=${t.version ?? ''}`).sort();
  const text = [env.os, env.kernel, env.arch, env.cpuModel, env.cores, env.memoryBytes, env.node, ...tools].join('\n');
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function recordVariant(v: VariantResult): RecordVariant {
  const ok = v.samples.filter(isSuccessful);
  const out: RecordVariant = {
    id: v.id,
    ...(v.baseline ? { baseline: true as const } : {}),
    status: v.status,
    ...(v.reason ? { reason: (v.reason.split('\n')[0] ?? '').slice(0, 200) } : {}),
    ...(v.fingerprint ? { fingerprint: v.fingerprint } : {}),
    samples: {
      round: ok.map((s) => s.round),
      position: ok.map((s) => s.position),
      wallMs: ok.map((s) => tenth(s.wallMs)),
      userMs: ok.map((s) => tenth(s.userMs)),
      sysMs: ok.map((s) => tenth(s.sysMs)),
      maxRssKb: ok.map((s) => Math.round(s.maxRssKb)),
      treeRssKb: ok.map((s) => Math.round(s.treeRssKb)),
      ...(ok.some((s) => s.pipelineMs !== undefined) ? { pipelineMs: ok.map((s) => (s.pipelineMs === undefined ? null : tenth(s.pipelineMs))) } : {}),
    },
  };
  const failed = (v.failures ?? []).length + v.samples.length - ok.length;
  if (failed > 0) out.failedBuilds = failed;
  const a = v.artifact;
  if (a && a.kind !== 'missing') {
    out.artifact = { bytes: a.bytes, debugBytes: a.debugBytes, files: a.files, sha256: a.sha256.slice(0, 16) };
    if (a.package?.installedBytes != null) out.artifact.installedBytes = a.package.installedBytes;
  }
  const launches = v.startup?.launches ?? [];
  if (launches.length > 0) {
    out.launches = { state: launches.map((l) => (l.state === 'first' ? 'f' : 'w')).join(''), round: launches.map((l) => l.round), ms: launches.map((l) => tenth(l.ms)) };
  }
  if (v.startup?.extractBytes !== undefined) out.extractBytes = v.startup.extractBytes;
  if (v.startup) out.readyOk = v.startup.readyOk;
  return out;
}

/** The optional fields of a comparison that its wording reads (stats/format.ts formatComparison, report cells), kept per verdict. */
export const WORDING_FIELDS = ['level', 'ciConfidence', 'eqLow', 'eqHigh', 'pMethod', 'runsNeeded', 'minRunsToDecide', 'analysis', 'pairs', 'trendP', 'changedAt', 'holmP', 'unlike'] as const;

/** The wording fields `c` has (level only when it is not 1 − alpha, ciConfidence only below the level), numbers to 5 significant digits; null when none. */
function wordingOf(c: Comparison, alpha: number): Record<string, number | string> | null {
  const out: Record<string, number | string> = {};
  for (const key of WORDING_FIELDS) {
    const value = (c as unknown as Record<string, unknown>)[key];
    if (key === 'level' && typeof value === 'number' && Math.abs(value - (1 - alpha)) < 1e-12) continue;
    // An interval's own confidence is worded only when it falls short of the level (stats/format.ts intervalName).
    if (key === 'ciConfidence' && typeof value === 'number' && 'level' in c && value >= c.level) continue;
    if (typeof value === 'number') out[key] = sig5(value);
    else if (typeof value === 'string') out[key] = value;
  }
  return Object.keys(out).length > 0 ? out : null;
}

function recordVerdicts(comparisons: readonly Comparison[], index: ReadonlyMap<string, number>, alpha: number): RecordVerdicts {
  const out: RecordVerdicts = { variant: [], baseline: [], metric: [], ratio: [], ciLow: [], ciHigh: [], pValue: [], verdict: [] };
  const more: (Record<string, number | string> | null)[] = [];
  for (const c of comparisons) {
    const variant = index.get(c.variant);
    const baseline = index.get(c.baseline);
    if (variant === undefined || baseline === undefined) continue;
    out.variant.push(variant);
    out.baseline.push(baseline);
    out.metric.push(c.metric);
    out.ratio.push(sig5(c.ratio));
    out.ciLow.push(isExact(c) ? null : sig5(c.ciLow));
    out.ciHigh.push(isExact(c) ? null : sig5(c.ciHigh));
    out.pValue.push(isExact(c) ? null : sig5(c.pValue));
    out.verdict.push(c.verdict);
    more.push(isExact(c) ? null : wordingOf(c, alpha));
  }
  if (more.some((m) => m !== null)) out.more = more;
  return out;
}

/** Drift records with round effects to 4 decimals (ln units: 0.0001 ≈ 0.01%). */
const recordDrift = (drift: readonly Drift[]): Drift[] => drift.map((d) => ({ ...d, roundEffects: d.roundEffects.map((r) => ({ round: r.round, effect: Math.round(r.effect * 1e4) / 1e4 })) }));

/** The history record of a results file (see record-schema.ts for every field). Pure; never throws on a valid results file. */
export function makeRecord(results: ResultsFile, context: RecordContext = {}): HistoryRecord {
  const env = results.environment;
  const index = new Map(results.variants.map((v, i) => [v.id, i]));
  const sha = context.commit ?? env.git?.commit ?? null;
  const alpha = results.config.alpha ?? 0.05;
  return {
    format: RECORD_FORMAT,
    runId: results.runId,
    startedAt: results.startedAt,
    finishedAt: results.finishedAt,
    ...(results.interrupted ? { interrupted: true as const } : {}),
    commit: {
      sha,
      branch: context.branch ?? env.git?.branch ?? null,
      ...(env.git?.dirty && !context.commit ? { dirty: true as const } : {}),
      ...(context.subject ? { subject: context.subject.split('\n')[0]!.slice(0, 100) } : {}),
      ...(context.committedAt ? { committedAt: context.committedAt } : {}),
    },
    runner: context.runner ?? runnerLabel(env),
    ...(context.reportUrl ? { reportUrl: context.reportUrl } : {}),
    environment: {
      fingerprint: environmentFingerprint(env),
      os: env.os,
      kernel: env.kernel,
      arch: env.arch,
      cpuModel: env.cpuModel,
      cores: env.cores,
      memoryBytes: env.memoryBytes,
      node: env.node,
      tools: Object.fromEntries(env.tools.map((t) => [t.name, t.version])),
      load: [env.loadAvgBefore[0] ?? 0, env.loadAvgAfter[0] ?? 0].map((x) => Math.round(x * 100) / 100),
    },
    config: { runs: results.config.runs, seed: results.config.seed, noisePct: results.config.noisePct ?? 2, alpha },
    variants: results.variants.map(recordVariant),
    verdicts: recordVerdicts(results.comparisons, index, alpha),
    ...(results.winnerComparisons && results.winnerComparisons.length > 0 ? { winners: recordVerdicts(results.winnerComparisons, index, alpha) } : {}),
    ...(results.drift && results.drift.length > 0 ? { drift: recordDrift(results.drift) } : {}),
  };
}
