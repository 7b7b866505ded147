// Every preset a scenario file can start from (`preset: NAME`), in the order `buildbench init` and the JSON
// Schema list them.
import type { Preset } from './preset.ts';
import { pythonEnv } from './python-env.ts';
import { pythonFreeze } from './python-freeze.ts';
import { rustDebuginfo } from './rust-debuginfo.ts';
import { rustLink } from './rust-link.ts';
import { rustNightly } from './rust-nightly.ts';
import { rustReleaseProfile } from './rust-release-profile.ts';
import { tauriBundle } from './tauri-bundle.ts';

export const PRESETS: readonly Preset[] = [pythonFreeze, pythonEnv, rustLink, rustDebuginfo, rustReleaseProfile, rustNightly, tauriBundle];

/** The preset called `name` (python-freeze, python-env, rust-link …); undefined for an unknown name. */
export function findPreset(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name);
}

export type { Preset, ScenarioTemplate, TemplateVariant } from './preset.ts';
