// The table printed at the end of a run: one row per variant.
import { doesNotStart, isDoesNotStartReason, statusWord } from '../results/variant-status.ts';
import type { Comparison, ResultsFile } from '../results/schema.ts';
import { describeFailedBuilds } from '../results/failed-builds.ts';
import { describeMostlyBusy } from '../results/busy-builds.ts';
import { describeArtifactDigests } from '../results/artifact-digests.ts';
import { findMetric } from '../results/metrics.ts';
import { describeBetweenWinners, describeDrift, describeMethod, describeModes, describeTrend, driftWhere, formatComparison } from '../stats/index.ts';
import { formatBytes, formatMs, formatTable, stripControl } from './terminal.ts';

/**
 * The table printed at the end of a run: per variant its median build and range (ms), the tree's peak RSS, the
 * artifact's bytes, first/warm start-up and its status, as aligned text lines (no trailing newline).
 */
export function formatRunTable(results: ResultsFile): string {
  // A status longer than this goes under the table, whole: one PEX SCIE reason made every row 1,158 characters wide.
  const below: string[] = [];
  const rows = results.variants.map((v) => {
    const wall = v.stats.wallMs;
    const failedBuilds = describeFailedBuilds(v);
    // A reason that begins with its own status word ("built, does not start: …") is not prefixed twice.
    const why = isDoesNotStartReason(v.reason) ? (v.reason ?? '') : `${statusWord(v)}: ${v.reason ?? ''}`;
    const full = v.status === 'ok' && !doesNotStart(v) ? (failedBuilds ? `ok; ${failedBuilds}` : 'ok') : [why, failedBuilds].filter(Boolean).join('; ');
    const status = full.length <= STATUS_WIDTH ? full : `${statusWord(v)} (see below)`;
    if (status !== full) below.push(stripControl(`${v.id}: ${full}`));
    return [
      v.id + (v.baseline ? ' (baseline)' : ''),
      wall ? formatMs(wall.median) : '–',
      wall ? `${formatMs(wall.min)} … ${formatMs(wall.max)}` : '–',
      v.stats.treeRssKb ? formatBytes(v.stats.treeRssKb.median * 1024) : '–',
      v.artifact && v.artifact.kind !== 'missing' ? formatBytes(v.artifact.bytes) : '–',
      v.startup?.readyOk && v.startup.firstMs !== null ? `${formatMs(v.startup.firstMs)} / ${v.startup.warmMs === null ? '–' : formatMs(v.startup.warmMs)}` : '–',
      status,
    ];
  });
  const table = formatTable(['variant', 'median', 'min … max', 'peak RSS', 'artifact', 'start-up first / warm', 'status'], rows);
  const warnings = results.variants.flatMap((v) => (v.warnings ?? []).map((w) => stripControl(`warning: ${v.id}: ${w}`)));
  const digests = results.variants.flatMap((v) => (describeArtifactDigests(v) ? [stripControl(`${v.id}: ${describeArtifactDigests(v)}`)] : []));
  return [table, ...below, ...warnings, ...digests, ...modeLines(results)].join('\n');
}

/** The widest status shown in the table's own column. */
const STATUS_WIDTH = 60;

/** "note: s/v@cold: two modes: 2 of 10 builds at ~113 ms …" for every metric a user decides on (build time, start-up) whose samples fall in two groups. */
function modeLines(results: ResultsFile): string[] {
  return results.variants.flatMap((v) =>
    Object.entries(v.stats).flatMap(([metric, s]) => {
      if (!findMetric(metric)?.decides) return [];
      const words = describeModes(s.modes, metric);
      const what = metric === 'wallMs' ? '' : ` (${findMetric(metric)?.label ?? metric})`;
      return words ? [stripControl(`note: ${v.id}${what}: ${words}`)] : [];
    }),
  );
}

/**
 * What the run says about the machine and the winners, after the verdicts: the drift beside the noise of each
 * group and the analysis it chose, a warning for a trend through the run, and the winners compared with each other.
 */
function noiseLines(results: ResultsFile): string[] {
  const lines: string[] = [];
  for (const d of results.drift ?? []) {
    const what = d.metric === 'wallMs' ? '' : ` (${findMetric(d.metric)?.label ?? d.metric})`;
    lines.push(`drift: ${driftWhere(d)}${what}: ${describeDrift(d)}`);
    const trend = describeTrend(d);
    if (trend) lines.push(`warning: ${driftWhere(d)}${what}: ${trend}`);
  }
  const label = (id: string) => results.variants.find((v) => v.id === id)?.variant ?? id;
  for (const c of results.winnerComparisons ?? []) {
    const m = findMetric(c.metric);
    // The cache state too: cold and incremental winners of one scenario are compared apart and may disagree.
    const cache = results.variants.find((v) => v.id === c.baseline)?.cache;
    const where = cache ? driftWhere({ scenario: c.scenario, cache }) : c.scenario;
    lines.push(`among the winners (${where}, ${m?.label.toLowerCase() ?? c.metric}): ${describeBetweenWinners(c, label, m?.words)}`);
  }
  return lines;
}

/**
 * Each variant against its baseline, in words: "s/b@cold vs s/a@cold: 1.32× faster [1.27–1.38], p < 0.001"
 * for build time, then one indented line with every other compared metric ("  also: CPU user+system 1.05×
 * slower […], p = 0.01; Artifact size 1.13× larger (exact: 32.4 MiB vs 28.6 MiB)"), then the methods used.
 */
export function formatVerdicts(results: ResultsFile): string {
  const lines: string[] = [];
  const wall = results.comparisons.filter((c) => c.metric === 'wallMs');
  for (const c of wall) {
    const variant = results.variants.find((v) => v.id === c.variant);
    const pair = [variant, results.variants.find((v) => v.id === c.baseline)];
    const failed = pair.flatMap((v) => (v && describeFailedBuilds(v) ? [`${v.id}: ${describeFailedBuilds(v)}`] : []));
    const note = failed.length > 0 ? ` (${failed.join('; ')})` : '';
    const starts = variant && doesNotStart(variant) ? ' (built, does not start: build figures only)' : '';
    const analysis = 'analysis' in c && c.analysis ? ` [analysis: ${c.analysis}]` : '';
    const mostly = describeMostlyBusy(pair);
    const busy = mostly ? ` — ${mostly}` : '';
    lines.push(`${c.variant}${starts} vs ${c.baseline}: ${formatComparison(c, { metric: c.metric, runs: variant?.samples.length })}${analysis}${note}${busy}`);
    const others = results.comparisons.filter((o) => o.metric !== 'wallMs' && o.variant === c.variant && o.baseline === c.baseline);
    if (others.length > 0) lines.push(`  also: ${others.map((o) => `${findMetric(o.metric)?.label ?? o.metric} ${formatComparison(o, { metric: o.metric })}`).join('; ')}`);
  }
  lines.push(...noiseLines(results));
  const shown = results.comparisons.filter((c) => wall.some((w) => w.variant === c.variant && w.baseline === c.baseline));
  const methods = new Set(shown.map((c) => `${c.method}\u0000${'analysis' in c && c.analysis === 'paired' ? 'paired' : 'independent'}`));
  for (const key of methods) {
    const [method, analysis] = key.split('\u0000') as [Comparison['method'], 'paired' | 'independent'];
    lines.push(`(${describeMethod(method, analysis)})`);
  }
  return lines.map(stripControl).join('\n');
}
