// What a preset is: named, documented parameters (a TypeBox object, so the JSON Schema completes them) and a
// pure function from their values to the scenario fields it stands for. A scenario file names a preset, gives
// the parameters under `with`, and overrides any field; see ../preset-use.ts for how the two are merged.
import { Type, type Static, type TObject, type TProperties } from '@sinclair/typebox';
import type { ScenarioFile, VariantFile } from '../schema.ts';

/** A variant as a preset writes it: complete, `build` included. */
export type TemplateVariant = VariantFile & { build: string };

/** What a preset expands to: a scenario file without its name and project, which the user's file gives. */
export type ScenarioTemplate = Omit<ScenarioFile, '$schema' | 'name' | 'project' | 'preset' | 'with' | 'without' | 'variants'> & {
  variants: TemplateVariant[];
};

export interface Preset<P extends TObject = TObject> {
  name: string;
  /** One sentence for the JSON Schema and `buildbench init`. */
  description: string;
  params: P;
  /** Pure: the same parameters give the same scenario (the bundled scenarios' golden test relies on it). */
  expand: (params: Static<P>) => ScenarioTemplate;
}

/** Keeps each preset's own parameter type while they share one registry. */
export const definePreset = <P extends TObject>(preset: Preset<P>): Preset => preset as unknown as Preset;

/**
 * A preset's parameters: a parameter with a `default` is optional to the user (not in the JSON Schema's
 * `required`), yet present in the type `expand` gets, since defaults are filled in before it runs.
 */
export function paramsObject<T extends TProperties>(properties: T) {
  const schema = Type.Object(properties, { additionalProperties: false });
  const required = ((schema.required ?? []) as string[]).filter((k) => (properties[k] as { default?: unknown }).default === undefined);
  return Object.assign(schema, { required });
}

/** Words joined by single spaces, the empty ones dropped: how command lines are assembled from parameters. */
export const words = (...parts: (string | undefined | false)[]): string => parts.filter((p): p is string => !!p).join(' ');
