// Load scenario files: parse with positions, validate against the schema, check what a schema cannot say
// (unique names, paths confined to the workdir, a mutate for incremental builds), then resolve defaults.
// Every problem of a file is returned at once.
import { sourcesOf, type SourceOf } from './provenance.ts';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { limitProblems, readDocumentFile, validateDocument, type Validated } from '../common/validate-document.ts';
import { formatPath, type Problem } from '../common/problem.ts';
import { expandPreset, type ExpandedScenarioFile, type Expansion } from './preset-use.ts';
import { checkEnvValues } from './check-env.ts';
import { checkMisspeltPlaceholders, checkScenario, type At } from './check-scenario.ts';
import { ScenarioFileSchema, type CacheState, type ScenarioFile, type VariantFile } from './schema.ts';
import { DEFAULT_CACHE, DEFAULT_RUNS, DEFAULT_WARMUP, type Scenario, type ScenarioVariant } from './scenario.ts';
import { resolveBudget } from './budget.ts';

export interface LoadResult {
  scenario?: Scenario;
  problems: Problem[];
  /** Where each value of the loaded scenario came from (for `buildbench show`); set with `scenario`. */
  sourceOf?: SourceOf;
  /** The preset's name and its parameters as expanded (the file's `with` with the preset's defaults), when it names one. */
  preset?: { name: string; params: Record<string, unknown> };
}

/**
 * Reads, validates and resolves one scenario file (YAML, path as given): every problem at once with its
 * file:line:col, or the resolved Scenario (defaults applied, preset expanded, `sha256` of what was read) with
 * its env warnings. Never throws for bad input: an unreadable file or a directory is a problem too.
 */
export function loadScenarioFile(file: string): LoadResult {
  const read = readDocumentFile(file);
  if (read.text === undefined) return { problems: [{ file, message: read.directory ? 'is a directory, not a scenario file' : read.message }] };
  const doc = validateDocument<ScenarioFile>({ file, text: read.text, schema: ScenarioFileSchema });
  if (!isRecord(doc.data)) return { problems: doc.problems };
  const dir = path.dirname(path.resolve(file));
  const parsed = expandIfPreset({ file, doc });
  const checked = checkParsed({ ...parsed, dir, schemaProblems: doc.problems });
  if (checked.problems.length > 0 || !doc.value) return { problems: limitProblems(file, sortProblems(checked.problems)) };
  const expanded = parsed.expansion?.value ?? (doc.value as ExpandedScenarioFile); // checkScenario found every build
  // A preset's file hashes with its expansion: the same text measures something else when the preset changes.
  const sha256 = createHash('sha256').update(read.text).update(parsed.expansion ? JSON.stringify(expanded) : '').digest('hex');
  const warnings = checked.warnings.length > 0 ? { warnings: sortProblems(checked.warnings) } : {};
  const sourceOf = sourcesOf({ file, data: doc.data, locate: doc.locate, expansion: parsed.expansion, preset: doc.value.preset });
  return { scenario: { ...resolveScenario({ raw: expanded, file, dir, sha256, at: parsed.at }), ...warnings }, problems: [], sourceOf, ...(parsed.expansion?.params ? { preset: { name: doc.value.preset!, params: parsed.expansion.params } } : {}) };
}

/** The file as the checks see it: a preset's expansion, or the file itself; `at` positions a problem where the user wrote it. */
function expandIfPreset(opts: { file: string; doc: Validated<ScenarioFile> }): { raw: unknown; expansion: Expansion | undefined; at: At } {
  const { file, doc } = opts;
  const at: At = (segments, message) => ({ file, ...doc.locate(segments), path: formatPath(segments), message });
  const expansion = doc.value?.preset === undefined ? undefined : expandPreset({ file: doc.value, at });
  if (!expansion) return { raw: doc.data, expansion, at };
  // Problems in the expanded file point at what the user wrote: the variant overridden, else the `preset` key.
  const atOrigin: At = (segments, message) => ({ ...at(expansion.origin(segments), message), path: formatPath(segments) });
  return { raw: expansion.value, expansion, at: atOrigin };
}

/** Every problem: the schema's, the preset's, the checks a schema cannot make and the env values'. */
function checkParsed(opts: { raw: unknown; expansion: Expansion | undefined; at: At; dir: string; schemaProblems: Problem[] }): { problems: Problem[]; warnings: Problem[] } {
  const { raw, at } = opts;
  // The checks a schema cannot make run on invalid documents too, so every problem is reported in one go.
  const env = isRecord(raw) ? checkEnvValues({ raw, at }) : { problems: [], warnings: [] };
  const beyond = isRecord(raw) ? checkScenario({ raw, dir: opts.dir, at }) : [];
  const misspelt = isRecord(raw) ? checkMisspeltPlaceholders(raw, at) : [];
  return { problems: [...opts.schemaProblems, ...(opts.expansion?.problems ?? []), ...beyond, ...env.problems], warnings: [...env.warnings, ...misspelt] };
}

function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function cacheStates(raw: VariantFile['cache'] | undefined): CacheState[] {
  if (raw === undefined) return DEFAULT_CACHE;
  return typeof raw === 'string' ? [raw] : raw;
}

function plainStates(raw: VariantFile['default'], states: CacheState[]): CacheState[] {
  if (raw === undefined || raw === true) return states;
  if (raw === false) return [];
  return states.filter((s) => raw.includes(s));
}

function resolveScenario(opts: { raw: ExpandedScenarioFile; file: string; dir: string; sha256: string; at: At }): Omit<Scenario, 'warnings'> {
  const { raw, file, dir, sha256, at } = opts;
  const hasBaseline = raw.variants.some((v) => v.baseline);
  const variants: ScenarioVariant[] = raw.variants.map((v, i) => ({
    scenario: raw.name,
    name: v.name,
    description: v.description,
    // Without a declared baseline the first variant is the reference, as in hyperfine's relative summary.
    baseline: v.baseline ?? (!hasBaseline && i === 0),
    build: v.build,
    setup: [raw.setup, v.setup].filter((s): s is string => s !== undefined),
    artifact: v.artifact,
    clean: v.clean ?? [],
    caches: v.caches ?? [],
    cacheStates: cacheStates(v.cache ?? raw.cache),
    plainStates: plainStates(v.default, cacheStates(v.cache ?? raw.cache)),
    mutate: v.mutate,
    smoke: v.smoke,
    ...(resolveBudget(raw.budget, v.budget) ? { budget: resolveBudget(raw.budget, v.budget) } : {}),
    service: v.service,
    envLayers: [raw.env ?? {}, v.env ?? {}],
    ...(raw.seed ? { seed: { ...raw.seed, inputs: raw.seed.inputs ?? [], setup: raw.setup ? [raw.setup] : [] } } : {}),
    requires: [...new Set([...(raw.requires ?? []), ...(v.requires ?? []), ...(v.smoke?.window !== undefined ? ['Xvfb', 'xwininfo'] : [])])],
    timeoutS: v.timeoutS ?? raw.timeoutS,
    phases: v.phases ?? [],
    expect: v.expect,
    network: v.network ?? false,
    ...(v.unavailable ? { unavailable: v.unavailable } : {}),
    needs: Object.entries(v.needs ?? {}).map(([name, producer]) => {
      const { message: _, ...where } = at(['variants', i, 'needs', name], '');
      return { name, producer, at: where };
    }),
    runs: raw.runs ?? DEFAULT_RUNS,
    warmup: raw.warmup ?? DEFAULT_WARMUP,
  }));
  return {
    name: raw.name,
    description: raw.description,
    file,
    path: path.resolve(file),
    sha256,
    default: raw.default ?? false,
    project: path.resolve(dir, raw.project),
    ignore: raw.ignore ?? [],
    ...(raw.copy ? { copy: raw.copy } : {}),
    ...(raw.ignoreGitignored ? { ignoreGitignored: true } : {}),
    variants,
  };
}
