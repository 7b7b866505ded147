// The exit codes of every command, named once. Only the command line (main.ts) and the commands it calls
// choose one; an interrupted run exits with the shell's code for its signal (interrupt.ts: 130 for SIGINT,
// 143 for SIGTERM).

/**
 * 0 ok; 1 a failed variant, a missing tool or a regression; 2 bad input; 3 `setup` done but incomplete (a tool
 * some variants require is still missing: a run records them unavailable and measures the rest); 130
 * interrupted by Ctrl-C.
 */
export const EXIT = { ok: 0, failed: 1, regression: 1, badInput: 2, incomplete: 3, interrupted: 130 } as const;
