// The names a variant goes by, written in one place: a results file keys every sample, comparison and
// baseline by the id, the plan and the report's trend match runs by it, and `needs:` and the doctor name a
// variant across its cache states by `scenario/variant`. Scenario and variant names are `[A-Za-z0-9._-]`
// (scenario/fields.ts), so neither part can hold the separators `/`, `@` or `#`.

/** `scenario/variant`: a variant across all its cache states (the doctor's and setup's "needed by"). */
export function variantName(opts: { scenario: string; variant: string }): string {
  return `${opts.scenario}/${opts.variant}`;
}

/** `scenario/variant@cache`, then `#ref` when the run measured a git ref (`--ref`): a results file's variant id. */
export function variantId(opts: { scenario: string; variant: string; cache: string; ref?: string }): string {
  const base = `${variantName(opts)}@${opts.cache}`;
  return opts.ref ? `${base}#${opts.ref}` : base;
}
