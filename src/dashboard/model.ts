// What the dashboard shows, computed once from a history: per scenario, per metric that decides, one line per
// variant and runner over the runs (median, min and max of each run's values), and the change points the
// history's analysis (history/changes.ts) found in those series, and on top the newest run's decision tables as
// report.html builds them (report/decision.ts, from the run's record expanded back into a results file). Nothing
// here tests anything: the change points and creeps are findChanges' output.
import { collectSeries, expandRecord, findChanges, parseVariantId, type ChangeFinding, type CreepFinding, type HistoryRecord } from '../history/index.ts';
import { buildReportModel, type ScenarioModel } from '../report/index.ts';
import { findMetric } from '../results/metrics.ts';
import { median } from '../stats/descriptive.ts';

/** The metrics a team decides on, in the order their charts appear. */
export const DASHBOARD_METRICS = ['wallMs', 'pipelineMs', 'bytes', 'startupFirstMs', 'startupWarmMs'] as const;

/** One run on the x axis: its position in the history (oldest first) and how the axis labels it. */
export interface RunColumn {
  runId: string;
  startedAt: string;
  /** The commit's first 8 hex digits, or the run id when the run has no commit. */
  label: string;
  runner: string;
  /** Where the run's report.html is, as the site links it (reportLinks); absent when none was kept. */
  report?: string;
}

/** One line of a chart: a variant (with cache state and ref) on one runner. `points[i]` is null where the run did not measure it. */
export interface Line {
  series: string;
  name: string;
  runner: string;
  /** Per run column: [median, min, max] of the run's values, or null. */
  points: ([number, number, number] | null)[];
}

/** A change point as listed under the chart: the two runs (by column), their commits, the step. */
export interface ChangeMark extends Pick<ChangeFinding, 'series' | 'ratio' | 'ciLow' | 'ciHigh' | 'p' | 'direction' | 'inEffect'> {
  line: string;
  beforeColumn: number;
  afterColumn: number;
  beforeCommit: string;
  afterCommit: string;
}

/** A creep as drawn and listed under the chart: its first and last run (by column), the fitted trend, its size. */
export interface CreepMark extends Pick<CreepFinding, 'series' | 'ratio' | 'ciLow' | 'ciHigh' | 'direction' | 'runs' | 'level'> {
  line: string;
  fromColumn: number;
  toColumn: number;
  fromCommit: string;
  toCommit: string;
}

export interface MetricChart {
  metric: string;
  title: string;
  unit: string;
  lines: Line[];
  changes: ChangeMark[];
  creeps: CreepMark[];
}

/** The newest run of one runner that measured the scenario, with the scenario as report.html models it. */
export interface LatestRun {
  column: number;
  runner: string;
  scenario: ScenarioModel;
}

export interface ScenarioPage {
  name: string;
  /** File name of its page, unique in the site. */
  file: string;
  runs: number;
  /** Per runner, its newest run of the scenario, newest first. */
  latest: LatestRun[];
  charts: MetricChart[];
}

export interface DashboardModel {
  columns: RunColumn[];
  scenarios: ScenarioPage[];
  /** Runs of each runner the change points were sought in (the newest); undefined: every run. */
  lastRuns?: number;
  /** Runs of the history left out of the change-point analysis (older than the last `lastRuns` of their runner). */
  unanalysedRuns: number;
}

const shortLabel = (r: HistoryRecord) => (r.commit.sha ? r.commit.sha.slice(0, 8) : r.runId);

/** The newest `lastRuns` records of each runner, in history order: what the change points are sought in. */
export function lastRunsPerRunner(records: readonly HistoryRecord[], lastRuns: number): HistoryRecord[] {
  const kept = new Set<HistoryRecord>();
  const seen = new Map<string, number>();
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i]!;
    const n = seen.get(r.runner) ?? 0;
    if (n < lastRuns) kept.add(r);
    seen.set(r.runner, n + 1);
  }
  return records.filter((r) => kept.has(r));
}

/** A file name for the page of scenario number `index`: `scenario-<index>-<name with A-Za-z0-9._- kept>.html`. */
export function scenarioFile(name: string, index: number): string {
  return `scenario-${index + 1}-${name.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 60)}.html`;
}

const commitOf = (r: { commit: string | null; runId: string }) => r.commit?.slice(0, 8) ?? r.runId;

/** Per runner, its newest record that measured `scenario` (newest first), with that run's scenario as report.html models it. */
function latestRuns(records: readonly HistoryRecord[], scenario: string): LatestRun[] {
  const seen = new Set<string>();
  const out: LatestRun[] = [];
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i]!;
    if (seen.has(r.runner) || !r.variants.some((v) => parseVariantId(v.id).scenario === scenario)) continue;
    seen.add(r.runner);
    const model = buildReportModel({ results: [expandRecord(r)] }).scenarios.find((sc) => sc.name === scenario);
    if (model) out.push({ column: i, runner: r.runner, scenario: model });
  }
  return out;
}

type Found = ReturnType<typeof findChanges>;

/** The change points and creeps of series `id`, drawn on the line `name`, by column. */
function marksOf(found: Found, id: string, name: string, columnOf: ReadonlyMap<string, number>): Pick<MetricChart, 'changes' | 'creeps'> {
  const changes = found.changes.filter((c) => c.series === id).map((c): ChangeMark => ({
    series: c.series, line: name, ratio: c.ratio, ciLow: c.ciLow, ciHigh: c.ciHigh, p: c.p, direction: c.direction, inEffect: c.inEffect,
    beforeColumn: columnOf.get(c.before.runId)!, afterColumn: columnOf.get(c.after.runId)!, beforeCommit: commitOf(c.before), afterCommit: commitOf(c.after),
  }));
  const creeps = found.creeps.filter((c) => c.series === id).map((c): CreepMark => ({
    series: c.series, line: name, ratio: c.ratio, ciLow: c.ciLow, ciHigh: c.ciHigh, direction: c.direction, runs: c.runs, level: c.level,
    fromColumn: columnOf.get(c.from.runId)!, toColumn: columnOf.get(c.to.runId)!, fromCommit: commitOf(c.from), toCommit: commitOf(c.to),
  }));
  return { changes, creeps };
}

/**
 * The dashboard of `records` (a history, oldest first, as readHistory gives it): one page per scenario, one chart
 * per metric of DASHBOARD_METRICS with a value, one line per variant × runner, and on top each runner's newest
 * run's decision tables. Change points and creeps come from findChanges over every run, or the last `lastRuns`
 * runs of each runner (`noisePct`, `alpha` as for `history DIR`). `reports` maps a run id to the link of its
 * report.html (reportLinks); a run without one has no link.
 */
export function buildDashboard(records: readonly HistoryRecord[], opts: { lastRuns?: number; noisePct?: number; alpha?: number; reports?: ReadonlyMap<string, string> }): DashboardModel {
  const columns = records.map((r): RunColumn => {
    const report = opts.reports?.get(r.runId);
    return { runId: r.runId, startedAt: r.startedAt, label: shortLabel(r), runner: r.runner, ...(report ? { report } : {}) };
  });
  const analysed = opts.lastRuns === undefined ? records : lastRunsPerRunner(records, opts.lastRuns);
  const columnOf = new Map(records.map((r, i) => [r.runId, i]));
  const found = findChanges(analysed, { noisePct: opts.noisePct, alpha: opts.alpha });
  const wanted = new Set<string>(DASHBOARD_METRICS);
  const byScenario = new Map<string, Map<string, MetricChart>>();
  const runsOf = new Map<string, Set<number>>();
  for (const s of collectSeries(records)) {
    if (!wanted.has(s.metric)) continue;
    const { scenario, variant, cache, ref } = parseVariantId(s.variant);
    const charts = byScenario.get(scenario) ?? new Map<string, MetricChart>();
    byScenario.set(scenario, charts);
    const metric = findMetric(s.metric)!;
    let chart = charts.get(s.metric);
    if (!chart) charts.set(s.metric, (chart = { metric: s.metric, title: metric.label, unit: metric.unit, lines: [], changes: [], creeps: [] }));
    const points: Line['points'] = records.map(() => null);
    const runs = runsOf.get(scenario) ?? new Set<number>();
    runsOf.set(scenario, runs);
    for (const p of s.points) {
      points[p.run] = [median(p.values), Math.min(...p.values), Math.max(...p.values)];
      runs.add(p.run);
    }
    const name = `${variant}@${cache}${ref ? `#${ref}` : ''} [${s.runner}]`;
    chart.lines.push({ series: s.id, name, runner: s.runner, points });
    const marks = marksOf(found, s.id, name, columnOf);
    chart.changes.push(...marks.changes);
    chart.creeps.push(...marks.creeps);
  }
  const scenarios = [...byScenario].map(([name, charts], index): ScenarioPage => ({
    name,
    file: scenarioFile(name, index),
    runs: runsOf.get(name)?.size ?? 0,
    latest: latestRuns(records, name),
    charts: DASHBOARD_METRICS.flatMap((m) => (charts.has(m) ? [charts.get(m)!] : [])),
  }));
  return { columns, scenarios, ...(opts.lastRuns === undefined ? {} : { lastRuns: opts.lastRuns }), unanalysedRuns: records.length - analysed.length };
}
