// Linkers for a Rust app: the default (rust-lld on x86_64 Linux since Rust 1.90), mold and GNU ld.
// scope app: an incremental rebuild after an edit, the linker flags given to the app crate only
// (`cargo rustc -- …`), so every variant compiles identical dependencies and differs only in how the app is
// linked (RUSTFLAGS would change every unit's fingerprint and rebuild all dependencies).
// scope all: a cold full build per linker with RUSTFLAGS, the way a team switches linkers, build scripts and
// proc-macros included; each variant compiles every crate in its own target dir.
import { StringEnum } from '../fields.ts';
import { definePreset, paramsObject } from './preset.ts';
import { RUST_PARAMS, SEED_PARAM, cargo, cargoSeed, incremental, rustScenario, type RustParams } from './rust-common.ts';

const LINKERS = [
  { name: 'default-lld', flags: undefined, requires: [], expect: 'lld', description: "The default linker; on x86_64 Linux, Rust's bundled rust-lld." },
  { name: 'mold', flags: '-C link-arg=-fuse-ld=mold', requires: ['mold'], expect: 'mold', description: undefined },
  {
    name: 'gnu-ld',
    flags: '-C link-arg=-fuse-ld=bfd -C linker-features=-lld',
    requires: ['ld.bfd'],
    expect: 'bfd',
    description: 'GNU ld (bfd); `-C linker-features=-lld` turns the default rust-lld off.',
  },
] as const;

const params = paramsObject(
  {
    ...RUST_PARAMS,
    ...SEED_PARAM,
    scope: StringEnum(['app', 'all'] as const, {
      default: 'app',
      description: 'app: incremental rebuild, linker flags for the app crate only; all: cold full builds with RUSTFLAGS',
    }),
  },
);

export const rustLink = definePreset({
  name: 'rust-link',
  description: 'Link a Rust app with the default linker (rust-lld), mold and GNU ld',
  params,
  expand: (p) => (p.scope === 'app' ? appScope(p) : allScope(p)),
});

function appScope(p: RustParams & { seed: boolean }) {
  return rustScenario(p, {
    ...cargoSeed(p),
    cache: 'incremental',
    runs: 6,
    warmup: 1,
    timeoutS: 1800,
    variants: LINKERS.map((l, i) =>
      incremental(p, 'debug', {
        name: l.name,
        ...(l.description ? { description: l.description } : {}),
        ...(i === 0 ? { baseline: true } : {}),
        ...(l.requires.length > 0 ? { requires: [...l.requires] } : {}),
        build: cargo(p, 'rustc', `--bin ${p.bin}`, l.flags && `-- ${l.flags}`),
        expect: { linker: l.expect },
      }),
    ),
  });
}

function allScope(p: RustParams) {
  return rustScenario(p, {
    cache: 'cold',
    runs: 3,
    warmup: 0,
    timeoutS: 3600,
    variants: LINKERS.map((l, i) => ({
      name: l.name,
      ...(i === 0 ? { baseline: true } : {}),
      ...(l.requires.length > 0 ? { requires: [...l.requires] } : {}),
      build: cargo(p, 'build'),
      ...(l.flags ? { env: { RUSTFLAGS: l.flags } } : {}),
      artifact: `target/debug/${p.bin}`,
      caches: ['target'],
      expect: { linker: l.expect },
    })),
  });
}
