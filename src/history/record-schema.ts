// A history record: one run of buildbench, kept compact enough that a thousand of them live in a git branch.
// It holds every successful build's figures (wall, CPU, peak RSS), the artifact's sizes, every start-up
// launch, the run's verdicts, the commit and the runner — and no logs, phases or file lists. Columns, not rows:
// a variant's samples are one array per figure, the verdicts one array per field, so a field name is written
// once per variant rather than once per sample (github-action-benchmark's data.js repeated every commit per
// entry and grew to megabytes). Variant ids are written once per record; everything else points at them by
// index. One file per run, named by its run id (store.ts), so two runs never edit the same file.
import { Type, type Static } from '@sinclair/typebox';
import { d, Nullable } from '../results/schema-words.ts';
import { STATUSES } from '../results/schema.ts';
import { VERDICTS } from '../results/comparison-schema.ts';
import { DriftSchema } from '../results/noise-schema.ts';

/** The value of `format`: readers refuse other values (a later version would be migrated where they read). */
export const RECORD_FORMAT = 'buildbench-history/1';

const Numbers = (description: string) => d(description, Type.Array(Type.Number()));

/** The successful builds of one variant, one array per figure, all of the same length, in run order. */
export const RecordSamplesSchema = Type.Object({
  round: d('round of each build (1-based)', Type.Array(Type.Integer())),
  position: d('position of the variant within that round', Type.Array(Type.Integer())),
  wallMs: Numbers('wall time, ms, to 0.1 ms'),
  userMs: Numbers('user CPU of the process tree, ms, to 0.1 ms'),
  sysMs: Numbers('system CPU of the process tree, ms, to 0.1 ms'),
  maxRssKb: Numbers('peak RSS of the largest process, KiB (0: not measured)'),
  treeRssKb: Numbers('peak summed RSS of the process group, KiB (0: not measured)'),
  pipelineMs: Type.Optional(d('this build plus its producers’ builds of the same rank, ms (variants with `needs`); null where none', Type.Array(Nullable(Type.Number())))),
});

/** One variant (and cache state, and git ref) of the run. */
export const RecordVariantSchema = Type.Object({
  id: d('variant id, scenario/variant@cache[#ref]: the only place a record names it', Type.String()),
  baseline: Type.Optional(d('true for the baseline of its scenario and cache state', Type.Literal(true))),
  status: d('as in results.json: ok, failed, unavailable, skipped, interrupted', Type.Union(STATUSES.map((s) => Type.Literal(s)))),
  reason: Type.Optional(d('why it is not ok, its first line, at most 200 characters', Type.String())),
  fingerprint: Type.Optional(d('16 hex digits over the project’s manifests and the build definition', Type.String())),
  samples: RecordSamplesSchema,
  failedBuilds: Type.Optional(d('builds that failed (exit code, signal or time-out), warm-ups included', Type.Integer())),
  artifact: Type.Optional(
    d(
      'sizes of what the last successful build produced (absent when nothing was produced)',
      Type.Object({
        bytes: d('artifact size, bytes', Type.Integer()),
        debugBytes: d('split debug info beside it, bytes', Type.Integer()),
        files: d('regular files and symlinks', Type.Integer()),
        installedBytes: Type.Optional(d('installed size of a package, bytes', Type.Integer())),
        sha256: d('first 16 hex digits of the artifact’s digest: whether two runs shipped the same thing', Type.String()),
      }),
    ),
  ),
  launches: Type.Optional(
    d(
      'every start-up launch that became ready, one array per field',
      Type.Object({
        state: d('one letter per launch: f first launch (extraction caches empty), w warm launch', Type.String({ pattern: '^[fw]*$' })),
        round: d('start-up round of each launch', Type.Array(Type.Integer())),
        ms: Numbers('exec to ready, ms, to 0.1 ms'),
      }),
    ),
  ),
  extractBytes: Type.Optional(d('median bytes a first launch extracted', Type.Integer())),
  readyOk: Type.Optional(d('false when a launch never became ready', Type.Boolean())),
});

/** The run's comparisons with its baselines, one array per field, all of the same length. */
export const RecordVerdictsSchema = Type.Object({
  variant: d('index into variants of the compared variant', Type.Array(Type.Integer())),
  baseline: d('index into variants of its baseline', Type.Array(Type.Integer())),
  metric: d('metric name of the registry (src/results/metrics.ts)', Type.Array(Type.String())),
  ratio: Numbers('variant / baseline: Hodges–Lehmann ratio, or the exact ratio of sizes'),
  ciLow: d('low end of the interval of the ratio; null for an exact comparison', Type.Array(Nullable(Type.Number()))),
  ciHigh: d('high end of the interval; null for an exact comparison', Type.Array(Nullable(Type.Number()))),
  pValue: d('Mann-Whitney p; null for an exact comparison', Type.Array(Nullable(Type.Number()))),
  verdict: d('faster, slower, no difference or inconclusive', Type.Array(Type.Union(VERDICTS.map((v) => Type.Literal(v))))),
  more: Type.Optional(
    d(
      'the other fields of each comparison that its wording reads (WORDING_FIELDS of make-record.ts: level when not 1 − alpha, ciConfidence, eqLow, eqHigh, runsNeeded, analysis …), null where it has none; absent when no comparison has any',
      Type.Array(Nullable(Type.Record(Type.String(), Type.Union([Type.Number(), Type.String()])))),
    ),
  ),
});

export const HistoryRecordSchema = Type.Object(
  {
    format: d(`always "${RECORD_FORMAT}"`, Type.Literal(RECORD_FORMAT)),
    runId: d('the run id of results.json; also the file name', Type.String()),
    startedAt: d('ISO 8601', Type.String()),
    finishedAt: d('ISO 8601; null when the run never finished', Nullable(Type.String())),
    interrupted: Type.Optional(d('true when the run was stopped before its plan finished', Type.Literal(true))),
    commit: d(
      'the commit measured, once per run',
      Type.Object({
        sha: d('commit hash; null when the run was not in a git checkout', Nullable(Type.String())),
        branch: d('branch; null on a detached HEAD', Nullable(Type.String())),
        dirty: Type.Optional(d('true when the work tree had uncommitted changes', Type.Literal(true))),
        subject: Type.Optional(d('first line of the commit message, at most 100 characters', Type.String())),
        committedAt: Type.Optional(d('committer date, ISO 8601', Type.String())),
      }),
    ),
    runner: d('label of the machine kind: series are kept apart per runner', Type.String()),
    reportUrl: Type.Optional(
      d(
        'where this run’s report was kept (`history add --report-url`): an http(s) URL, or a path relative to the history folder; absent when none was kept',
        Type.String(),
      ),
    ),
    environment: d(
      'what the run measured on',
      Type.Object({
        fingerprint: d('16 hex digits over os, kernel, arch, CPU model, cores, memory, Node and tool versions: equal when nothing of these changed', Type.String()),
        os: d('operating system name and version', Type.String()),
        kernel: d('kernel release', Type.String()),
        arch: d('CPU architecture as Node names it', Type.String()),
        cpuModel: d('model name of the first CPU', Type.String()),
        cores: d('logical CPUs', Type.Integer()),
        memoryBytes: d('total memory, bytes', Type.Integer()),
        node: d('Node.js version running buildbench', Type.String()),
        tools: d('tool name → version (null when not found)', Type.Record(Type.String(), Nullable(Type.String()))),
        load: d('1-minute load average before and after the run', Type.Array(Type.Number())),
      }),
    ),
    config: d(
      'how the run was configured',
      Type.Object({
        runs: d('rounds per variant', Type.Integer()),
        seed: d('seed of the shuffled order', Type.Integer()),
        noisePct: d('the noise band of its verdicts, %', Type.Number()),
        alpha: d('the significance level of its verdicts', Type.Number()),
      }),
    ),
    variants: d('every variant of the run, in plan order', Type.Array(RecordVariantSchema)),
    verdicts: RecordVerdictsSchema,
    winners: Type.Optional(d('the winners of a metric compared with each other (results winnerComparisons), as verdicts are kept', RecordVerdictsSchema)),
    drift: Type.Optional(d('the run’s drift records as results.json has them (round effects to 4 decimals)', Type.Array(DriftSchema))),
  },
  { $id: 'https://buildbench.dev/schema/history-record.schema.json', title: `buildbench history record, ${RECORD_FORMAT}` },
);

/** One run as a history keeps it. */
export type HistoryRecord = Static<typeof HistoryRecordSchema>;
export type RecordVariant = Static<typeof RecordVariantSchema>;
export type RecordSamples = Static<typeof RecordSamplesSchema>;
export type RecordVerdicts = Static<typeof RecordVerdictsSchema>;
