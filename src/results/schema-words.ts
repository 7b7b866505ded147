// The two words every results and history schema file is written in: a field with its description (each field
// says its unit in its name and what it holds), and a field that may be null.
import { Type, type TSchema } from '@sinclair/typebox';

/** `schema` with `description` set: what the generated JSON Schema shows for the field. */
export const d = <T extends TSchema>(description: string, schema: T): T => ({ ...schema, description });

/** `schema` or null. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
