// A scenario file that starts from a preset: the preset's scenario with the parameters under `with`, then every
// field the file sets on top (env merged key by key, variants merged by name, `without` leaving variants out).
// The result is an ordinary scenario file, checked and resolved like one; `origin` maps each of its paths back
// to where the user can find it, so problems keep their file:line:col.
import { Value } from '@sinclair/typebox/value';
import { suggest } from '../common/did-you-mean.ts';
import type { Problem } from '../common/problem.ts';
import { findPreset, type Preset, type TemplateVariant } from './presets/index.ts';
import type { ScenarioFile, VariantFile } from './schema.ts';

/** A scenario file with its preset applied, or as written when it names none: every variant has its build. */
export type ExpandedScenarioFile = Omit<ScenarioFile, 'preset' | 'with' | 'without' | 'variants'> & { variants: TemplateVariant[] };

type Segments = (string | number)[];
type At = (segments: Segments, message: string) => Problem;

export interface Expansion {
  value?: ExpandedScenarioFile;
  problems: Problem[];
  /** Where a path of the expanded file is in the user's file: the variant it overrides, or the `preset` key. */
  origin: (segments: Segments) => Segments;
  /** The preset's parameters as it expanded them (the file's `with`, the preset's defaults filled in). */
  params?: Record<string, unknown>;
}

/** Apply the preset a valid scenario file names (`file.preset` must be set). */
export function expandPreset(opts: { file: ScenarioFile; at: At }): Expansion {
  const { file, at } = opts;
  const preset = findPreset(file.preset!)!; // the schema admits only known names
  const params = parameters({ preset, given: file.with, at });
  if (!params.value) return { problems: params.problems, origin: () => ['preset'] };
  const template = preset.expand(params.value);
  const problems: Problem[] = [];
  const names = template.variants.map((v) => v.name);
  const seeAlso = (name: string) => {
    const guess = suggest(name, names);
    return guess ? `did you mean "${guess}"?` : `its variants: ${names.join(', ')}`;
  };
  (file.without ?? []).forEach((name, i) => {
    if (!names.includes(name)) problems.push(at(['without', i], `preset ${preset.name} has no variant "${name}" (${seeAlso(name)})`));
  });
  const own = file.variants ?? [];
  const kept = template.variants.filter((v) => !file.without?.includes(v.name));
  const merged = kept.map((v) => {
    const override = own.find((o) => o.name === v.name);
    return override ? mergeVariant(v, override) : v;
  });
  own.forEach((o, j) => {
    if (names.includes(o.name)) return;
    if (o.build !== undefined) merged.push(o as TemplateVariant);
    else problems.push(at(['variants', j, 'name'], `preset ${preset.name} has no variant "${o.name}" (${seeAlso(o.name)}); a new variant needs \`build\``));
  });
  const { preset: _preset, with: _with, without: _without, variants: _variants, env, ...fields } = file;
  const value: ExpandedScenarioFile = { ...template, ...fields, ...mergeEnv(template.env, env), variants: merged };
  const origin = (segments: Segments): Segments => {
    if (segments[0] === 'variants' && typeof segments[1] === 'number') {
      const j = own.findIndex((o) => o.name === merged[segments[1] as number]?.name);
      return j >= 0 ? ['variants', j, ...segments.slice(2)] : ['preset'];
    }
    return typeof segments[0] === 'string' && segments[0] in file ? segments : ['preset'];
  };
  return { value, problems, origin, params: params.value as Record<string, unknown> };
}

/** The parameters with the preset's defaults filled in; a missing `with` is reported at `preset`. */
function parameters(opts: { preset: Preset; given: Record<string, unknown> | undefined; at: At }): { value?: never; problems: Problem[] } {
  const { preset, given, at } = opts;
  const required = preset.params.required ?? [];
  if (given === undefined && required.length > 0) {
    return { problems: [at(['preset'], `preset ${preset.name} needs parameters under \`with\`: ${required.join(', ')}`)] };
  }
  // The schema already checked `with` against the preset's parameters (the `if`/`then` per preset).
  return { value: Value.Default(preset.params, structuredClone(given ?? {})) as never, problems: [] };
}

function mergeVariant(base: TemplateVariant, own: VariantFile): TemplateVariant {
  return { ...base, ...own, build: own.build ?? base.build, ...mergeEnv(base.env, own.env) };
}

/** Environment maps merge key by key: overriding one variable keeps the preset's others. */
function mergeEnv(base: Record<string, string> | undefined, own: Record<string, string> | undefined) {
  return base || own ? { env: { ...base, ...own } } : {};
}
