// What makes two measurements of "the same variant" comparable for an estimate: the same project and the same
// build definition. Ids alone are not enough: a user's `sidecar/pyinstaller-onefile@cold` shares a name with
// this repository's fixture, not its cost. Like Cargo's fingerprint of a unit's inputs, this hashes what
// decides a build's cost and nothing cosmetic (description, runs, smoke, phases), so rewording a scenario
// keeps its history and editing a build command or a lock file starts afresh.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Scenario } from '../scenario/scenario.ts';
import type { PlannedVariant } from './plan.ts';
import { variantId } from '../results/variant-id.ts';

/** Files that say which project this is and what it depends on (a Tauri app's live under src-tauri/). */
const MANIFEST = /^(Cargo\.(toml|lock)|pyproject\.toml|setup\.(py|cfg)|(uv|poetry|Pipfile)\.lock|package(-lock)?\.json|tauri\.conf\.json|requirements[^/]*\.(txt|lock|in)|[^/]*\.spec)$/;

const identities = new Map<string, string>();

/**
 * A path-independent identity of a project folder: the names and contents of its manifests and lock files
 * (at its root and in src-tauri/), or the names at its root when it has none. Same project on another machine
 * or in another clone → same identity; another project → different, whatever its scenarios are called.
 */
function projectIdentity(dir: string): string {
  const known = identities.get(dir);
  if (known) return known;
  const hash = createHash('sha256');
  const files = ['', 'src-tauri'].flatMap((sub) => listFiles(path.join(dir, sub)).filter((f) => MANIFEST.test(f)).map((f) => path.posix.join(sub, f)));
  if (files.length === 0) hash.update(listFiles(dir).filter((f) => !f.startsWith('.')).join('\n'));
  for (const f of files) hash.update(`${f}\0`).update(readFileSync(path.join(dir, f))).update('\0');
  const id = hash.digest('hex').slice(0, 16);
  identities.set(dir, id);
  return id;
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();
}

/** 16 hex digits over the project's identity and what decides the build's cost in this cache state. */
export function variantFingerprint(p: Pick<PlannedVariant, 'scenario' | 'variant' | 'cache'>): string {
  const v = p.variant;
  const decisive = {
    project: projectIdentity(p.scenario.project),
    scenario: p.scenario.name,
    variant: v.name,
    cache: p.cache,
    build: v.build,
    setup: v.setup,
    // The env as written, layers merged (the variant's keys over the scenario's), as before they were layers.
    env: Object.entries(Object.assign({}, ...v.envLayers) as Record<string, string>).sort(([a], [b]) => a.localeCompare(b)),
    clean: v.clean,
    caches: v.caches,
    mutate: v.mutate ?? null,
    artifact: v.artifact ?? null,
    network: v.network,
  };
  return createHash('sha256').update(JSON.stringify(decisive)).digest('hex').slice(0, 16);
}

/** The fingerprint of every variant id (`scenario/variant@cache`) the scenarios define, in every cache state. */
export function fingerprintsOf(scenarios: Scenario[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const scenario of scenarios) {
    for (const variant of scenario.variants) {
      for (const cache of variant.cacheStates) out.set(variantId({ scenario: scenario.name, variant: variant.name, cache }), variantFingerprint({ scenario, variant, cache }));
    }
  }
  return out;
}
