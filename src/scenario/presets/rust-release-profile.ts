// Release profile settings for a Rust app, one per variant through CARGO_PROFILE_RELEASE_*, timed on the
// rebuild after an edit with the dependencies already built (each variant's untimed set-up builds them with
// the same profile); with LTO the whole program is optimised again at the app crate, which the time shows.
import { definePreset, paramsObject } from './preset.ts';
import { RUST_PARAMS, cargo, incremental, rustScenario } from './rust-common.ts';

const SETTINGS: { name: string; env?: Record<string, string> }[] = [
  { name: 'release-default' },
  { name: 'lto-thin', env: { CARGO_PROFILE_RELEASE_LTO: 'thin' } },
  { name: 'lto-fat', env: { CARGO_PROFILE_RELEASE_LTO: 'fat' } },
  { name: 'codegen-units-1', env: { CARGO_PROFILE_RELEASE_CODEGEN_UNITS: '1' } },
  { name: 'opt-level-s', env: { CARGO_PROFILE_RELEASE_OPT_LEVEL: 's' } },
  { name: 'strip', env: { CARGO_PROFILE_RELEASE_STRIP: 'true' } },
  { name: 'panic-abort', env: { CARGO_PROFILE_RELEASE_PANIC: 'abort' } },
  // Release builds are not incremental by default (Cargo reference, profiles): the app crate's rebuild after
  // an edit may reuse its own incremental cache instead of recompiling every codegen unit.
  { name: 'incremental', env: { CARGO_PROFILE_RELEASE_INCREMENTAL: 'true' } },
];

const params = paramsObject(RUST_PARAMS);

export const rustReleaseProfile = definePreset({
  name: 'rust-release-profile',
  description: 'Release profile settings of a Rust app: LTO thin/fat, codegen-units = 1, opt-level = "s", strip, panic = "abort", incremental = true',
  params,
  expand: (p) =>
    rustScenario(p, {
      setup: p.setup ?? `cargo build ${p.cargoArgs} --release`,
      cache: 'incremental',
      runs: 4,
      warmup: 0,
      timeoutS: 3600,
      variants: SETTINGS.map((s, i) =>
        incremental(p, 'release', {
          name: s.name,
          ...(i === 0 ? { baseline: true } : {}),
          build: cargo(p, 'build', '--release'),
          ...(s.env ? { env: s.env } : {}),
        }),
      ),
    }),
});
