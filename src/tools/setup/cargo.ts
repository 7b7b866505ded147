// `cargo fetch` of every Cargo project the scenarios build, so their builds can run --offline and measure
// the compiler, not crates.io.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findExecutable } from '../detect.ts';
import { hashOf, runStep, setStamp, since, stampOk, type Outcome, type SetupContext } from './context.ts';
import { fetchTauriCrates, type TauriBuild } from './tauri-crates.ts';

/** The Cargo manifest of a project: at its root, or a Tauri app's src-tauri/. */
export function cargoManifest(project: string): string | undefined {
  return ['Cargo.toml', 'src-tauri/Cargo.toml'].map((f) => path.join(project, f)).find((f) => existsSync(f));
}

const lockOf = (manifest: string) => path.join(path.dirname(manifest), 'Cargo.lock');

/** What the fetched crates depend on: the lock file where there is one, else the manifest; and the Tauri CLIs that add features. */
function keyOf(manifests: string[], tauri: TauriBuild[] = []): string {
  const cli = (c: string) => (existsSync(c) ? readFileSync(c) : c); // a node_modules/.bin script names the CLI's version through its target
  return hashOf(...manifests.flatMap((m) => [`${m}\0`, readFileSync(existsSync(lockOf(m)) ? lockOf(m) : m), '\0']), ...tauri.flatMap((t) => [t.cli, '\0', cli(t.cli), '\0']));
}

const fetchArgs = (manifest: string, offline: boolean) => [
  'fetch',
  '--quiet',
  '--manifest-path',
  manifest,
  ...(existsSync(lockOf(manifest)) ? ['--locked'] : []),
  ...(offline ? ['--offline'] : []),
];

async function fetchedAlready(ctx: SetupContext, cargo: string, manifests: string[]): Promise<boolean> {
  for (const m of manifests) {
    try {
      await runStep(ctx, cargo, fetchArgs(m, true));
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * Fetches the crates of the Cargo.toml files `manifests` into cargo's registry (`cargo fetch`), and for each
 * app built by a Tauri CLI (`tauri`) those the CLI's own features add, so builds run --offline; 'missing'
 * without cargo; with `check` only reports. Rejects (SetupError) when cargo or a Tauri CLI fails.
 */
export async function provisionCargo(ctx: SetupContext, manifests: string[], tauri: TauriBuild[] = []): Promise<Outcome> {
  const cargo = findExecutable(['cargo'], { env: ctx.env, tools: ctx.tools });
  const names = manifests.map((m) => path.relative(process.cwd(), path.dirname(m)) || '.').join(', ');
  if (!cargo) {
    ctx.say('cargo', 'missing: cargo (install Rust with rustup: https://rustup.rs)');
    return 'missing';
  }
  if (stampOk(ctx, 'cargo', keyOf(manifests, tauri)) && (await fetchedAlready(ctx, cargo, manifests))) {
    ctx.say('cargo', `ok: the crates of ${names} are in ${ctx.env.CARGO_HOME ?? '~/.cargo'}/registry`);
    return 'ok';
  }
  if (ctx.check) {
    ctx.say('cargo', `missing: the crates of ${names} (run: cargo fetch)`);
    return 'missing';
  }
  const start = Date.now();
  for (const m of manifests) await runStep(ctx, cargo, fetchArgs(m, false));
  const added = await fetchTauriCrates({ ...ctx, cargo }, tauri);
  // Keyed after the fetch: a project without a Cargo.lock has one now.
  setStamp(ctx, 'cargo', keyOf(manifests, tauri));
  ctx.say('cargo', `fetched the crates of ${names} in ${since(start)}`);
  for (const line of added) ctx.say('cargo', `with the Tauri CLI's features: ${line}`);
  return 'provisioned';
}
