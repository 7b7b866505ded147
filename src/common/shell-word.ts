// Quoting a value as one POSIX shell word (placeholders in commands, commands printed for a person to run).

/** Characters that need no quoting in a bare shell word (kept bare so logged commands stay readable). */
const BARE_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** A value as one POSIX shell word: bare when safe, else single-quoted. */
export const shellWord = (v: string): string => (BARE_SAFE.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`);
