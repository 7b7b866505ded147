// A scenario variant as it will run, as plain data: every command in full (set-up, build, the outputs removed
// before samples, the edit, the launch), its environment with the layers merged, the placeholders its text
// uses and what each stands for. `buildbench show` prints it with where each value came from, and
// `run --dry-run --json` gives it per planned variant.
import { listPlaceholders } from './placeholders.ts';
import type { Mutate, Smoke } from './schema.ts';
import type { ScenarioVariant } from './scenario.ts';

/** What a placeholder stands for when a command runs (the fixed ones; `{needs.NAME}` is described per need). */
export const PLACEHOLDER_MEANINGS: Readonly<Record<string, string>> = {
  '{workdir}': "the variant's own copy of the project (the commands' folder)",
  '{cache}': "the variant's own tool-cache folder (PYINSTALLER_CONFIG_DIR, PEX_ROOT, UV_CACHE_DIR … point into it)",
  '{artifact}': "the artifact's path in the workdir",
  '{port}': 'a free TCP port, chosen for each launch',
  '{round}': 'the round number (negative for warm-ups)',
  '{tools}': "buildbench's tool environment (the pinned Python tools, uv, the wheelhouse)",
  '{scenarioDir}': 'the folder of the scenario file',
};

/** One variant, every field a command line or a path (no positions: see provenance.ts for where each came from). */
export interface VariantView {
  name: string;
  baseline: boolean;
  description?: string;
  /** Cache states it is measured in, and those a plain run measures. */
  cacheStates: string[];
  plainStates: string[];
  /** Untimed, once per workdir: the scenario's set-up, then the variant's. */
  setup: string[];
  /** The shared untimed dependency build, cloned into each workdir before set-up. */
  seed?: { run: string; dir: string };
  build: string;
  artifact?: string;
  /** Removed before every sample (cold and warm). */
  clean: string[];
  /** Removed before cold samples only, with the variant's {cache} folder. */
  caches: string[];
  /** The edit applied before each incremental sample. */
  mutate?: Mutate;
  smoke?: Smoke;
  service?: { run: string; stop?: string };
  /** The scenario's env, then the variant's ($VAR expanded per process). */
  env: Record<string, string>;
  requires: string[];
  timeoutS?: number;
  needs: { name: string; producer: string }[];
  network: boolean;
  /** Why it cannot be built as asked: recorded unavailable, never run. */
  unavailable?: string;
  /** Placeholders its commands use → what each stands for. */
  placeholders: Record<string, string>;
}

/** The view of a resolved variant. Pure; never throws. */
export function viewVariant(v: ScenarioVariant): VariantView {
  const texts = [...v.setup, v.build, v.smoke?.run, v.smoke?.install, v.smoke?.ready, v.service?.run, v.service?.stop, ...v.envLayers.flatMap((l) => Object.values(l))];
  if (v.mutate && 'append' in v.mutate) texts.push(v.mutate.append.text);
  const placeholders: Record<string, string> = {};
  for (const p of texts.flatMap((t) => (t ? listPlaceholders(t) : []))) {
    const need = /^\{needs\.(.+)\}$/.exec(p)?.[1];
    const producer = (v.needs ?? []).find((n) => n.name === need)?.producer;
    placeholders[p] = need ? `the artifact of ${producer ?? 'the variant it needs'}, built earlier in the same run` : (PLACEHOLDER_MEANINGS[p] ?? 'unknown');
  }
  return {
    name: v.name,
    baseline: v.baseline,
    ...(v.description ? { description: v.description } : {}),
    cacheStates: [...v.cacheStates],
    plainStates: [...v.plainStates],
    setup: v.setup,
    ...(v.seed ? { seed: { run: v.seed.run, dir: v.seed.dir } } : {}),
    build: v.build,
    ...(v.artifact ? { artifact: v.artifact } : {}),
    clean: v.clean,
    caches: v.caches,
    ...(v.mutate ? { mutate: v.mutate } : {}),
    ...(v.smoke ? { smoke: v.smoke } : {}),
    ...(v.service ? { service: v.service } : {}),
    env: Object.assign({}, ...v.envLayers) as Record<string, string>,
    requires: v.requires,
    ...(v.timeoutS !== undefined ? { timeoutS: v.timeoutS } : {}),
    needs: (v.needs ?? []).map((n) => ({ name: n.name, producer: n.producer })),
    network: v.network,
    ...(v.unavailable ? { unavailable: v.unavailable } : {}),
    placeholders,
  };
}
