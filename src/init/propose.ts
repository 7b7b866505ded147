// From what was found in a project to the scenarios that fit it (the Python ones in propose-python.ts):
// rust-link, rust-debuginfo and rust-release-profile for a Rust binary (a Tauri app's included), each preset's
// parameters filled from the project or from the flags that answer them.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Guess } from './inspect-python.ts';
import type { ProposedScenario } from './render.ts';
import { describeBin, type RustBin } from './inspect-rust.ts';

/** Answers given as flags; each replaces the guess of the same name. */
export interface InitAnswers {
  app?: string;
  script?: string;
  module?: string;
  requirements?: string;
  sourceDir?: string;
  ready?: string;
  serveArgs?: string;
  bin?: string;
}

export const given = (value: string | undefined): Guess | undefined => (value === undefined ? undefined : { value, why: 'given with a flag' });
/** Path from the scenarios folder (`<root>/scenarios`) to a folder of the project. */
export const fromScenarios = (dir: string) => (dir ? `../${dir}` : '..');
const HEAVY = ['target', 'node_modules', '.venv', 'venv', 'build', 'dist'];

/** The Rust scenarios (rust-link, rust-debuginfo, rust-release-profile; a Tauri app launched until its window shows) for `bin`, `answers` taking precedence. */
export function proposeRust(opts: { root: string; bin: RustBin; answers: InitAnswers }): ProposedScenario[] {
  const { root, bin: b } = opts;
  const bin = given(opts.answers.bin) ?? { value: b.bin, why: b.bin === b.package ? `the package ${b.package}'s src/main.rs` : `[[bin]] in ${b.dir || '.'}/Cargo.toml` };
  const manifest = b.dir ? ` --manifest-path ${b.dir}/Cargo.toml` : '';
  const cargoArgs = { value: `--offline${b.lockfile ? ' --locked' : ''}${manifest}`, why: b.lockfile ? 'offline, from the Cargo.lock (`buildbench setup` runs cargo fetch)' : 'no Cargo.lock found, so not --locked' };
  const setup = b.tauri ? tauriSetup(b) : undefined;
  const ignore = HEAVY.flatMap((h) => [h, ...(b.dir ? [`${b.dir}/${h}`] : [])]).filter((p) => existsSync(path.join(root, p)) && !isFrontend(b, p));
  const requires = ['cargo', 'rustc', ...(b.tauri ? ['webkit2gtk-4.1'] : [])];
  const params = (prebuild?: string) => {
    // The profile presets build their dependencies in the set-up unless one is given: keep that after the stubs.
    const steps = setup && prebuild ? { value: `${setup.value} && cargo build ${cargoArgs.value}${prebuild}`, why: `${setup.why}; then the dependency build` } : setup;
    const lockfile: Record<string, Guess> = b.lockfile && b.lockfile !== 'Cargo.lock' ? { lockfile: { value: b.lockfile, why: 'keys the shared dependency build' } } : {};
    return { bin, edit: { value: b.main, why: 'appended to before each incremental sample' }, cargoArgs, ...lockfile, ...(steps ? { setup: steps } : {}) };
  };
  const common = {
    project: '..',
    fields: {
      ...(ignore.length > 0 ? { ignore: { value: ignore, why: 'build outputs and dependencies not copied into each workdir' } } : {}),
      requires: { value: requires, why: b.tauri ? 'a Tauri app links WebKitGTK' : '' },
    },
  };
  const what = describeBin(b);
  return [
    { ...common, params: { ...params(), ...(b.tauri ? { smoke: tauriSmoke(b) } : {}) }, file: 'rust-link.yaml', name: 'rust-link', preset: 'rust-link', default: true, description: `Incremental rebuild of ${what} linked by rust-lld, mold and GNU ld (flags for the app crate only).` },
    { ...common, params: params(''), file: 'rust-debuginfo.yaml', name: 'rust-debuginfo', preset: 'rust-debuginfo', default: false, description: `Incremental rebuild of ${what} with each kind of debug info.` },
    { ...common, params: params(' --release'), file: 'rust-release-profile.yaml', name: 'rust-release-profile', preset: 'rust-release-profile', default: false, description: `Release rebuild of ${what} with each profile setting.` },
  ];
}

/** A Tauri app has no test hook: launched on a private display, it is ready when its window is shown. */
function tauriSmoke(b: RustBin): Guess<unknown> {
  const title = b.tauri!.windowTitle;
  const pattern = `^${(title ?? b.bin).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
  return {
    value: { run: '{artifact}', window: pattern, timeoutS: 120 },
    why: title ? `its window's title (app.windows in ${b.tauri!.conf}); or ready: its sidecar's health URL` : `no window title in ${b.tauri!.conf}: its window class, the binary's name`,
  };
}

const isFrontend = (b: RustBin, p: string) => !!b.tauri?.frontendDist && path.posix.normalize(path.posix.join(b.dir, b.tauri.frontendDist.path)) === p;

/** tauri-build needs each bundle.externalBin file (`<name>-<host triple>`) and the frontend folder to exist. */
function tauriSetup(b: RustBin): Guess | undefined {
  const t = b.tauri!;
  const steps = t.externalBin.map((e) => {
    const file = `"${b.dir ? `${b.dir}/` : ''}${e}-$t"`;
    return `mkdir -p "$(dirname ${file})" && { [ -e ${file} ] || { printf '#!/bin/sh\\n' > ${file} && chmod +x ${file}; }; }`;
  });
  const dist = t.frontendDist && !t.frontendDist.exists ? path.posix.normalize(path.posix.join(b.dir, t.frontendDist.path)) : undefined;
  if (steps.length === 0 && !dist) return undefined;
  const command = [...(steps.length > 0 ? [`t=$(rustc -vV | sed -n 's/^host: //p')`] : []), ...steps, ...(dist ? [`mkdir -p ${dist}`] : [])].join(' && ');
  const why = [
    steps.length > 0 && `a stub for each bundle.externalBin (${t.externalBin.join(', ')}) unless the real one is there: tauri-build needs the file`,
    dist && `frontendDist ${t.frontendDist!.path} was not built: an empty folder compiles (build the frontend first for a real UI)`,
  ].filter(Boolean).join('; ');
  return { value: command, why };
}
