// The checks a schema cannot make on a scenario file: the project folder exists, paths stay inside the
// workdir, variant names are unique, one baseline at most, `default` names the variant's own states, a
// mutating state has its `mutate`, regexes compile, `{needs.NAME}` names a declared need, no NUL anywhere.
// They run on invalid documents too (so every problem is reported in one go): every field is type-guarded.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../common/problem.ts';
import { CACHE_STATE_RULES, isCacheState } from '../results/cache-states.ts';
import { checkConfined } from './confined.ts';
import { misspeltPlaceholders } from './placeholders.ts';
import { DEFAULT_CACHE } from './scenario.ts';

/** A problem at a dotted path of the document (`segments`), positioned at file:line:col. */
export type At = (segments: (string | number)[], message: string) => Problem;
type Raw = Record<string, unknown>;
type Segments = (string | number)[];

const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strings = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** What every variant's checks share: the file's raw text, where to put problems, how to check a path. */
interface Checking {
  raw: Raw;
  at: At;
  confine: (segments: Segments, value: unknown) => Problem[];
  declaresBaseline: boolean;
  /** First index of each variant name seen so far. */
  firstIndex: Map<string, number>;
}

/**
 * Every problem of `raw` (a scenario file as parsed, maybe invalid) beyond its schema; `dir` is the folder
 * of the file, which `project` is relative to. Returns problems in document order per variant; never throws.
 */
export function checkScenario(opts: { raw: Raw; dir: string; at: At }): Problem[] {
  const { raw, at } = opts;
  const project = checkProject(raw, opts.dir, at);
  const confine = (segments: Segments, value: unknown): Problem[] => {
    const problem = typeof value === 'string' ? checkConfined({ value, project: project.root }) : undefined;
    return problem ? [at(segments, problem)] : [];
  };
  const ctx: Checking = { raw, at, confine, declaresBaseline: strings(raw.variants).some((v) => isRecord(v) && v.baseline === true), firstIndex: new Map() };
  const problems = [...project.problems, ...strings(raw.ignore).flatMap((p, i) => confine(['ignore', i], p)), ...strings(raw.copy).flatMap((p, i) => confine(['copy', i], p)), ...(isRecord(raw.seed) ? confine(['seed', 'dir'], raw.seed.dir) : [])];
  strings(raw.variants).forEach((v, i) => isRecord(v) && problems.push(...checkVariant(v, i, ctx)));
  for (const p of findNul({ value: raw, at })) problems.push(p); // not push(...): there may be 100 000
  return [...problems, ...checkOneBaseline(raw, at)];
}

/** The project folder, resolved against the file's folder; `root` only when it exists (to follow symlinks in). */
function checkProject(raw: Raw, dir: string, at: At): { root?: string; problems: Problem[] } {
  const projectPath = str(raw.project);
  if (projectPath === undefined) return { problems: [] };
  const project = path.resolve(dir, projectPath);
  if (existsSync(project) && statSync(project).isDirectory()) return { root: project, problems: [] };
  return { problems: [at(['project'], `folder not found: ${project}`)] };
}

function checkVariant(v: Raw, i: number, ctx: Checking): Problem[] {
  const here = (...rest: Segments) => ['variants', i, ...rest];
  const at = (rest: Segments, message: string) => ctx.at(here(...rest), message);
  return [
    ...checkUniqueName(v, i, ctx),
    // Required, but only here: with a preset, a variant entry may override a preset's variant by name alone.
    ...(v.build === undefined && ctx.raw.preset === undefined ? [at([], 'missing required key "build"')] : []),
    ...checkVariantPaths(v, (rest, value) => ctx.confine(here(...rest), value)),
    ...checkStates(v, i, { ...ctx, at }),
    ...checkPatterns(v, at),
    ...checkNeedPlaceholders({ v, raw: ctx.raw, at }),
    ...checkReady(v, at),
  ];
}

function checkUniqueName(v: Raw, i: number, ctx: Checking): Problem[] {
  const name = str(v.name);
  if (name === undefined) return [];
  const seen = ctx.firstIndex.get(name);
  if (seen === undefined) {
    ctx.firstIndex.set(name, i);
    return [];
  }
  return [ctx.at(['variants', i, 'name'], `duplicate variant name "${name}" (also variants[${seen}])`)];
}

/** The paths the runner removes or writes: the artifact, clean, caches and the mutated file. */
function checkVariantPaths(v: Raw, confine: (rest: Segments, value: unknown) => Problem[]): Problem[] {
  const mutate = isRecord(v.mutate) ? v.mutate : {};
  return [
    ...confine(['artifact'], v.artifact),
    ...strings(v.clean).flatMap((p, j) => confine(['clean', j], p)),
    ...strings(v.caches).flatMap((p, j) => confine(['caches', j], p)),
    ...confine(['mutate', 'touch'], mutate.touch),
    ...(isRecord(mutate.append) ? confine(['mutate', 'append', 'file'], mutate.append.file) : []),
  ];
}

/** `default` of the baseline and of the others, and the `mutate` a mutating cache state needs. */
function checkStates(v: Raw, i: number, ctx: { raw: Raw; declaresBaseline: boolean; at: At }): Problem[] {
  const { at } = ctx;
  const problems: Problem[] = [];
  const states = [v.cache ?? ctx.raw.cache ?? DEFAULT_CACHE].flat();
  const isBaseline = v.baseline === true || (!ctx.declaresBaseline && i === 0);
  if (isBaseline && v.default !== undefined && v.default !== true) {
    problems.push(at(['default'], 'the baseline runs whenever its scenario does (the others are compared with it): remove `default`'));
  }
  for (const [j, state] of strings(v.default).entries()) {
    if (typeof state === 'string' && !states.includes(state)) problems.push(at(['default', j], `"${state}" is not one of this variant's cache states (${states.join(', ')})`));
  }
  const mutating = states.find((s) => typeof s === 'string' && isCacheState(s) && CACHE_STATE_RULES[s].mutates);
  if (mutating && v.mutate === undefined) problems.push(at(['cache'], `the ${mutating} state needs \`mutate\` (touch: FILE or append: {file, text})`));
  return problems;
}

/** The regexes of `phases` and `smoke.window` compile. */
function checkPatterns(v: Raw, at: At): Problem[] {
  const patterns: [Segments, string | undefined][] = [
    ...strings(v.phases).map((p, j): [Segments, string | undefined] => [['phases', j, 'pattern'], isRecord(p) ? str(p.pattern) : undefined]),
    [['smoke', 'window'], isRecord(v.smoke) ? str(v.smoke.window) : undefined],
  ];
  return patterns.flatMap(([segments, pattern]) => {
    if (pattern === undefined) return [];
    try {
      new RegExp(pattern);
      return [];
    } catch (err) {
      return [at(segments, `invalid regular expression: ${(err as Error).message}`)];
    }
  });
}

function checkReady(v: Raw, at: At): Problem[] {
  const ready = isRecord(v.smoke) ? str(v.smoke.ready) : undefined;
  return ready !== undefined && !/^https?:\/\//.test(ready) ? [at(['smoke', 'ready'], 'must be an http:// or https:// URL')] : [];
}

/**
 * The texts placeholders are replaced in, with their paths: a variant's (build, setup, smoke run/install/ready,
 * mutate.append.text, env values; paths relative to the variant) or, given the scenario, its own (setup, env).
 */
function placeholderTexts(owner: Raw, scenarioWide = false): [Segments, unknown][] {
  const envOf = (env: unknown) => Object.entries(isRecord(env) ? env : {}).map(([k, val]): [Segments, unknown] => [['env', k], val]);
  if (scenarioWide) return [[['setup'], owner.setup], ...envOf(owner.env)];
  const smoke = isRecord(owner.smoke) ? owner.smoke : {};
  const append = isRecord(owner.mutate) && isRecord(owner.mutate.append) ? owner.mutate.append : {};
  return [
    [['build'], owner.build],
    [['setup'], owner.setup],
    ...(['run', 'install', 'ready'] as const).map((k): [Segments, unknown] => [['smoke', k], smoke[k]]),
    [['mutate', 'append', 'text'], append.text],
    ...envOf(owner.env),
  ];
}

/** `{needs.NAME}` in a variant's commands, smoke, mutate text or env must name one of its `needs`. */
function checkNeedPlaceholders(opts: { v: Raw; raw: Raw; at: At }): Problem[] {
  const { v, raw, at } = opts;
  const declared = isRecord(v.needs) ? Object.keys(v.needs) : [];
  // Scenario-wide env and setup reach every variant, so their needs must be declared by each.
  const problems: Problem[] = [];
  for (const [segments, text] of [...placeholderTexts(v), ...placeholderTexts(raw, true)]) {
    for (const name of needPlaceholders(text)) {
      if (!declared.includes(name)) problems.push(at(segments, `{needs.${name}} names no entry of this variant's \`needs\`${declared.length ? ` (valid: ${declared.join(', ')})` : ''}`));
    }
  }
  return problems;
}

const needPlaceholders = (text: unknown): string[] => (typeof text === 'string' ? [...text.matchAll(/(?<!\$)\{needs\.([A-Za-z0-9_-]+)\}/g)].map((m) => m[1]!) : []);

/** At most one variant says `baseline: true`; the second is named. */
function checkOneBaseline(raw: Raw, at: At): Problem[] {
  const baselines = strings(raw.variants).flatMap((v, i) => (isRecord(v) && v.baseline === true ? [i] : []));
  return baselines.length > 1 ? [at(['variants', baselines[1]!, 'baseline'], `only one variant may be the baseline (also variants[${baselines[0]}])`)] : [];
}

/**
 * Strings holding NUL: no command, path or environment entry can carry one to a process (spawn throws, which
 * was an internal error in the middle of a run), so they are refused here, keys included.
 */
function findNul(opts: { value: unknown; at: At }): Problem[] {
  const problems: Problem[] = [];
  const stack: [unknown, Segments][] = [[opts.value, []]];
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
 * Warnings for braced words that look like a misspelt placeholder (placeholders.ts misspeltPlaceholders) in
 * every text placeholders are replaced in (placeholderTexts), scenario-wide and per variant. A warning, not an error: `{tool}` may be a Python f-string's on purpose
 * (validate --strict makes it one). Never throws.
 */
export function checkMisspeltPlaceholders(raw: Raw, at: At): Problem[] {
  const places = [
    ...placeholderTexts(raw, true),
    ...strings(raw.variants).flatMap((v, i) => (isRecord(v) ? placeholderTexts(v).map(([segments, text]): [Segments, unknown] => [['variants', i, ...segments], text]) : [])),
  ];
  return places.flatMap(([segments, text]) =>
    typeof text === 'string' ? misspeltPlaceholders(text).map((m) => at(segments, `${m.written} is no placeholder (did you mean ${m.meant}?): it reaches the command as written`)) : [],
  );
}
