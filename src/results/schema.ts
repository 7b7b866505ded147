// results.json, schemaVersion 2: the contract between a run and everything that reads it (report, compare,
// history, other tools). Every field carries its unit in its name and a description; the JSON Schema in
// `schema/results.schema.json` is generated from this file.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { CACHE_STATES } from './cache-states.ts';
import { ComparisonSchema, ComparisonV1Schema } from './comparison-schema.ts';
import { DriftSchema, ModeSchema } from './noise-schema.ts';
import { InterferenceConfigSchema, InterferenceSchema } from './interference-schema.ts';
import { SpentSchema } from './spent-schema.ts';

export type { Comparison, ExactComparison, SampledComparison, Verdict } from './comparison-schema.ts';
export type { Drift, Mode } from './noise-schema.ts';

/**
 * 2: comparisons carry the Hodges–Lehmann ratio, its Moses interval and the exact p (were: ratio of medians,
 * bootstrap interval, mid-p); summaries carry the order-statistic interval of the median. Version 1 files
 * are still read (src/results/io.ts) with their comparisons labelled `bootstrap-median-ratio`.
 */
export const SCHEMA_VERSION = 2;

const d = <T extends TSchema>(description: string, schema: T): T => ({ ...schema, description });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const OutlierSchema = Type.Object({
  round: d('round the sample was taken in', Type.Integer()),
  value: d('the sample value, in the metric’s unit', Type.Number()),
  z: d('modified Z-score (Iglewicz & Hoaglin); |z| > 3.5 is an outlier', Type.Number()),
});

/** Descriptive statistics of one metric of one variant (see src/stats/). */
export const SummarySchema = Type.Object({
  n: d('number of samples', Type.Integer()),
  mean: d('arithmetic mean, in the metric’s unit', Type.Number()),
  median: d('median, in the metric’s unit', Type.Number()),
  sd: d('sample standard deviation (n − 1)', Type.Number()),
  min: d('smallest sample, in the metric’s unit', Type.Number()),
  max: d('largest sample, in the metric’s unit', Type.Number()),
  mad: d('median absolute deviation, unscaled', Type.Number()),
  cv: d('coefficient of variation, sd / mean', Type.Number()),
  ciLow: d('low end of the 95% interval of the median: an order statistic (binomial, Conover 1999); a bootstrap interval in version 1 files', Type.Number()),
  ciHigh: d('high end of the 95% interval of the median', Type.Number()),
  ciConfidence: Type.Optional(d('actual confidence of [ciLow, ciHigh]: ≥ 0.95 from 6 samples on; [min, max] with 1 − 2^(1−n) below', Type.Number())),
  outliers: d('samples flagged by modified Z-score, within each mode when there are two; never removed', Type.Array(OutlierSchema)),
  modes: Type.Optional(d('present when the samples fall into two groups (stats/modes.ts): each group, lower first', Type.Array(ModeSchema))),
});

export const SampleSchema = Type.Object({
  round: d('round index; warm-ups are negative', Type.Integer()),
  position: d('position of the variant within its round (interleaving order)', Type.Integer()),
  wallMs: d('wall time, monotonic clock', Type.Number()),
  userMs: d('user CPU of the whole process tree', Type.Number()),
  sysMs: d('system CPU of the whole process tree', Type.Number()),
  maxRssKb: d('peak RSS of the largest single process (getrusage via GNU time)', Type.Number()),
  treeRssKb: d('peak of the summed RSS of the process group, sampled from /proc', Type.Number()),
  pipelineMs: Type.Optional(
    d(
      'a variant that consumed artifacts (needs): this build plus the k-th successful build of each producer, k this build\'s rank among the variant\'s successful builds',
      Type.Number(),
    ),
  ),
  exitCode: d('exit code; null when killed by a signal', Nullable(Type.Integer())),
  primes: Type.Optional(
    d('variant id whose workdir this cold build ran in (its warm twin’s, same build definition), leaving it primed instead of a warm-up of the twin’s own; measured as every cold build', Type.String()),
  ),
  signal: Type.Optional(d('the signal that ended the build, if any', Type.String())),
  timedOut: Type.Optional(d('true when the build ran past its timeoutS and was killed', Type.Boolean())),
  phases: d('phase name → ms from the start of the build to the end of the phase', Type.Record(Type.String(), Type.Number(), { additionalProperties: false })),
  phasesMissing: Type.Optional(d('phases the scenario declares that matched no line of this sample’s output', Type.Array(Type.String()))),
  rebuiltUnits: Type.Optional(d('cargo units compiled (not fresh) in this sample', Type.Integer())),
  freshUnits: Type.Optional(d('cargo units found fresh in this sample', Type.Integer())),
  cacheCheck: Type.Optional(d('what the runner saw of the cache state: ok, why it looks wrong, or "not checked: …" with why it could not tell', Type.String())),
  slowestUnits: Type.Optional(
    d('cargo units that took longest to compile (from --timings), longest first', Type.Array(Type.Object({ name: d('crate, version and target, as cargo names the unit', Type.String()), ms: d('its compile time', Type.Number()) }))),
  ),
  toolVersions: Type.Optional(
    d('tool → version this build ran with, as its own output says (PyInstaller\'s `PyInstaller: 5.13.0` and `Python: 3.11.2` lines)', Type.Record(Type.String(), Type.String(), { additionalProperties: false })),
  ),
  log: d('log file of this sample, relative to the out dir', Type.String()),
  artifact: Type.Optional(
    d(
      'the artifact this build wrote, hashed as the variant’s artifact is: builds that differ in sha256 wrote different artifacts',
      Type.Object({ sha256: d('SHA-256, as artifact.sha256', Type.String()), bytes: d('its size, as artifact.bytes', Type.Integer()) }),
    ),
  ),
  spawnError: Type.Optional(d('why the build could not be started at all (its workdir was gone, …); then exitCode is null and no signal ended it', Type.String())),
  cleanup: Type.Optional(
    d('how the processes the build left running were found and ended: its own cgroup v2 group (all of them), or the scan of its process group and marker (misses a daemon that left both)', Type.Union([Type.Literal('cgroup'), Type.Literal('scan')])),
  ),
  groupUserMs: Type.Optional(d('user CPU of every process that ran in the build’s cgroup (cpu.stat), daemons and children nobody waited for included', Type.Number())),
  groupSysMs: Type.Optional(d('system CPU of every process that ran in the build’s cgroup (cpu.stat)', Type.Number())),
  memoryPeakBytes: Type.Optional(d('peak memory charged to the build’s cgroup (memory.peak: anonymous memory and page cache); only where the memory controller was available', Type.Integer())),
  killedAfter: Type.Optional(
    d(
      'processes the build left running when it ended (a server, a daemon), killed by the harness: a later build found none of them warm',
      Type.Object({ count: d('how many processes', Type.Integer()), commands: d('their command names, each once', Type.Array(Type.String())) }),
    ),
  ),
  interference: Type.Optional(d('what other processes did on the machine during this build', InterferenceSchema)),
});

export const ArtifactSchema = Type.Object({
  path: d('declared artifact path, relative to the workdir', Type.String()),
  kind: d('what the build left at path: a file, a directory, or nothing (then the other sizes are 0)', Type.Union([Type.Literal('file'), Type.Literal('dir'), Type.Literal('missing')])),
  bytes: d(
    'file size, or the bytes of a directory on disk: each regular file counted once however many hard links name it, symlinks as 0 (results written before 2026-11-29 counted every name)',
    Type.Integer(),
  ),
  files: d('number of regular files and symlinks (before 2026-11-29: regular files only)', Type.Integer()),
  symlinks: Type.Optional(d('how many of `files` are symlinks', Type.Integer())),
  hardLinks: Type.Optional(d('names of `files` that are further hard links to a file already counted (its bytes counted once)', Type.Integer())),
  sha256: d(
    'SHA-256 of the file; of a directory, over every entry in path order: folders and files with their mode, file contents, symlink targets, hard links (before 2026-11-29: sorted (path, content hash) of regular files only)',
    Type.String(),
  ),
  debugBytes: d('split debug info beside it (.dwp, .dwo, .debug)', Type.Integer()),
  largest: d('biggest entries inside', Type.Array(Type.Object({ path: d('entry path inside the artifact, or a package name inside a frozen app', Type.String()), bytes: d('its size', Type.Integer()) }))),
  fingerprint: Type.Optional(
    d(
      'what really built the artifact, read from the artifact alone (and its build log); only what was found',
      Type.Object({
        linker: Type.Optional(d('linker of a native ELF artifact: mold, lld, gold or bfd (GNU ld)', Type.String())),
        debugInfo: Type.Optional(d('where its debug info is: inside, packed (.dwp), unpacked (.dwo files), debuglink or none', Type.String())),
        packager: Type.Optional(d('packager of a frozen Python app: pyinstaller, pex, shiv, zipapp or scie', Type.String())),
        shape: Type.Optional(d('shape of a frozen Python app: onefile, onedir, zipapp, scie, loose or packed', Type.String())),
        mismatch: Type.Optional(d('what contradicts the variant’s declared intent', Type.Array(Type.String()))),
        linkerVersion: Type.Optional(d('version the linker wrote into the binary', Type.String())),
        packagerVersion: Type.Optional(d('version of the packager that froze the app', Type.String())),
        pythonVersion: Type.Optional(d('Python version inside the frozen app', Type.String())),
      }),
    ),
  ),
  unused: Type.Optional(
    d(
      'shipped packages the team never imports at run time, with the build change that drops them',
      Type.Array(Type.Object({ module: d('top-level package name', Type.String()), bytes: d('its size inside the artifact', Type.Integer()), suggestion: d('the build change that drops it', Type.String()) })),
    ),
  ),
  unusedDependencies: Type.Optional(
    d(
      'dependencies a crate declares but never uses (cargo-machete), each with the other crates that depend on it: when there are any, removing it saves no compile time',
      Type.Array(Type.Object({ package: d('the crate that declares it', Type.String()), dependency: d('the unused dependency', Type.String()), alsoNeededBy: d('other crates of the build that depend on it (cargo tree -i)', Type.Array(Type.String())) })),
    ),
  ),
  duplicateCrates: Type.Optional(d('crates compiled in more than one version (cargo tree --duplicates)', Type.Integer())),
  package: Type.Optional(
    d(
      'an installable package\'s control fields (a .deb: dpkg-deb --field)',
      Type.Object({
        format: d('the package format: deb (a Debian binary package, deb(5))', Type.Literal('deb')),
        name: d('the Package field', Type.String()),
        version: d('the Version field', Type.String()),
        architecture: d('the Architecture field (amd64, all …)', Type.String()),
        installedBytes: d('Installed-Size × 1024 (the field is in KiB, Debian Policy 5.6.20); null when the package has none', Nullable(Type.Integer())),
      }),
    ),
  ),
});

export const LAUNCH_STATES = ['first', 'warm'] as const;

export const LaunchSchema = Type.Object({
  round: d('start-up round, 1-based; every round launches each variant once per state, in a shuffled order', Type.Integer()),
  position: d('position of the variant within its start-up round', Type.Integer()),
  state: d(
    'first: the extraction caches (TMPDIR, PEX_ROOT, SHIV_ROOT, SCIE_BASE, XDG_CACHE_HOME) were empty; warm: what the first launch of the same round left is kept',
    Type.Union(LAUNCH_STATES.map((s) => Type.Literal(s))),
  ),
  ms: d('exec to ready (health URL answers 2xx, or exit 0 without a URL), monotonic clock', Type.Number()),
  extractBytes: d('bytes the launch added to its extraction caches, measured once it was ready', Type.Integer()),
});

export const StartupSchema = Type.Object({
  firstMs: d('median launch-to-ready of the first launches (one launch in files without `launches`)', Nullable(Type.Number())),
  warmMs: d('median launch-to-ready of the warm launches', Nullable(Type.Number())),
  readyOk: d('false when a launch never became ready: the variant keeps its build figures (status ok), its reason begins "built, does not start" and its start-up metrics are empty (older files: status failed, "built, does not run")', Type.Boolean()),
  extractBytes: Type.Optional(d('median bytes a first launch extracted (onefile _MEI*, PEX_ROOT, SHIV_ROOT, SCIE cache)', Type.Integer())),
  error: Type.Optional(d('why the launch failed: the error block of its output (a traceback when there is one)', Type.String())),
  log: Type.Optional(d('output of the failing launch, relative to the out dir', Type.String())),
  launches: Type.Optional(d('every launch, a sample of startupFirstMs or startupWarmMs (absent in older files)', Type.Array(LaunchSchema))),
});

/** `interrupted`: the run was stopped (Ctrl-C, SIGTERM, its starter gone) before this variant had a sample. */
/** How the reason of a variant that cannot be a Tauri app's externalBin (a packager that builds a folder) begins. */
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
