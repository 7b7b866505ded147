// The fields of a scenario file, shared by the file's schema (schema.ts) and the presets' parameters, which
// schema.ts itself imports (so they cannot live there).
import { BudgetSchema } from './budget.ts';
import { Type } from '@sinclair/typebox';
import { CACHE_STATES } from '../results/cache-states.ts';

/** A string enum as a plain JSON Schema `enum`, so a wrong value gets one "must be one of …" message. */
export const StringEnum = <T extends readonly string[]>(values: T, options: { description?: string; default?: T[number] } = {}) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });


export const Id = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
  maxLength: 80,
  description: 'letters, digits, dot, dash, underscore; used in ids and file names',
});
export const Command = Type.String({ minLength: 1, maxLength: 10_000, description: 'a shell command (sh -c), run in the workdir' });
export const RelPath = Type.String({ minLength: 1, maxLength: 1000, description: 'a path inside the workdir' });
export const Env = Type.Record(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }), Type.String({ maxLength: 10_000 }), {
  // Without this the key pattern is never applied: a key that matches no pattern would pass unchecked.
  additionalProperties: false,
  description:
    'environment variables added to the build; a value may read $VAR, ${VAR}, ${VAR:-default} or ${VAR-default} from the run\'s environment (a variant\'s also from the scenario\'s env; $$ is a literal $) and placeholders such as {workdir}',
});
export const Requires = Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
  description: 'tools that must be found (see `buildbench doctor`); missing → the variant is unavailable',
});
export const CacheStateSchema = StringEnum(CACHE_STATES);
// One state may be written as a plain string: `cache: warm`.
export const CacheList = Type.Union([CacheStateSchema, Type.Array(CacheStateSchema, { minItems: 1, uniqueItems: true })], {
  description: `a cache state or a list of them (${CACHE_STATES.join(', ')})`,
});
export const Timeout = Type.Number({ exclusiveMinimum: 0, maximum: 86_400, description: 'seconds before the build group is killed' });

export const MutateSchema = Type.Union(
  [
    Type.Object({ touch: RelPath }, { additionalProperties: false }),
    Type.Object(
      { append: Type.Object({ file: RelPath, text: Type.String({ maxLength: 100_000 }) }, { additionalProperties: false }) },
      { additionalProperties: false },
    ),
  ],
  { description: 'the edit applied before each incremental sample' },
);

export const SmokeSchema = Type.Object(
  {
    install: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 10_000,
        description: 'an untimed command run in the workdir after the last build, before the first launch (e.g. unpacking a package the launch runs from); its failure fails the variant',
      }),
    ),
    run: Command,
    ready: Type.Optional(
      Type.String({ minLength: 1, maxLength: 2000, description: 'URL polled until it answers 2xx (e.g. a sidecar\'s health URL); without it and without `window`, ready means exit 0' }),
    ),
    window: Type.Optional(
      Type.String({
        maxLength: 1000,
        description:
          'launch on a private Xvfb display and count the app ready when a window whose title matches this regular expression is shown ("" or ".": any window); for a GUI app with no test hook',
      }),
    ),
    sidecar: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 255,
        pattern: '^[^/]+$',
        description:
          "the file name of a sidecar the app starts (a Tauri externalBin as installed, e.g. `main`): once a process of the launch running it has been seen and none is left, while the app is not ready, the launch fails at once with the log's headline instead of waiting out timeoutS",
      }),
    ),
    timeoutS: Type.Optional(Timeout),
  },
  { additionalProperties: false, description: 'launch the artifact and time until it is ready' },
);

export const SeedSchema = Type.Object(
  {
    run: Type.String({ minLength: 1, maxLength: 10_000, description: 'the dependency build, run once (untimed) in a copy of the project after the scenario\'s setup' }),
    dir: Type.String({ minLength: 1, maxLength: 1000, description: 'the folder it fills (e.g. target), cloned into each variant\'s workdir before its own setup' }),
    inputs: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 1000 }), { description: 'project files whose contents key the seed (e.g. Cargo.lock): a change builds a new one' })),
    keyCommand: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: 'a command whose output also keys the seed (e.g. rustc -vV)' })),
  },
  {
    additionalProperties: false,
    description: 'an untimed build shared by the variants: made once per key and kept under the tool dir, its output folder cloned into every workdir',
  },
);

export const PhaseSchema = Type.Object(
  {
    name: Id,
    pattern: Type.String({ minLength: 1, maxLength: 1000, description: 'regular expression; the first matching output line ends the phase' }),
  },
  { additionalProperties: false },
);

/** A server the variant's builds reuse (a Gradle daemon, an sccache server): up before its samples, down after. */
const ServiceSchema = Type.Object(
  {
    run: Type.String({ minLength: 1, maxLength: 10_000, description: 'a shell command that starts the service and keeps running (sh -c, in the workdir)' }),
    stop: Type.Optional(Type.String({ minLength: 1, maxLength: 10_000, description: 'a shell command that stops it; its process group is killed after it either way' })),
  },
  {
    additionalProperties: false,
    description: 'started after the set-up, before the variant’s first build, and stopped after its last: builds reuse it, so a warm state can stay warm',
  },
);

/** Declared intent of a variant, checked against the artifact's fingerprint. */
export const ExpectSchema = Type.Object(
  {
    linker: Type.Optional(StringEnum(['lld', 'mold', 'bfd', 'gold'] as const)),
    debugInfo: Type.Optional(StringEnum(['inside', 'packed', 'unpacked', 'none'] as const)),
    packager: Type.Optional(Type.String({ maxLength: 100 })),
    shape: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);

/** `scenario/variant@cache`: the stable id of a variant in one cache state. */
const VARIANT_ID_PATTERN = `^[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*@(${CACHE_STATES.join('|')})$`;
const Needs = Type.Record(
  Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_-]*$' }),
  Type.String({ pattern: VARIANT_ID_PATTERN, description: 'the producing variant: scenario/variant@cache' }),
  {
    additionalProperties: false,
    description:
      'artifacts of other variants this one consumes: NAME → scenario/variant@cache. `{needs.NAME}` is the absolute path of that ' +
      'artifact; the producers build first (and join the run when this variant does); a producer that fails skips this variant',
  },
);

export const VariantFileSchema = Type.Object(
  {
    name: Id,
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    baseline: Type.Optional(Type.Boolean()),
    // Required, but checked after a preset is applied: a file that starts from one overrides variants by name.
    build: Type.Optional(Command),
    setup: Type.Optional(Command),
    artifact: Type.Optional(RelPath),
    clean: Type.Optional(Type.Array(RelPath, { description: 'outputs removed before each cold and warm sample (the incremental and noop states keep them: results/cache-states.ts)' })),
    caches: Type.Optional(Type.Array(RelPath, { description: 'removed before cold samples only' })),
    cache: Type.Optional(CacheList),
    mutate: Type.Optional(MutateSchema),
    smoke: Type.Optional(SmokeSchema),
    service: Type.Optional(ServiceSchema),
    env: Type.Optional(Env),
    requires: Type.Optional(Requires),
    timeoutS: Type.Optional(Timeout),
    phases: Type.Optional(Type.Array(PhaseSchema)),
    expect: Type.Optional(ExpectSchema),
    network: Type.Optional(Type.Boolean({ description: 'the build may use the network (the report says so)' })),
    unavailable: Type.Optional(
      Type.String({ minLength: 1, maxLength: 2000, description: 'why this variant cannot be built as asked: it is recorded unavailable with this reason and never run' }),
    ),
    needs: Type.Optional(Needs),
    budget: Type.Optional(BudgetSchema),
    default: Type.Optional(
      Type.Union([Type.Boolean(), Type.Array(CacheStateSchema, { minItems: 1, uniqueItems: true })], {
        description:
          'true, false or a list of cache states: what a plain `buildbench run` measures of this variant (false: only --all or naming the file runs it)',
      }),
    ),
  },
  { additionalProperties: false },
);

