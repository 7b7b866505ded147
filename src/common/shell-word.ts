// Quoting a value as one POSIX shell word (placeholders in commands, commands printed for a person to run).

/** Characters that need no quoting in a bare shell word (kept bare so logged commands stay readable). */
const BARE_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** `v` as one POSIX shell word (POSIX.1-2017 XCU 2.2.2): bare when it holds only safe characters, else single-quoted with each `'` written `'\\''`. Never throws. */
export const shellWord = (v: string): string => (BARE_SAFE.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`);
