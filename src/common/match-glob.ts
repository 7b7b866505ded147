// The globs of variant ids (`--only 'sidecar/*@cold'`, an acknowledged regression's `variant:`): one rule for
// every place a person names variants by pattern.

/** `*` matches any run of characters (ids contain `/` and `@`, so no path semantics); `?` one character. */
export function matchGlob(glob: string, id: string): boolean {
  const pattern = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${pattern}$`).test(id);
}
