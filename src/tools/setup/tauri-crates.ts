// The crates a Tauri CLI's build needs beyond the project's Cargo.lock. `tauri build` adds cargo features of its
// own, and which depends on its version: 2.1 adds `tauri/native-tls` unless the app enables `tauri/rustls-tls`
// (tauri-cli's shared_options; dropped by tauri#12445), 2.12 only `tauri/custom-protocol`. A feature the lock
// was not resolved with pulls crates it does not list (hyper-tls, native-tls), so an offline build fails with
// "no matching package". The CLI is asked, not guessed: it runs with `--runner` set to a script that records
// the cargo arguments and stops; the lock is then resolved with those features and fetched, in a copy of the
// crate under the tool dir, so the project's own Cargo.lock is never changed.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findExecutable } from '../detect.ts';
import { hashOf, runStep, type SetupContext } from './context.ts';

/** A Tauri app a scenario builds with a Tauri CLI: the CLI's path and the app crate's Cargo.toml. */
export interface TauriBuild {
  cli: string;
  manifest: string;
}

// Folders of a crate that say nothing about its dependencies and can be huge.
const SKIP = new Set(['target', 'node_modules', '.git', 'gen']);

/** `{scenarioDir}`-style CLI word of a command that runs `<cli> build`, or undefined. */
export function tauriCliIn(command: string): string | undefined {
  return /(?:^|[\s;&|(])((?:\S*\/)?tauri)\s+build\b/.exec(command)?.[1];
}

/** The `--features` values of cargo arguments, one feature per entry. */
export function featuresOf(args: string[]): string[] {
  const out: string[] = [];
  args.forEach((a, i) => {
    const value = a === '--features' || a === '-F' ? args[i + 1] : a.startsWith('--features=') ? a.slice('--features='.length) : undefined;
    if (value) out.push(...value.split(/[\s,]+/).filter(Boolean));
  });
  return out;
}

/** The crate copied under the tool dir (without its target, node_modules, .git, gen), keyed by its path. */
function copyCrate(ctx: SetupContext, crateDir: string): string {
  const copy = path.join(ctx.tools, 'tauri-resolve', hashOf(crateDir));
  rmSync(copy, { recursive: true, force: true });
  cpSync(crateDir, copy, { recursive: true, filter: (src) => !SKIP.has(path.basename(src)) || src === crateDir });
  return copy;
}

/**
 * The cargo arguments `build.cli` passes for a release build of the app (`build --bins --features … --release`),
 * read by running the CLI in a copy with a recording runner. Rejects (SetupError) when the CLI records nothing.
 */
async function recordCargoArgs(ctx: SetupContext, build: TauriBuild, copy: string): Promise<string[]> {
  const record = path.join(copy, '.buildbench-cargo-args');
  const runner = path.join(copy, '.buildbench-runner');
  writeFileSync(runner, `#!/bin/sh\nprintf '%s\\n' "$@" > '${record}'\nexit 3\n`, { mode: 0o755 });
  const dist = path.join(copy, '.buildbench-frontend');
  mkdirSync(dist, { recursive: true });
  // No frontend build, an empty frontend folder: the CLI only has to reach its cargo call.
  const config = JSON.stringify({ build: { beforeBuildCommand: null, frontendDist: dist } });
  await runStep(ctx, build.cli, ['build', '--ci', '--no-bundle', '--runner', runner, '--config', config], { cwd: copy }).catch(() => undefined);
  if (!existsSync(record)) {
    await runStep(ctx, build.cli, ['build', '--ci', '--no-bundle', '--runner', runner, '--config', config], { cwd: copy }); // rejects with the CLI's own words
  }
  return readFileSync(record, 'utf8').split('\n').filter(Boolean);
}

/**
 * Resolves each app's Cargo.lock with the features its Tauri CLI adds and fetches every crate it then lists
 * (`cargo metadata --features …` and `cargo fetch` in a copy), so the CLI's offline build finds them. Returns
 * one line per app (`tauri/custom-protocol, tauri/native-tls for src-tauri`). Rejects (SetupError) when the CLI
 * or cargo fails.
 */
export async function fetchTauriCrates(ctx: SetupContext & { cargo: string }, builds: TauriBuild[]): Promise<string[]> {
  const lines: string[] = [];
  for (const named of builds) {
    const cli = named.cli.includes('/') ? named.cli : findExecutable([named.cli], { env: ctx.env, tools: ctx.tools });
    if (!cli || !existsSync(cli)) {
      lines.push(`not resolved for ${named.manifest}: no Tauri CLI at ${named.cli} (its crates are fetched when it is installed)`);
      continue;
    }
    const build = { ...named, cli };
    const copy = copyCrate(ctx, path.dirname(build.manifest));
    const features = featuresOf(await recordCargoArgs(ctx, build, copy));
    const manifest = path.join(copy, 'Cargo.toml');
    const featureArgs = features.length > 0 ? ['--features', features.join(',')] : [];
    await runStep(ctx, ctx.cargo, ['metadata', '--quiet', '--format-version', '1', ...featureArgs, '--manifest-path', manifest]);
    await runStep(ctx, ctx.cargo, ['fetch', '--quiet', '--manifest-path', manifest]);
    lines.push(`${features.join(', ') || 'no features'} for ${path.relative(process.cwd(), path.dirname(build.manifest)) || '.'}`);
  }
  return lines;
}
