// Nightly-only compiler options on the incremental rebuild of the app crate: the parallel front end
// (`-Z threads=8`) and the cranelift code generator, flags for the app crate only like rust-link's.
import { Type } from '@sinclair/typebox';
import { definePreset, paramsObject } from './preset.ts';
import { RUST_PARAMS, SEED_PARAM, cargo, cargoSeed, incremental, rustScenario } from './rust-common.ts';

const params = paramsObject(
  { ...RUST_PARAMS, ...SEED_PARAM, toolchain: Type.String({ minLength: 1, default: 'nightly', description: 'the rustup toolchain (RUSTUP_TOOLCHAIN)' }) },
);

export const rustNightly = definePreset({
  name: 'rust-nightly',
  description: 'Nightly compiler options on the incremental rebuild of a Rust app: -Z threads=8, cranelift',
  params,
  expand: (p) => {
    const build = (flags?: string) => cargo(p, 'rustc', `--bin ${p.bin}`, flags && `-- ${flags}`);
    return rustScenario(p, {
      ...cargoSeed(p),
      requires: ['cargo', 'rustc-nightly'],
      cache: 'incremental',
      runs: 8,
      warmup: 1,
      timeoutS: 1800,
      env: { RUSTUP_TOOLCHAIN: p.toolchain },
      variants: [
        incremental(p, 'debug', { name: 'nightly-default', baseline: true, build: build() }),
        incremental(p, 'debug', { name: 'threads-8', build: build('-Z threads=8') }),
        incremental(p, 'debug', { name: 'cranelift', requires: ['rustc-codegen-cranelift'], build: build('-Z codegen-backend=cranelift') }),
      ],
    });
  },
});
