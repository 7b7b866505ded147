// What the Rust presets share: which binary of which package, the edit an incremental sample starts from, the
// cargo flags, and the launch that times the built app's start-up.
import { Type, type Static } from '@sinclair/typebox';
import { SmokeSchema } from '../fields.ts';
import { words, type ScenarioTemplate, type TemplateVariant } from './preset.ts';

export const RUST_PARAMS = {
  bin: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', description: 'the binary target measured (cargo --bin, target/<profile>/<bin>)' }),
  package: Type.Optional(Type.String({ minLength: 1, description: 'the package holding it, in a workspace (cargo -p)' })),
  edit: Type.String({ minLength: 1, default: 'src/main.rs', description: 'source file appended to before each incremental sample' }),
  cargoArgs: Type.String({ default: '--offline --locked', description: 'flags every cargo command gets' }),
  setup: Type.Optional(Type.String({ minLength: 1, description: 'untimed command run once per workdir before anything else' })),
  smoke: Type.Optional(SmokeSchema),
  lockfile: Type.String({ minLength: 1, default: 'Cargo.lock', description: 'the Cargo.lock that pins the dependencies (keys the shared dependency build)' }),
};

/** For the presets whose variants compile identical dependencies: build them once, untimed, for all. */
export const SEED_PARAM = {
  seed: Type.Boolean({
    default: true,
    description: 'build the dependencies once (untimed) and clone the target dir into each variant, instead of in each variant\'s first build',
  }),
};

/** The shared dependency build: keyed by the lockfile and the toolchain, so either changing builds a new one. */
export const cargoSeed = (p: RustParams & { seed: boolean }) =>
  p.seed ? { seed: { run: `cargo build ${p.cargoArgs}`, dir: 'target', inputs: [p.lockfile], keyCommand: 'rustc -vV' } } : {};
const _rustParams = Type.Object(RUST_PARAMS);
export type RustParams = Static<typeof _rustParams>;

/** `cargo <sub> -v …`: -v prints a `Fresh` line per unit cargo did not rebuild, which the cache check counts. */
export const cargo = (p: RustParams, sub: 'build' | 'rustc', ...rest: (string | false | undefined)[]) =>
  words('cargo', sub, '-v', p.cargoArgs, p.package && `-p ${p.package}`, ...rest);

export const EDIT_TEXT = '\n// buildbench: an edit before each incremental sample\n';

/** An incremental variant: the edit before each sample, the binary as artifact, the launch if one is given. */
export function incremental(p: RustParams, profile: 'debug' | 'release', variant: Omit<TemplateVariant, 'artifact'>): TemplateVariant {
  return {
    ...variant,
    artifact: `target/${profile}/${p.bin}`,
    mutate: { append: { file: p.edit, text: EDIT_TEXT } },
    ...(p.smoke && !variant.smoke ? { smoke: p.smoke } : {}),
  };
}

/**
 * Scenario fields every Rust preset sets: the target dir pinned inside the workdir, whatever .cargo/config says
 * (the project's own `target` beside its Cargo.toml is never copied: plan/ignore-rule.ts).
 */
export function rustScenario(p: Pick<RustParams, 'setup'>, fields: ScenarioTemplate): ScenarioTemplate {
  return {
    requires: ['cargo', 'rustc'],
    ...(p.setup ? { setup: p.setup } : {}),
    ...fields,
    env: { CARGO_TARGET_DIR: '{workdir}/target', ...fields.env },
  };
}
