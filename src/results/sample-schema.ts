// One build's and one launch's records in results.json (samples, their summary and outliers, the artifact,
// start-up): the per-measurement half of the contract in schema.ts, which assembles them into a variant's result
// and the file. Every field carries its unit in its name and a description.
import { Type } from '@sinclair/typebox';
import { d, Nullable } from './schema-words.ts';
import { InterferenceSchema } from './interference-schema.ts';
import { ModeSchema } from './noise-schema.ts';

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
