// The numbers behind every chart, as rows of display strings that the HTML template and the Markdown
// summary both print — one place decides how a figure reads.
import { doesNotStart, statusWord } from '../results/variant-status.ts';
import { formatBytes, formatMedianCi, formatMs } from '../results/units.ts';
import type { ScenarioModel, VariantModel } from './model.ts';
import { shownValue, valueOf } from './metrics.ts';
import { compareWithBaseline } from './verdict.ts';

export interface VariantRow {
  key: string;
  description: string | null;
  ref: string | null;
  network: boolean;
  cache: string;
  status: string;
  /** "k of n builds failed (…)", or empty. */
  failedBuilds: string;
  baseline: boolean;
  n: string;
  wall: string;
  versus: string;
  cv: string;
  cpu: string;
  rss: string;
  artifact: string;
  debug: string;
  files: string;
  startupFirst: string;
  startupWarm: string;
}

const kib = (kb: number) => formatBytes(kb * 1024);

/** One row per variant of the scenario, every figure formatted in its unit (medians with their 95% interval); failed variants say their status. */
export function variantRows(sc: ScenarioModel): VariantRow[] {
  return sc.variants.map((v) => {
    const wall = v.stats.wallMs;
    const ok = v.status === 'ok';
    return {
      key: v.key,
      description: v.description,
      ref: v.ref,
      network: v.network,
      cache: v.cache,
      status: statusWord(v),
      failedBuilds: [v.failedBuilds, ...v.warnings, v.artifactBuilds].filter(Boolean).join('; '),
      baseline: v.baseline,
      n: wall ? String(wall.n) : String(v.samples.length),
      wall: ok ? formatMedianCi(wall) : '—',
      versus: ok ? compareWithBaseline({ scenario: sc, v, metric: 'wallMs', value: valueOf('wallMs') }) : `${v.status}: ${v.reason ?? 'no reason recorded'}`,
      cv: wall ? `${(wall.cv * 100).toFixed(1)}%` : '—',
      cpu: formatMedianCi(v.stats.userMs),
      rss: formatMedianCi(v.stats.maxRssKb, kib),
      artifact: formatBytes(shownValue(v, 'bytes')),
      debug: v.artifact && v.artifact.debugBytes > 0 ? formatBytes(v.artifact.debugBytes) : '—',
      files: v.artifact ? String(v.artifact.files) : '—',
      startupFirst: formatMs(shownValue(v, 'startupFirstMs')),
      startupWarm: formatMs(shownValue(v, 'startupWarmMs')),
    };
  });
}

export interface ArtifactRow {
  key: string;
  path: string;
  kind: string;
  bytes: string;
  debug: string;
  files: string;
  sha256: string;
  fingerprint: string;
  mismatch: string[];
  largest: { path: string; bytes: string }[];
}

/** One row per variant with an artifact: path, kind, bytes, split debug bytes, files, digest prefix, fingerprint, largest entries. */
export function artifactRows(sc: ScenarioModel): ArtifactRow[] {
  return sc.variants.flatMap((v) => {
    const a = v.artifact;
    if (!a) return [];
    const fp = a.fingerprint ?? {};
    const fingerprint = [fp.linker && `linker ${fp.linker}`, fp.debugInfo && `debug info ${fp.debugInfo}`, fp.packager, fp.shape].filter(Boolean);
    return [
      {
        key: v.key,
        path: a.path,
        kind: a.kind,
        bytes: formatBytes(a.bytes),
        debug: formatBytes(a.debugBytes),
        files: String(a.files),
        sha256: a.sha256.slice(0, 16),
        fingerprint: fingerprint.join(', ') || '—',
        mismatch: fp.mismatch ?? [],
        largest: a.largest.map((e) => ({ path: e.path, bytes: formatBytes(e.bytes) })),
      },
    ];
  });
}

export interface SampleTable {
  rounds: number[];
  rows: { key: string; cells: { text: string; outlier: boolean; note: string | null }[] }[];
}

/** Samples by round: one column per round, so drift reads left to right. */
export function sampleTable(sc: ScenarioModel): SampleTable {
  const rounds = [...new Set(sc.variants.flatMap((v) => v.samples.map((p) => p.round)))].sort((a, b) => a - b);
  const rows = sc.variants
    .filter((v) => v.samples.length > 0)
    .map((v) => ({
      key: v.key,
      cells: rounds.map((r) => {
        const p = v.samples.find((x) => x.round === r);
        return { text: p ? formatMs(p.wallMs) : '', outlier: p?.outlier ?? false, note: p?.cacheCheck ?? null };
      }),
    }));
  return { rounds, rows };
}

/** One row per variant with phases: the basis of the figures and each phase's duration and end time. */
export function phaseRows(sc: ScenarioModel): { key: string; basis: string; phases: string }[] {
  return sc.variants.flatMap((v) =>
    v.phases
      ? [
          {
            key: v.key,
            basis: v.phases.basis,
            phases: [
              ...v.phases.phases.map((p) => `${p.name} ${formatMs(p.durationMs)} (ends ${formatMs(p.endMs)})`),
              ...(v.phases.missing.length > 0 ? [`no output line matched: ${v.phases.missing.join(', ')}`] : []),
            ].join(' · '),
          },
        ]
      : [],
  );
}

export interface TrendTable {
  runs: { runId: string; startedAt: string }[];
  rows: { id: string; cells: string[] }[];
}

/** The trend as a table: one column per run (oldest first), one row per variant id, each cell a median build time with its 95% interval. */
export function trendTable(sc: ScenarioModel): TrendTable {
  const runs = [...new Map(sc.trend.map((p) => [p.runId, { runId: p.runId, startedAt: p.startedAt }])).values()];
  const ids = [...new Set(sc.trend.map((p) => p.id))];
  return {
    runs,
    rows: ids.map((id) => ({
      id,
      cells: runs.map((r) => {
        const p = sc.trend.find((t) => t.id === id && t.runId === r.runId);
        return p ? `${formatMs(p.medianMs)} [${formatMs(p.ciLowMs)}–${formatMs(p.ciHighMs)}]` : '—';
      }),
    })),
  };
}

/** Variants that produced no numbers or built but do not start, with the reason and the end of their log. */
export function failures(scenarios: ScenarioModel[]): (Pick<VariantModel, 'key' | 'logTail'> & { scenario: string; status: string; reason: string })[] {
  return scenarios.flatMap((sc) =>
    sc.variants
      .filter((v) => v.status !== 'ok' || doesNotStart(v))
      .map((v) => ({ scenario: sc.name, key: v.key, status: statusWord(v), reason: v.reason ?? 'no reason recorded', logTail: v.logTail })),
  );
}
