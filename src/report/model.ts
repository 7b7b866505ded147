// ResultsFile[] → ReportModel: what every format displays. Several files (runs, machines) merge into one
// model; a variant id that occurs in more than one file is told apart by its hostname, or by its run id
// when the hostnames match too. Nothing here computes a statistic: medians, CIs and verdicts are read
// from `stats` and `comparisons` as the statistics stage wrote them; the winners and the Pareto front of
// each group of variants are derived once here (groups.ts) and only displayed elsewhere. Every string is
// cleaned (common/clean-text.ts).
import { buildGroups, type GroupModel } from './groups.ts';
import { recommend } from './recommend.ts';
import type { BudgetCheck } from '../compare/index.ts';
import type { ArtifactInfo, Comparison, Drift, ResultsFile, StartupInfo, Summary, VariantResult, VariantStatus } from '../results/schema.ts';
import { cleanLine, cleanText } from '../common/clean-text.ts';
import { describeFailedBuilds } from '../results/failed-builds.ts';
import { describeArtifactDigests } from '../results/artifact-digests.ts';
import { buildSources, type SourceModel } from './sources.ts';
import { buildTrend, type TrendPoint } from './trend.ts';
import { representativePhases, type PhaseModel } from './phases.ts';

/** One variant of one run, as the report shows it. */
export interface VariantModel {
  /** Unique in the report: the variant id, with ` (hostname)` or ` (runId)` when ids collide. */
  key: string;
  id: string;
  /** The key without its scenario prefix: what a chart inside the scenario's section calls it. */
  label: string;
  /** What cache states of the same variant share (charts put them side by side): label without the cache. */
  group: string;
  variant: string;
  cache: string;
  baseline: boolean;
  status: VariantStatus;
  reason: string | null;
  /** "k of n builds failed (…)", when some builds failed and the variant was measured on the others. */
  failedBuilds: string | null;
  /** What makes the numbers less than they seem (a median below the harness's resolution). */
  warnings: string[];
  /** "artifact identical in all 6 builds" or "3 distinct artifacts in 3 builds" (results/artifact-digests.ts). */
  artifactBuilds: string | null;
  logTail: string[];
  description: string | null;
  ref: string | null;
  network: boolean;
  /** Index into ReportModel.sources. */
  source: number;
  stats: Record<string, Summary>;
  /** Measured samples in run order; `outlier` is the statistics stage's flag for that round. */
  samples: { round: number; wallMs: number; outlier: boolean; cacheCheck: string | null }[];
  artifact: ArtifactInfo | null;
  startup: StartupInfo | null;
  phases: PhaseModel | null;
  /** Ids of the variants whose artifacts it consumed (`needs`), in the same run (same `source`). */
  producers: string[];
}

/** A comparison with its variant and baseline ids replaced by report keys. */
export type ComparisonModel = Comparison;

export interface ScenarioModel {
  name: string;
  /** File-name-safe and unique: charts/<slug>-<chart>.png. */
  slug: string;
  description: string | null;
  variants: VariantModel[];
  comparisons: ComparisonModel[];
  /** The winners of a metric compared with each other (results winnerComparisons), keys as in `comparisons`. */
  winnerComparisons: ComparisonModel[];
  /** Drift records of the scenario's groups (results drift), each with the run it came from. */
  drift: (Drift & { source: number })[];
  /** The variants that share a baseline (cache state, run, git ref), with their winners and Pareto front. */
  groups: GroupModel[];
  /** Median wall time per variant id across history and these runs, oldest first. */
  trend: TrendPoint[];
  /** The recommendation paragraph, made only from measured data (report/recommend.ts); one per run. */
  recommendations: string[];
}

/** The run against earlier results (run --baseline / --history): one section per comparison made. */
export interface AgainstModel {
  /** "against baseline/results.json", "against the last 5 runs of history/". */
  title: string;
  comparisons: Comparison[];
  /** Variant ids slower than the baseline by more than the threshold. */
  regressions: string[];
  thresholdPct: number;
  /** Regressions an acknowledgement in effect covers (.buildbench/acknowledged.yaml): shown, not failing. */
  acknowledged?: { variant: string; metric: string; ratio: number; why: string; until: string }[];
  /** Acknowledgements that matched but expired, or accept less than was measured. */
  notes?: string[];
}

export interface ReportModel {
  title: string;
  sources: SourceModel[];
  scenarios: ScenarioModel[];
  /** Comparisons with earlier runs, when the run was given a baseline or a history. */
  against?: AgainstModel[];
  /** The limits of the scenarios' `budget:`, judged on this run. */
  budgets?: BudgetCheck[];
}

export interface ModelInput {
  results: readonly ResultsFile[];
  /** Earlier results files, sorted by time; adds trend charts. */
  history?: readonly ResultsFile[];
}

/** Builds the report model from one or many results files. */
export function buildReportModel({ results, history = [] }: ModelInput): ReportModel {
  const keys = assignKeys(results);
  const scenarios = new Map<string, ScenarioModel>();
  const slugs = new Set<string>();
  const scenarioOf = (raw: string, description: string | undefined): ScenarioModel => {
    const name = cleanLine(raw);
    let scenario = scenarios.get(name);
    if (!scenario) {
      scenario = { name, slug: uniqueSlug(name, slugs), description: null, variants: [], comparisons: [], winnerComparisons: [], drift: [], groups: [], trend: [], recommendations: [] };
      scenarios.set(name, scenario);
    }
    if (description && !scenario.description) scenario.description = cleanText(description);
    return scenario;
  };
  results.forEach((file, source) => {
    for (const s of file.scenarios) scenarioOf(s.name, s.description);
    file.variants.forEach((v, index) =>
      scenarioOf(v.scenario, undefined).variants.push(toVariant(v, source, keys.byVariant.get(`${source}:${index}`)!)),
    );
    const rekey = (id: string) => keys.byId.get(`${source}\u0000${id}`) ?? cleanLine(id);
    const rekeyed = (c: Comparison): Comparison => ({ ...c, scenario: cleanLine(c.scenario), metric: cleanLine(c.metric), baseline: rekey(c.baseline), variant: rekey(c.variant) });
    for (const c of file.comparisons) scenarioOf(c.scenario, undefined).comparisons.push(rekeyed(c));
    for (const c of file.winnerComparisons ?? []) scenarioOf(c.scenario, undefined).winnerComparisons.push(rekeyed(c));
    for (const d of file.drift ?? []) {
      scenarioOf(d.scenario, undefined).drift.push({ ...d, scenario: cleanLine(d.scenario), ref: d.ref === undefined ? undefined : cleanLine(d.ref), variants: d.variants.map(rekey), rule: cleanLine(d.rule), source });
    }
  });
  for (const scenario of scenarios.values()) {
    scenario.groups = buildGroups(scenario);
    scenario.recommendations = recommendations(scenario, results);
    scenario.trend = buildTrend({ scenario: scenario.name, history, results });
  }
  return { title: 'buildbench report', sources: buildSources(results), scenarios: [...scenarios.values()] };
}

/** One recommendation paragraph per run that measured the scenario, prefixed with the run when there are several. */
function recommendations(scenario: ScenarioModel, results: readonly ResultsFile[]): string[] {
  const sources = [...new Set(scenario.variants.map((v) => v.source))].sort((a, b) => a - b);
  return sources.map((source) => {
    const file = results[source]!;
    const where = results.length > 1 ? `On ${file.environment.hostname} (${file.runId}): ` : '';
    return cleanText(where + recommend({ scenario, source }), 4000);
  });
}

function toVariant(v: VariantResult, source: number, { key, suffix }: KeyPart): VariantModel {
  const outlierRounds = new Set((v.stats.wallMs?.outliers ?? []).map((o) => o.round));
  return {
    key,
    id: cleanLine(v.id),
    label: cleanLine(withoutScenario(v)) + suffix,
    group: groupOf(v, suffix),
    variant: cleanLine(v.variant),
    cache: v.cache,
    baseline: v.baseline,
    status: v.status,
    reason: v.reason === null ? null : cleanText(v.reason, 2000),
    failedBuilds: describeFailedBuilds(v),
    warnings: (v.warnings ?? []).map((w) => cleanText(w)),
    artifactBuilds: describeArtifactDigests(v),
    logTail: (v.logTail ?? []).slice(-40).map((line) => cleanLine(line)),
    description: v.description ? cleanText(v.description) : null,
    ref: v.ref ? cleanLine(v.ref) : null,
    network: v.network ?? false,
    source,
    stats: v.stats,
    samples: v.samples.map((s) => ({
      round: s.round,
      wallMs: s.wallMs,
      outlier: outlierRounds.has(s.round),
      cacheCheck: s.cacheCheck && s.cacheCheck !== 'ok' ? cleanLine(s.cacheCheck) : null,
    })),
    artifact: v.artifact && { ...v.artifact, path: cleanLine(v.artifact.path), largest: v.artifact.largest.slice(0, 10).map((e) => ({ path: cleanLine(e.path), bytes: e.bytes })) },
    startup: v.startup && { ...v.startup, ...(v.startup.error === undefined ? {} : { error: cleanText(v.startup.error) }) },
    phases: representativePhases(v),
    producers: Object.values(v.needs ?? {}).map((id) => cleanLine(id)),
  };
}

const withoutScenario = (v: VariantResult) => (v.id.startsWith(`${v.scenario}/`) ? v.id.slice(v.scenario.length + 1) : v.id);

/** The id minus its scenario prefix and cache suffix, plus the key's suffix: "onefile (host-a)". */
function groupOf(v: VariantResult, suffix: string): string {
  let core = withoutScenario(v);
  if (core.endsWith(`@${v.cache}`)) core = core.slice(0, -(v.cache.length + 1));
  return cleanLine(core) + suffix;
}

/** Where a variant's key comes from: the id, plus a suffix that tells apart ids found in several files. */
interface KeyPart {
  key: string;
  suffix: string;
}

/**
 * Report keys per variant (`source:index`) and per id a comparison may name (`source\0id`): the id alone
 * where it is unique across the files, else with the hostname, else with hostname and run id.
 */
function assignKeys(results: readonly ResultsFile[]): { byVariant: Map<string, KeyPart>; byId: Map<string, string> } {
  const owners = new Map<string, { source: number; index: number }[]>();
  results.forEach((file, source) =>
    file.variants.forEach((v, index) => owners.set(v.id, [...(owners.get(v.id) ?? []), { source, index }])),
  );
  const byVariant = new Map<string, KeyPart>();
  const byId = new Map<string, string>();
  const taken = new Set<string>();
  for (const [id, places] of owners) {
    const hosts = places.map((p) => results[p.source]!.environment.hostname);
    const hostsDistinct = new Set(hosts).size === places.length;
    places.forEach(({ source, index }, i) => {
      const runId = results[source]!.runId;
      let suffix = places.length === 1 ? '' : cleanLine(` (${hostsDistinct ? hosts[i] : `${hosts[i]} ${runId}`})`, 120);
      for (let n = 2; taken.has(cleanLine(id) + suffix); n += 1) suffix = suffix.replace(/( #\d+)?$/, ` #${n}`);
      const key = cleanLine(id) + suffix;
      taken.add(key);
      byVariant.set(`${source}:${index}`, { key, suffix });
      if (!byId.has(`${source}\u0000${id}`)) byId.set(`${source}\u0000${id}`, key);
    });
  }
  return { byVariant, byId };
}

function uniqueSlug(name: string, taken: Set<string>): string {
  const base = name.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'scenario';
  let slug = base;
  for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}
