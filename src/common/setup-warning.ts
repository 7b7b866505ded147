// A set-up may stand in for something it could not do (a frontend that could not be built, replaced by a
// placeholder page), but never silently: a set-up line that starts with SETUP_WARNING_MARK becomes a warning of
// the variant (runner/untimed.ts), recorded as `set-up: …` in results.json and shown in every output.

/** How a set-up command says what it stood in for: the rest of the line is the warning. */
export const SETUP_WARNING_MARK = 'buildbench: warning: ';

/** How such a warning starts in a variant's `warnings`: kept through finalizing (runner/finalize.ts). */
export const SETUP_WARNING = 'set-up:';

export const isSetUpWarning = (warning: string): boolean => warning.startsWith(`${SETUP_WARNING} `);
