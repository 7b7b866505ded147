// The cache states a sample can be measured in (after rustc-perf's and gradle-profiler's build scenarios), and
// every rule that follows from a state, as data: what the runner removes before a sample, whether it applies
// the variant's `mutate`, whether the first build of a workdir is a full build kept as a warm-up, what the
// cache check expects the build to rebuild, and the colour charts give it. Plan, runner, scenario loader,
// probes and report read this table instead of branching on a state's name, so a new state is one entry.
// Kept apart from the schema so the command line can name the states without loading the schema library.

/**
 * What a build in a cache state is expected to rebuild, which the cache checks hold it to:
 * `all` every unit and tool cache entry (nothing may be found fresh); `outputs` the outputs from the kept tool
 * caches (how many units that is depends on the tool; the tool's own cache must be reused); `some` what the
 * mutation reaches (at least one unit, not all of them); `none` nothing.
 */
export type Rebuilds = 'all' | 'outputs' | 'some' | 'none';

/** The rules of one cache state. */
export interface CacheStateRules {
  /** Removed before each sample: the variant's `clean` outputs, and its `caches` with its `{cache}` dir. */
  removes: { outputs: boolean; caches: boolean };
  /** The variant's `mutate` is applied before each sample but the first, so the scenario must declare one. */
  mutates: boolean;
  /**
   * The first build of a workdir is a full build, not one in this state: it is run as a warm-up (at least one
   * is planned) and its cache state is not checked.
   */
  firstBuildIsFull: boolean;
  /** What a sample should rebuild; see Rebuilds. */
  rebuilds: Rebuilds;
  /** The colour of the state's series in charts, a CSS hex colour (Okabe & Ito's palette, grey for noop). */
  colour: string;
  /**
   * Every variant does the same work in this state whatever its tool: all of it (cold), or the rebuild after
   * the same edit (incremental). Not warm or noop: what a kept cache saves depends on the tool (PyInstaller's
   * warm build of an unchanged project reuses its whole Analysis, PEX and shiv rebuild), so `--quick` never
   * picks them while a like-with-like state is there.
   */
  likeWithLike: boolean;
}

// In order from coldest to warmest: `--quick` keeps the warmest like-with-like state of a scenario (plan/plan.ts).
const RULES = {
  cold: { removes: { outputs: true, caches: true }, mutates: false, firstBuildIsFull: false, rebuilds: 'all', colour: '#0072B2', likeWithLike: true },
  warm: { removes: { outputs: true, caches: false }, mutates: false, firstBuildIsFull: true, rebuilds: 'outputs', colour: '#E69F00', likeWithLike: false },
  incremental: { removes: { outputs: false, caches: false }, mutates: true, firstBuildIsFull: true, rebuilds: 'some', colour: '#009E73', likeWithLike: true },
  noop: { removes: { outputs: false, caches: false }, mutates: false, firstBuildIsFull: true, rebuilds: 'none', colour: '#999999', likeWithLike: false },
} as const satisfies Record<string, CacheStateRules>;

export type CacheState = keyof typeof RULES;

/** Every cache state's rules, by name. */
export const CACHE_STATE_RULES: Readonly<Record<CacheState, CacheStateRules>> = RULES;

/** The cache states, coldest first. */
export const CACHE_STATES = Object.keys(RULES) as readonly CacheState[];

/** True when `name` is a cache state (scenario files and flags hold unchecked strings). */
export function isCacheState(name: string): name is CacheState {
  return Object.hasOwn(RULES, name);
}
