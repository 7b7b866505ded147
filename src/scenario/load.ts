// Load scenario files: parse with positions, validate against the schema, check what a schema cannot say
// (unique names, paths confined to the workdir, a mutate for incremental builds), then resolve defaults.
// Every problem of a file is returned at once.
import { createHash } from 'node:crypto';
import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { limitProblems, readDocumentFile, validateDocument } from '../common/validate-document.ts';
import { formatPath, type Problem } from '../common/problem.ts';
import { findPlaceholder } from './placeholders.ts';
import { expandPreset, type ExpandedScenarioFile } from './preset-use.ts';
import { checkEnvValues } from './check-env.ts';
import { CACHE_STATE_RULES, isCacheState } from '../results/cache-states.ts';
import { ScenarioFileSchema, type CacheState, type ScenarioFile, type VariantFile } from './schema.ts';
import { DEFAULT_CACHE, DEFAULT_RUNS, DEFAULT_WARMUP, type Scenario, type ScenarioVariant } from './scenario.ts';

export interface LoadResult {
  scenario?: Scenario;
  problems: Problem[];
}

/**
 * Reads, validates and resolves one scenario file (YAML, path as given): every problem at once with its
 * file:line:col, or the resolved Scenario (defaults applied, preset expanded, `sha256` of what was read) with
 * its env warnings. Never throws for bad input: an unreadable file or a directory is a problem too.
 */
export function loadScenarioFile(file: string): LoadResult {
  const read = readDocumentFile(file);
  if (read.text === undefined) return { problems: [{ file, message: read.directory ? 'is a directory, not a scenario file' : read.message }] };
  const { text } = read;
  const doc = validateDocument<ScenarioFile>({ file, text, schema: ScenarioFileSchema });
  if (!isRecord(doc.data)) return { problems: doc.problems };
  const at = (segments: (string | number)[], message: string): Problem => ({
    file,
    ...doc.locate(segments),
    path: formatPath(segments),
    message,
  });
  const dir = path.dirname(path.resolve(file));
  const expansion = doc.value?.preset === undefined ? undefined : expandPreset({ file: doc.value, at });
  // Problems in the expanded file point at what the user wrote: the variant overridden, else the `preset` key.
  const atOrigin: At = expansion ? (segments, message) => ({ ...at(expansion.origin(segments), message), path: formatPath(segments) }) : at;
  const raw = expansion ? expansion.value : doc.data;
  // The checks a schema cannot make run on invalid documents too, so every problem is reported in one go.
  const env = isRecord(raw) ? checkEnvValues({ raw, at: atOrigin }) : { problems: [], warnings: [] };
  const problems = [...doc.problems, ...(expansion?.problems ?? []), ...(isRecord(raw) ? checkScenario({ raw, dir, at: atOrigin }) : []), ...env.problems];
  if (problems.length > 0 || !doc.value) return { problems: limitProblems(file, sortProblems(problems)) };
  const expanded = expansion?.value ?? (doc.value as ExpandedScenarioFile); // checkScenario found every build
  // A preset's file hashes with its expansion: the same text measures something else when the preset changes.
  const sha256 = createHash('sha256').update(text).update(expansion ? JSON.stringify(expanded) : '').digest('hex');
  const warnings = env.warnings.length > 0 ? { warnings: sortProblems(env.warnings) } : {};
  return { scenario: { ...resolveScenario({ raw: expanded, file, dir, sha256, at: atOrigin }), ...warnings }, problems: [] };
}

function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strings = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

type At = (segments: (string | number)[], message: string) => Problem;

/** Checks beyond the schema. `raw` may be invalid, so every field is type-guarded here. */
function checkScenario(opts: { raw: Record<string, unknown>; dir: string; at: At }): Problem[] {
  const { raw, dir, at } = opts;
  const problems: Problem[] = [];
  const projectPath = str(raw.project);
  const project = projectPath === undefined ? undefined : path.resolve(dir, projectPath);
  const projectExists = project !== undefined && existsSync(project) && statSync(project).isDirectory();
  if (project !== undefined && !projectExists) problems.push(at(['project'], `folder not found: ${project}`));

  const confined = (segments: (string | number)[], value: unknown) => {
    if (typeof value !== 'string') return;
    const problem = checkConfined({ value, project: projectExists ? project : undefined });
    if (problem) problems.push(at(segments, problem));
  };
  const checkRegex = (segments: (string | number)[], pattern: string) => {
    try {
      new RegExp(pattern);
    } catch (err) {
      problems.push(at(segments, `invalid regular expression: ${(err as Error).message}`));
    }
  };
  strings(raw.ignore).forEach((p, i) => confined(['ignore', i], p));
  if (isRecord(raw.seed)) confined(['seed', 'dir'], raw.seed.dir);

  const firstIndex = new Map<string, number>();
  const baselines: number[] = [];
  const declaresBaseline = strings(raw.variants).some((v) => isRecord(v) && v.baseline === true);
  strings(raw.variants).forEach((v, i) => {
    if (!isRecord(v)) return;
    const here = (...rest: (string | number)[]) => ['variants', i, ...rest];
    const name = str(v.name);
    const seen = name === undefined ? undefined : firstIndex.get(name);
    if (seen !== undefined) problems.push(at(here('name'), `duplicate variant name "${name}" (also variants[${seen}])`));
    else if (name !== undefined) firstIndex.set(name, i);
    // Required, but only here: with a preset, a variant entry may override a preset's variant by name alone.
    if (v.build === undefined && raw.preset === undefined) problems.push(at(here(), 'missing required key "build"'));
    if (v.baseline === true) baselines.push(i);
    confined(here('artifact'), v.artifact);
    strings(v.clean).forEach((p, j) => confined(here('clean', j), p));
    strings(v.caches).forEach((p, j) => confined(here('caches', j), p));
    const mutate = isRecord(v.mutate) ? v.mutate : {};
    confined(here('mutate', 'touch'), mutate.touch);
    if (isRecord(mutate.append)) confined(here('mutate', 'append', 'file'), mutate.append.file);
    const states = [v.cache ?? raw.cache ?? DEFAULT_CACHE].flat();
    const isBaseline = v.baseline === true || (!declaresBaseline && i === 0);
    if (isBaseline && v.default !== undefined && v.default !== true) {
      problems.push(at(here('default'), 'the baseline runs whenever its scenario does (the others are compared with it): remove `default`'));
    }
    for (const [j, state] of strings(v.default).entries()) {
      if (typeof state === 'string' && !states.includes(state)) problems.push(at(here('default', j), `"${state}" is not one of this variant's cache states (${states.join(', ')})`));
    }
    const mutating = states.find((s) => typeof s === 'string' && isCacheState(s) && CACHE_STATE_RULES[s].mutates);
    if (mutating && v.mutate === undefined) problems.push(at(here('cache'), `the ${mutating} state needs \`mutate\` (touch: FILE or append: {file, text})`));
    strings(v.phases).forEach((p, j) => {
      const pattern = isRecord(p) ? str(p.pattern) : undefined;
      if (pattern !== undefined) checkRegex(here('phases', j, 'pattern'), pattern);
    });
    const window = isRecord(v.smoke) ? str(v.smoke.window) : undefined;
    if (window !== undefined) checkRegex(here('smoke', 'window'), window);
    problems.push(...checkNeedPlaceholders({ v, raw, at: (rest, message) => at(here(...rest), message) }));
    const ready = isRecord(v.smoke) ? str(v.smoke.ready) : undefined;
    if (ready !== undefined && !/^https?:\/\//.test(ready)) problems.push(at(here('smoke', 'ready'), 'must be an http:// or https:// URL'));
  });
  for (const p of findNul({ value: raw, at })) problems.push(p); // not push(...): there may be 100 000
  if (baselines.length > 1) {
    problems.push(at(['variants', baselines[1]!, 'baseline'], `only one variant may be the baseline (also variants[${baselines[0]}])`));
  }
  return problems;
}

/** `{needs.NAME}` in a variant's commands, smoke or env must name one of its `needs`. */
function checkNeedPlaceholders(opts: { v: Record<string, unknown>; raw: Record<string, unknown>; at: At }): Problem[] {
  const { v, raw, at } = opts;
  const declared = isRecord(v.needs) ? Object.keys(v.needs) : [];
  const smoke = isRecord(v.smoke) ? v.smoke : {};
  const places: [(string | number)[], unknown][] = [
    [['build'], v.build],
    [['setup'], v.setup],
    [['smoke', 'run'], smoke.run],
    ...Object.entries(isRecord(v.env) ? v.env : {}).map(([k, val]): [(string | number)[], unknown] => [['env', k], val]),
  ];
  // Scenario-wide env and setup reach every variant, so their needs must be declared by each.
  const shared: [(string | number)[], unknown][] = [[['setup'], raw.setup], ...Object.entries(isRecord(raw.env) ? raw.env : {}).map(([k, val]): [(string | number)[], unknown] => [['env', k], val])];
  const problems: Problem[] = [];
  for (const [segments, text] of [...places, ...shared]) {
    for (const name of needPlaceholders(text)) {
      if (!declared.includes(name)) problems.push(at(segments, `{needs.${name}} names no entry of this variant's \`needs\`${declared.length ? ` (valid: ${declared.join(', ')})` : ''}`));
    }
  }
  return problems;
}

const needPlaceholders = (text: unknown): string[] => (typeof text === 'string' ? [...text.matchAll(/(?<!\$)\{needs\.([A-Za-z0-9_-]+)\}/g)].map((m) => m[1]!) : []);

/**
 * Strings holding NUL: no command, path or environment entry can carry one to a process (spawn throws, which
 * was an internal error in the middle of a run), so they are refused here, keys included.
 */
function findNul(opts: { value: unknown; at: At }): Problem[] {
  const problems: Problem[] = [];
  const stack: [unknown, (string | number)[]][] = [[opts.value, []]];
  while (stack.length > 0) {
    const [value, segments] = stack.pop()!;
    if (typeof value === 'string' && value.includes('\u0000')) problems.push(opts.at(segments, 'must not contain a NUL character'));
    else if (Array.isArray(value)) value.forEach((v, i) => stack.push([v, [...segments, i]]));
    else if (isRecord(value)) {
      for (const [k, v] of Object.entries(value)) {
        if (k.includes('\u0000')) problems.push(opts.at([...segments, k], 'the key must not contain a NUL character'));
        stack.push([v, [...segments, k]]);
      }
    }
  }
  return problems;
}

/**
 * Paths a scenario names (clean, caches, artifact, mutate) are removed or written by the runner, so they must
 * stay inside the workdir: no absolute paths, no `..` escapes, and no symlink in the project leading outside.
 */
export function checkConfined(opts: { value: string; project?: string }): string | undefined {
  const { value, project } = opts;
  if (path.isAbsolute(value) || /^[A-Za-z]:[\\/]/.test(value)) return 'must be a path inside the workdir, not an absolute path';
  // Paths are read relative to the workdir as written: a placeholder here would stay literal.
  const placeholder = findPlaceholder(value);
  if (placeholder) return `placeholders are not expanded in paths (${placeholder}): write the path relative to the workdir`;
  // Trailing slashes dropped: `./` and `a/../` name the workdir itself as surely as `.` (found by test/fuzz).
  const normal = path.posix.normalize(value.replace(/\\/g, '/')).replace(/(.)\/+$/, '$1');
  if (normal === '..' || normal.startsWith('../')) return 'must stay inside the workdir (no ".." escape)';
  if (normal === '.' || normal === '') return 'must name something inside the workdir, not the workdir itself';
  if (!project) return undefined;
  // Walk the existing prefix of the path: any symlink on the way must resolve inside the project.
  const root = realpathSync(project);
  let current = project;
  for (const part of normal.split('/')) {
    current = path.join(current, part);
    if (!existsSync(current)) break;
    const real = realpathSync(current);
    if (real !== root && !real.startsWith(root + path.sep)) return `leads outside the workdir through a symlink (${real})`;
  }
  return undefined;
}

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
    service: v.service,
    envLayers: [raw.env ?? {}, v.env ?? {}],
    ...(raw.seed ? { seed: { ...raw.seed, inputs: raw.seed.inputs ?? [], setup: raw.setup ? [raw.setup] : [] } } : {}),
    requires: [...new Set([...(raw.requires ?? []), ...(v.requires ?? []), ...(v.smoke?.window !== undefined ? ['Xvfb', 'xwininfo'] : [])])],
    timeoutS: v.timeoutS ?? raw.timeoutS,
    phases: v.phases ?? [],
    expect: v.expect,
    network: v.network ?? false,
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
    ...(raw.ignoreGitignored ? { ignoreGitignored: true } : {}),
    variants,
  };
}
