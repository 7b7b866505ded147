// The untimed dependency build a scenario's variants share (`seed:`): built once per key in a copy of the project
// kept under the tool dir, then its output folder cloned into each variant's workdir before the variant's own
// set-up. The key hashes what decides the output (the commands, the env as written, the `inputs` files and the
// `keyCommand`'s output, e.g. `rustc -vV`), so a changed Cargo.lock or toolchain builds a new seed. The seed
// stays where it was built, so absolute paths a build wrote into it (cargo's build-script outputs) stay valid;
// for the same reason it is built in place under a lock rather than aside and renamed (cloudflare/workers-rs#934:
// two runs that shared a build folder deleted each other's files).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { slugOf, type PlannedVariant } from '../plan/plan.ts';
import { createWorkdir } from '../plan/workdir.ts';
import { toolsDir } from '../common/where.ts';
import { isAlive, readOwner, waitForLock, type LockOwner } from '../common/lock-file.ts';
import { runUntimed, type UntimedOutcome } from './untimed.ts';

/** Seeds kept per scenario: the current one and the one before (each can be a full target dir, GBs). */
const KEEP = 2;

/** What the variants of one run share about seeds: each failed seed's home, with the id of the variant that built it. */
export type SeedFailures = Map<string, string>;

/**
 * Builds the variant's shared seed once per key under the tool dir (untimed, keeping the two newest per
 * scenario) and clones its output folder into the variant's workdir. Another buildbench process building or
 * cloning the same seed holds its lock (`<seed>.lock`): this one waits, and `onWait` says for whom. A seed that
 * failed earlier in this run (`failed`) is not built again: the variant fails with "seed failed (see <id>)".
 * `onBuild` is called when this call builds the seed (not when it clones one already built).
 * Returns undefined when done, 'interrupted' when aborted, or why it failed with the log tail.
 */
export async function seedWorkdir(opts: { planned: PlannedVariant; outDir: string; failed: SeedFailures; onWait: (owner: LockOwner) => void; onBuild?: () => void; signal?: AbortSignal }): Promise<UntimedOutcome> {
  const { planned } = opts;
  const store = path.join(toolsDir(), 'seeds');
  const home = path.join(store, `${slugOf(planned.scenario.name)}-${seedKey(planned)}`);
  const builtBy = opts.failed.get(home);
  if (builtBy) return { reason: `seed failed (see ${builtBy})`, tail: [] };
  mkdirSync(store, { recursive: true });
  const release = await waitForLock({ file: `${home}.lock`, onWait: opts.onWait, signal: opts.signal });
  if (release === 'interrupted') return 'interrupted';
  try {
    if (!existsSync(path.join(home, '.complete'))) {
      opts.onBuild?.();
      const built = await buildSeed({ ...opts, home, work: path.join(home, 'work') });
      if (built && built !== 'interrupted') opts.failed.set(home, planned.id);
      if (built) return built;
      prune({ store, prefix: `${slugOf(planned.scenario.name)}-` });
    }
    return cloneSeed({ planned, home });
  } finally {
    release();
  }
}

/** The seed's output folder cloned into the variant's workdir; undefined when done, else why not. */
function cloneSeed(opts: { planned: PlannedVariant; home: string }): UntimedOutcome {
  const { planned, home } = opts;
  const dir = planned.variant.seed!.dir;
  utimesSync(home, new Date(), new Date()); // most recently used: kept by the pruning
  const from = path.join(home, 'work', dir);
  const to = path.join(planned.workdir, dir);
  rmSync(to, { recursive: true, force: true });
  try {
    // A reflink where the filesystem has them (btrfs, xfs), else a full copy: the seed itself never changes.
    execFileSync('cp', ['-a', '--reflink=auto', from, to], { stdio: 'pipe' });
  } catch (err) {
    return { reason: `could not clone the seed ${from}: ${String((err as { stderr?: Buffer }).stderr ?? err).trim()}`, tail: [] };
  }
  return undefined;
}

/** Copy the project into the seed's home, run the scenario's set-up and the seed command there. */
async function buildSeed(opts: { planned: PlannedVariant; outDir: string; signal?: AbortSignal; home: string; work: string }): Promise<UntimedOutcome> {
  const { planned, home, work } = opts;
  const seed = planned.variant.seed!;
  rmSync(home, { recursive: true, force: true });
  const at = { ...planned, workdir: work, cacheDir: path.join(home, 'cache') };
  createWorkdir(at);
  const ran = await runUntimed({ planned: at, commands: [...seed.setup, seed.run], label: 'seed', outDir: opts.outDir, signal: opts.signal });
  if (ran) return ran;
  if (!existsSync(path.join(work, seed.dir))) return { reason: `the seed command left no ${seed.dir}`, tail: [] };
  writeFileSync(path.join(home, '.complete'), `${new Date().toISOString()}\n`);
  return undefined;
}

/** 16 hex digits of a sha256 over everything that decides the seed's output. */
export function seedKey(planned: PlannedVariant): string {
  const { seed, envLayers } = planned.variant;
  const hash = createHash('sha256').update(JSON.stringify({ seed: { ...seed, inputs: undefined }, envLayers }));
  for (const input of seed!.inputs) {
    const file = path.join(planned.scenario.project, input);
    hash.update(`\0${input}\0`).update(existsSync(file) ? readFileSync(file) : 'missing');
  }
  if (seed!.keyCommand) {
    try {
      hash.update(execFileSync('sh', ['-c', seed!.keyCommand], { cwd: planned.scenario.project, stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000 }));
    } catch {
      hash.update('keyCommand failed'); // the seed command will say why, in its log
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** Removes the least recently used seeds of a scenario past KEEP, except those another process holds the lock of. */
function prune(opts: { store: string; prefix: string }): void {
  const seeds = readdirSync(opts.store, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name.startsWith(opts.prefix))
    .map((d) => ({ dir: path.join(opts.store, d.name), used: statSync(path.join(opts.store, d.name)).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  for (const old of seeds.slice(KEEP)) {
    const owner = readOwner(`${old.dir}.lock`);
    if (owner && isAlive(owner.pid)) continue;
    rmSync(old.dir, { recursive: true, force: true });
  }
}
