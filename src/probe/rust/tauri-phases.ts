// The Tauri CLI's phases, from the lines it prints (Tauri v2 `tauri build`).
import type { PhaseRule } from '../../scenario/schema.ts';

/**
 * Tauri CLI builds: cargo compiles ("Finished `release` profile …"), then the bundler runs ("Finished 1 bundle
 * at:"); with `--no-bundle` only the first appears.
 */
export const TAURI_PHASE_RULES: readonly PhaseRule[] = [
  { name: 'compile', pattern: '^\\s*Finished `[\\w-]+` profile' },
  { name: 'bundle', pattern: '^\\s*Finished \\d+ bundles? at' },
];
