// results.json, schemaVersion 2: the contract between a run and everything that reads it (report, compare,
// history, other tools). Every field carries its unit in its name and a description; the JSON Schema in
// `schema/results.schema.json` is generated from this file.
import { Type, type Static } from '@sinclair/typebox';
import { d, Nullable } from './schema-words.ts';
import { CACHE_STATES } from './cache-states.ts';
import { ComparisonSchema, ComparisonV1Schema } from './comparison-schema.ts';
import { DriftSchema } from './noise-schema.ts';
import { InterferenceConfigSchema } from './interference-schema.ts';
import { SpentSchema } from './spent-schema.ts';
import { ArtifactSchema, LAUNCH_STATES, LaunchSchema, OutlierSchema, SampleSchema, StartupSchema, SummarySchema } from './sample-schema.ts';

export type { Comparison, ExactComparison, SampledComparison, Verdict } from './comparison-schema.ts';
export type { Drift, Mode } from './noise-schema.ts';
export { ArtifactSchema, LAUNCH_STATES, LaunchSchema, OutlierSchema, SampleSchema, StartupSchema, SummarySchema } from './sample-schema.ts';

/**
 * 2: comparisons carry the Hodges–Lehmann ratio, its Moses interval and the exact p (were: ratio of medians,
 * bootstrap interval, mid-p); summaries carry the order-statistic interval of the median. Version 1 files
 * are still read (src/results/io.ts) with their comparisons labelled `bootstrap-median-ratio`.
 */
export const SCHEMA_VERSION = 2;

export const NOT_A_DROP_IN = 'not an externalBin drop-in';

export const STATUSES = ['ok', 'failed', 'unavailable', 'skipped', 'interrupted'] as const;

export const VariantResultSchema = Type.Object({
  id: d('stable id: scenario/variant@cache', Type.String()),
  scenario: d('scenario name', Type.String()),
  variant: d('variant name within the scenario', Type.String()),
  cache: d(`cache state the samples were measured in (${CACHE_STATES.join(', ')})`, Type.Union(CACHE_STATES.map((s) => Type.Literal(s)))),
  baseline: d('true for the variant the others of its scenario and cache state are compared with', Type.Boolean()),
  description: Type.Optional(d('the variant’s description from its scenario', Type.String())),
  ref: Type.Optional(d('git ref the variant was built at (run --ref)', Type.String())),
  fingerprint: Type.Optional(
    d('16 hex digits over the project’s manifests and the build definition (plan/fingerprint.ts); estimates reuse only timings with the same one', Type.String()),
  ),
  status: d('ok: measured; failed: a build or launch failed; unavailable: a required tool is missing; skipped: not run (a producer it needs failed); interrupted: the run stopped first', Type.Union(STATUSES.map((s) => Type.Literal(s)))),
  reason: d('why it failed, is unavailable, was skipped or interrupted, or (status ok, startup.readyOk false) why it built but does not start; otherwise null', Nullable(Type.String())),
  logTail: Type.Optional(d('last 40 lines of the failing sample’s output', Type.Array(Type.String()))),
  setupMs: Type.Optional(d('wall time of the variant’s untimed set-up commands (absent when it has none)', Type.Number())),
  samples: d('the measured builds that succeeded, in run order', Type.Array(SampleSchema)),
  warmups: d('the warm-up builds that succeeded (not in the statistics; a full first build of a warm state is one, unless its cold twin primed it)', Type.Array(SampleSchema)),
  primedFrom: Type.Optional(
    d(
      'the build that left this workdir primed in place of a full first build of its own: the cold twin (same build definition) built here first, in `round` (−1: its first warm-up)',
      Type.Object({ variant: d('variant id of the cold twin', Type.String()), round: d('round of its priming build', Type.Integer()) }),
    ),
  ),
  contaminated: Type.Optional(d('builds measured while other processes used more than config.interference allows: each was re-measured at the end of its round; kept here, out of the statistics', Type.Array(SampleSchema))),
  failures: Type.Optional(
    d('builds that failed (exit code, signal or timeout), warm-ups included: kept with their logs, left out of the statistics', Type.Array(SampleSchema)),
  ),
  artifact: d('what the last successful build produced; null when no build succeeded', Nullable(ArtifactSchema)),
  startup: d('launch-to-ready of the artifact; null when the variant declares no smoke launch or none ran', Nullable(StartupSchema)),
  toolVersions: Type.Optional(
    d('tool → version the variant\'s builds ran with, read from its own builds (its environment, not the tool env); absent when no build said', Type.Record(Type.String(), Type.String(), { additionalProperties: false })),
  ),
  network: Type.Optional(d('true when the variant may use the network (its builds then measure the network too)', Type.Boolean())),
  needs: Type.Optional(
    d('artifacts of other variants this one consumed (`needs`): name → producer variant id, built earlier in the same run', Type.Record(Type.String(), Type.String(), { additionalProperties: false })),
  ),
  warnings: Type.Optional(d('what makes this variant’s numbers less than they seem (a median below the harness’s resolution)', Type.Array(Type.String()))),
  stats: d('metric name → summary of the samples', Type.Record(Type.String(), SummarySchema, { additionalProperties: false })),
});

export const ToolSchema = Type.Object({
  name: d('tool name as the scenarios require it', Type.String()),
  version: d('its version; null when not found or it cannot tell', Nullable(Type.String())),
  path: d('the executable found; null when not found', Nullable(Type.String())),
});

export const EnvironmentSchema = Type.Object({
  os: d('operating system name and version (PRETTY_NAME of /etc/os-release)', Type.String()),
  kernel: d('kernel release (uname -r)', Type.String()),
  arch: d('CPU architecture as Node names it (x64, arm64)', Type.String()),
  cpuModel: d('model name of the first CPU', Type.String()),
  cores: d('logical CPUs', Type.Integer()),
  memoryBytes: d('total memory', Type.Integer()),
  loadAvgBefore: d('1, 5 and 15 minute load averages when the run started', Type.Array(Type.Number())),
  loadAvgAfter: d('1, 5 and 15 minute load averages when it ended (empty while it runs)', Type.Array(Type.Number())),
  node: d('Node.js version running buildbench', Type.String()),
  hostname: d('host name of the machine', Type.String()),
  git: d(
    'state of the git checkout buildbench ran in; null outside one',
    Nullable(
      Type.Object({
        commit: d('HEAD commit hash', Type.String()),
        branch: d('current branch; null on a detached HEAD', Nullable(Type.String())),
        dirty: d('true when the work tree had uncommitted changes', Type.Boolean()),
      }),
    ),
  ),
  tools: d('version and path of every tool the scenarios use', Type.Array(ToolSchema)),
  processCleanup: Type.Optional(
    d(
      'how the processes a build leaves running are found and ended in this run: each build’s own cgroup v2 group, or (where none could be made) the scan of its process group and marker, with why',
      Type.Object({
        method: d('cgroup: every process the build started; scan: a daemon that leaves both its process group and its marker (setsid env -i) is missed', Type.Union([Type.Literal('cgroup'), Type.Literal('scan')])),
        why: Type.Optional(d('why no cgroup could be made (no cgroup v2 hierarchy, no write access …)', Type.String())),
      }),
    ),
  ),
  callerVariables: Type.Optional(
    d(
      'variables of the environment buildbench was started in that change what a build builds or where it goes, by the policy in src/runner/env-policy.ts (a scenario’s env: still wins)',
      Type.Object({
        removed: d('removed from every build’s environment (a calling make’s MAKEFLAGS, a shared CARGO_TARGET_DIR …): name → the value the caller had', Type.Record(Type.String(), Type.String())),
        passed: d('passed on to every build and recorded (RUSTFLAGS, CFLAGS, SOURCE_DATE_EPOCH …): name → value', Type.Record(Type.String(), Type.String())),
      }),
    ),
  ),
});

export const ResultsFileSchema = Type.Object(
  {
    schemaVersion: d('version of this format; readers migrate older versions', Type.Literal(SCHEMA_VERSION)),
    runId: d('unique id of the run, also the default out dir name', Type.String()),
    tool: d('the program that wrote the file', Type.Object({ name: d('its name (buildbench)', Type.String()), version: d('its version', Type.String()) })),
    startedAt: d('ISO 8601', Type.String()),
    finishedAt: d('ISO 8601; null while the run is going on', Nullable(Type.String())),
    interrupted: d('true when the run was stopped before the plan finished', Type.Boolean()),
    config: d('how the run was configured', Type.Object({
      runs: d('rounds per variant (the largest, with --runs auto)', Type.Integer()),
      warmup: d('warm-up builds per variant asked for (a state that starts from a full build gets at least 1)', Type.Integer()),
      seed: d('seed of the shuffled order', Type.Integer()),
      order: d('variant ids per round, in run order', Type.Array(Type.Array(Type.String()))),
      refs: Type.Optional(d('git refs given with --ref, in order; the first is the baseline of the ref comparisons', Type.Array(Type.String()))),
      leftOut: Type.Optional(
        d(
          'variants of the chosen scenarios this run did not measure, and why (a plain run’s `default`s, --quick)',
          Type.Array(Type.Object({ why: d('why they were left out', Type.String()), ids: d('their variant ids', Type.Array(Type.String())) })),
        ),
      ),
      noisePct: Type.Optional(d('differences within ±noisePct % count as no difference (default 2)', Type.Number())),
      alpha: Type.Optional(d('significance level of the comparisons (default 0.05)', Type.Number())),
      stopReason: Type.Optional(d('why adaptive runs stopped', Type.String())),
      finalAlpha: Type.Optional(
        d('with --runs auto: the α of the comparisons at the last look, alpha less the share spent on the interim looks (stats/decide-stop.ts)', Type.Number()),
      ),
      startupAlpha: Type.Optional(
        d('the α of the start-up comparisons when the launch rounds looked for an early stop after each round: alpha less the share spent on those interim looks (stats/decide-stop.ts lookLevels)', Type.Number()),
      ),
      overheadSpreadMs: Type.Optional(
        d('how much that cost varied over the calibration launches (their median minus the floor); with overheadMs, the harness’s resolution', Type.Number()),
      ),
      interference: Type.Optional(d('how builds measured while the machine was busy were treated', InterferenceConfigSchema)),
      overheadMs: Type.Optional(d('the harness’s own cost of starting a build, measured on an empty command and subtracted from every wallMs (as hyperfine subtracts its shell spawn time)', Type.Number())),
    })),
    environment: d('the machine and software the run measured on', EnvironmentSchema),
    scenarios: d(
      'the scenarios the run measured',
      Type.Array(
        Type.Object({
          name: d('scenario name', Type.String()),
          file: d('the scenario file, as given', Type.String()),
          sha256: d('SHA-256 of the file’s text (and of its preset expansion, when it uses one)', Type.String()),
          description: Type.Optional(d('the scenario’s description', Type.String())),
        }),
      ),
    ),
    variants: d('one entry per variant and cache state (and git ref), in plan order', Type.Array(VariantResultSchema)),
    comparisons: d('each variant against its baseline on each compared metric', Type.Array(ComparisonSchema)),
    winnerComparisons: Type.Optional(
      d(
        'where several variants of a group were decided better than its baseline on a metric: each pair of them (baseline = the one nearer the baseline), decided with Holm’s correction across the pairs (holmP)',
        Type.Array(ComparisonSchema),
      ),
    ),
    drift: Type.Optional(d('per scenario and cache state: round effects shared by its variants, drift beside noise, and whether its comparisons were paired', Type.Array(DriftSchema))),
    spentMs: Type.Optional(d('where the run’s wall time went, by part (absent in older files)', SpentSchema)),
  },
  { $id: 'https://buildbench.dev/schema/results.schema.json', title: 'buildbench results, schemaVersion 2' },
);

/** A schemaVersion 1 file: the same but for its comparisons (read, then migrated, by src/results/io.ts). */
export const ResultsFileV1Schema = Type.Object({
  ...ResultsFileSchema.properties,
  schemaVersion: Type.Literal(1),
  comparisons: Type.Array(ComparisonV1Schema),
});

/** The whole results file. */
export type ResultsFile = Static<typeof ResultsFileSchema>;
export type ResultsFileV1 = Static<typeof ResultsFileV1Schema>;
export type VariantResult = Static<typeof VariantResultSchema>;
export type RunSample = Static<typeof SampleSchema>;
export type Summary = Static<typeof SummarySchema>;
export type Outlier = Static<typeof OutlierSchema>;
export type ArtifactInfo = Static<typeof ArtifactSchema>;
export type StartupInfo = Static<typeof StartupSchema>;
export type Launch = Static<typeof LaunchSchema>;
export type LaunchState = (typeof LAUNCH_STATES)[number];
export type Environment = Static<typeof EnvironmentSchema>;
export type ToolInfo = Static<typeof ToolSchema>;
export type VariantStatus = (typeof STATUSES)[number];
