// Debug info for a Rust dev build: split-debuginfo off (the Linux default: DWARF inside the binary), packed
// (a .dwp beside it), unpacked (.dwo files), `debug = "line-tables-only"` and `debug = 0`, each timed on the
// incremental rebuild after an edit. Profile settings apply to every crate, so each variant's untimed set-up
// builds its own dependencies in its own target dir.
import { definePreset, paramsObject } from './preset.ts';
import { RUST_PARAMS, cargo, incremental, rustScenario } from './rust-common.ts';

const SETTINGS = [
  { name: 'split-off', env: { CARGO_PROFILE_DEV_SPLIT_DEBUGINFO: 'off' }, debugInfo: 'inside' },
  { name: 'split-packed', env: { CARGO_PROFILE_DEV_SPLIT_DEBUGINFO: 'packed' }, debugInfo: 'packed' },
  { name: 'split-unpacked', env: { CARGO_PROFILE_DEV_SPLIT_DEBUGINFO: 'unpacked' }, debugInfo: 'unpacked' },
  { name: 'line-tables-only', env: { CARGO_PROFILE_DEV_DEBUG: 'line-tables-only' }, debugInfo: 'inside' },
  { name: 'debug-0', env: { CARGO_PROFILE_DEV_DEBUG: '0' }, debugInfo: 'none' },
  // Debug info still built (and kept in the dependencies' rlibs), but stripped from the linked binary.
  { name: 'strip-debuginfo', env: { CARGO_PROFILE_DEV_STRIP: 'debuginfo' }, debugInfo: 'none' },
  // Not a debug-info setting: the other dev-profile change the team listed, measured with the same set-up.
  { name: 'opt-level-1', env: { CARGO_PROFILE_DEV_OPT_LEVEL: '1' }, debugInfo: 'inside' },
] as const;

const params = paramsObject(RUST_PARAMS);

export const rustDebuginfo = definePreset({
  name: 'rust-debuginfo',
  description: 'Debug info of a Rust dev build: split-debuginfo off/packed/unpacked, line-tables-only, debug = 0, strip = "debuginfo"; and dev opt-level = 1',
  params,
  expand: (p) =>
    rustScenario(p, {
      // Each variant's own dependency build, with its own profile settings: nothing to share.
      setup: p.setup ?? `cargo build ${p.cargoArgs}`,
      cache: 'incremental',
      runs: 5,
      warmup: 1,
      timeoutS: 3600,
      variants: SETTINGS.map((s, i) =>
        incremental(p, 'debug', {
          name: s.name,
          ...(i === 0 ? { description: 'The default on Linux (debug = true, split-debuginfo = off).', baseline: true } : {}),
          build: cargo(p, 'build'),
          env: { ...s.env },
          expect: { debugInfo: s.debugInfo },
        }),
      ),
    }),
});
