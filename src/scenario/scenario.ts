// The scenario as the program uses it: defaults applied, paths absolute, one setup list per variant.
// `ScenarioFile` (schema.ts) is what the user wrote; `Scenario` is what we resolved from it.
import type { Problem } from '../common/problem.ts';
import type { CacheState, Expect, Mutate, PhaseRule, Smoke } from './schema.ts';
import type { Budget } from './budget.ts';

export const DEFAULT_RUNS = 5;
export const DEFAULT_WARMUP = 1;
export const DEFAULT_CACHE: CacheState[] = ['warm'];

export interface Scenario {
  name: string;
  description?: string;
  /** The path as the user gave it, for messages. */
  file: string;
  /** Absolute path of the scenario file. */
  path: string;
  sha256: string;
  default: boolean;
  /** Absolute path of the project folder copied into each workdir. */
  project: string;
  /** Project paths not copied (relative). */
  ignore: string[];
  /** Also leave out what git ignores in the project. */
  ignoreGitignored?: boolean;
  /** Project paths (relative) copied although the one ignore rule (plan/ignore-rule.ts) would leave them out. */
  copy?: string[];
  /** What loading found doubtful but not wrong (an env value reading an unset variable), positioned. */
  warnings?: Problem[];
  variants: ScenarioVariant[];
}

export interface ScenarioVariant {
  scenario: string;
  name: string;
  description?: string;
  baseline: boolean;
  build: string;
  /** Scenario-level setup, then the variant's own; run once per workdir, untimed. */
  setup: string[];
  artifact?: string;
  clean: string[];
  caches: string[];
  cacheStates: CacheState[];
  /** The states a plain run (no file named, no --all) measures; empty: only with --all or by name. */
  plainStates: CacheState[];
  mutate?: Mutate;
  smoke?: Smoke;
  /** Limits checked on every run (the scenario's `budget` with the variant's own on top), in the metrics' units. */
  budget?: Budget;
  /** A server its builds reuse, up from before its first build to after its last. */
  service?: { run: string; stop?: string };
  /**
   * The scenario's env, then the variant's, as written: each layer's `$VAR`s read the environment the layers
   * before it made (expanded per process, runner/build-env.ts).
   */
  envLayers: Record<string, string>[];
  /** The scenario's shared untimed dependency build, if it has one; `setup` is the scenario-level set-up it follows. */
  seed?: { run: string; dir: string; inputs: string[]; keyCommand?: string; setup: string[] };
  requires: string[];
  timeoutS?: number;
  phases: PhaseRule[];
  expect?: Expect;
  network: boolean;
  /** Why the variant cannot be built as asked (a known limitation): recorded unavailable, never run. */
  unavailable?: string;
  /** Artifacts of other variants this one consumes, in the order written (absent: none). */
  needs?: Need[];
  runs: number;
  warmup: number;
}

/** One `needs` entry: `{needs.name}` is the artifact of the variant `producer` (`scenario/variant@cache`). */
export interface Need {
  name: string;
  producer: string;
  /** Where it is written, for problems found across files (unknown or circular references). */
  at: Omit<Problem, 'message'>;
}
