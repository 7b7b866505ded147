// The scenario file as a user writes it. One TypeBox source gives both the TypeScript types and the
// committed JSON Schema (`schema/scenario.schema.json`), so editors and the validator never disagree.
import { Type, type Static } from '@sinclair/typebox';
import {
  CacheList,
  Command,
  Env,
  ExpectSchema,
  Id,
  MutateSchema,
  PhaseSchema,
  RelPath,
  Requires,
  SeedSchema,
  SmokeSchema,
  StringEnum,
  Timeout,
  VariantFileSchema,
} from './fields.ts';
import { PRESETS } from './presets/index.ts';
import { BudgetSchema } from './budget.ts';

export type { CacheState } from '../results/cache-states.ts';

export const ScenarioFileSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    name: Id,
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    default: Type.Optional(Type.Boolean({ description: 'part of a plain `buildbench run`' })),
    project: Type.String({ minLength: 1, maxLength: 1000, description: 'folder copied into one workdir per variant, relative to this file' }),
    requires: Type.Optional(Requires),
    setup: Type.Optional(Command),
    seed: Type.Optional(SeedSchema),
    runs: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    warmup: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    cache: Type.Optional(CacheList),
    env: Type.Optional(Env),
    timeoutS: Type.Optional(Timeout),
    budget: Type.Optional(BudgetSchema),
    ignore: Type.Optional(Type.Array(RelPath, { description: 'paths of the project not copied into workdirs' })),
    copy: Type.Optional(
      Type.Array(RelPath, {
        description:
          'paths of the project copied into workdirs although the one ignore rule leaves them out (node_modules, .venv, venv, __pycache__ and tool caches anywhere, target beside a Cargo.toml, dist and build where git ignores them)',
      }),
    ),
    ignoreGitignored: Type.Optional(
      Type.Boolean({ description: 'leave out of the workdirs what the project\'s .gitignore files ignore (build outputs such as target/ or node_modules/); default false' }),
    ),
    preset: Type.Optional(
      StringEnum(
        PRESETS.map((p) => p.name),
        { description: 'start from this preset: its parameters go under `with`, and any field here overrides its own' },
      ),
    ),
    with: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: "the preset's parameters" })),
    without: Type.Optional(Type.Array(Id, { description: "names of the preset's variants to leave out" })),
    variants: Type.Optional(
      Type.Array(VariantFileSchema, { minItems: 1, description: "the variants; with a preset, an entry named like one of the preset's overrides its fields" }),
    ),
  },
  {
    additionalProperties: false,
    // Keys starting with x- are the user's own (as in Docker Compose): a place for anchors that variants merge
    // with `<<: *common`; buildbench ignores them.
    patternProperties: { '^x-': {} },
    $id: 'https://buildbench.dev/schema/scenario.schema.json',
    title: 'buildbench scenario',
    // Each preset's own parameters under `with` (editors complete them; the validator reports unknown ones), and
    // `variants` required when there is no preset to give them.
    allOf: [
      { if: { not: { required: ['preset'] } }, then: { required: ['variants'] } },
      ...PRESETS.map((p) => ({ if: { required: ['preset'], properties: { preset: { const: p.name } } }, then: { properties: { with: p.params } } })),
    ],
  },
);

/** A scenario file as written, after schema validation. */
export type ScenarioFile = Static<typeof ScenarioFileSchema>;
export type VariantFile = Static<typeof VariantFileSchema>;
export type Mutate = Static<typeof MutateSchema>;
export type Smoke = Static<typeof SmokeSchema>;
export type SeedFile = Static<typeof SeedSchema>;
export type PhaseRule = Static<typeof PhaseSchema>;
export type Expect = Static<typeof ExpectSchema>;
