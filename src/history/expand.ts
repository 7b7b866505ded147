// A history record read back as a results file, for the stages that take results files (the pooled
// comparison of `run --history`, the report's trend): the figures the record kept, the summaries recomputed from
// them (stats/), and empty values where the record keeps nothing (logs, phases, largest entries).
import type { Comparison, ResultsFile, VariantResult } from '../results/schema.ts';
import { SCHEMA_VERSION } from '../results/schema.ts';
import { summarizeVariant } from '../stats/metrics.ts';
import type { HistoryRecord, RecordVariant, RecordVerdicts } from './record-schema.ts';
import { metricSource, parseVariantId } from './series.ts';

function expandVariant(v: RecordVariant): VariantResult {
  const { scenario, variant, cache, ref } = parseVariantId(v.id);
  const result: VariantResult = {
    id: v.id,
    scenario,
    variant,
    cache: cache as VariantResult['cache'],
    baseline: v.baseline === true,
    ...(ref ? { ref } : {}),
    status: v.status,
    reason: v.reason ?? null,
    warmups: [],
    ...metricSource(v),
    stats: {},
  };
  result.stats = summarizeVariant(result);
  return result;
}

function expandVerdicts(record: HistoryRecord, t: RecordVerdicts): Comparison[] {
  const ids = record.variants.map((v) => v.id);
  return t.variant.map((vi, i): Comparison => {
    const common = { scenario: parseVariantId(ids[vi]!).scenario, metric: t.metric[i]!, baseline: ids[t.baseline[i]!]!, variant: ids[vi]!, ratio: t.ratio[i]!, verdict: t.verdict[i]! };
    if (t.pValue[i] === null) return { ...common, method: 'exact', baselineValue: Number.NaN, variantValue: Number.NaN, samePct: 0.5 };
    const [ciLow, ciHigh] = [t.ciLow[i] ?? Number.NaN, t.ciHigh[i] ?? Number.NaN];
    const level = 1 - record.config.alpha;
    return { ...common, method: 'hodges-lehmann', ciLow, ciHigh, level, ciConfidence: level, noisePct: record.config.noisePct, medianRatio: t.ratio[i]!, pValue: t.pValue[i]!, ...t.more?.[i] } as Comparison;
  });
}

/**
 * The record as a results file (schemaVersion 2): every kept figure, summaries recomputed from the samples,
 * the verdicts (and the winners' comparisons, and drift) with what the record kept of them, wording fields
 * included (an exact comparison's two values are not kept: NaN).
 * Logs, phases, warm-ups and the run's order are empty. Pure.
 */
export function expandRecord(record: HistoryRecord): ResultsFile {
  const e = record.environment;
  return {
    schemaVersion: SCHEMA_VERSION,
    runId: record.runId,
    tool: { name: 'buildbench', version: 'history record' },
    startedAt: record.startedAt,
    finishedAt: record.finishedAt,
    interrupted: record.interrupted === true,
    config: { runs: record.config.runs, warmup: 0, seed: record.config.seed, order: [], noisePct: record.config.noisePct, alpha: record.config.alpha },
    environment: {
      os: e.os,
      kernel: e.kernel,
      arch: e.arch,
      cpuModel: e.cpuModel,
      cores: e.cores,
      memoryBytes: e.memoryBytes,
      loadAvgBefore: [e.load[0] ?? 0],
      loadAvgAfter: [e.load[1] ?? 0],
      node: e.node,
      hostname: record.runner,
      git: record.commit.sha ? { commit: record.commit.sha, branch: record.commit.branch, dirty: record.commit.dirty === true } : null,
      tools: Object.entries(e.tools).map(([name, version]) => ({ name, version, path: null })),
    },
    scenarios: [],
    variants: record.variants.map(expandVariant),
    comparisons: expandVerdicts(record, record.verdicts),
    ...(record.winners ? { winnerComparisons: expandVerdicts(record, record.winners) } : {}),
    ...(record.drift ? { drift: record.drift } : {}),
  };
}
