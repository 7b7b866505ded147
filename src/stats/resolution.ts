// A build time near the harness's own cost of starting a build is mostly that cost's noise. hyperfine warns
// when a command takes "less than 5 ms" ("results might be inaccurate because hyperfine can not calibrate the
// shell startup time much more precise than this limit", src/benchmark/mod.rs); buildbench measures its own
// start-up cost at each run (runner/calibrate.ts) and warns relative to it: a median within RESOLUTION_FACTOR
// times that cost, or within that many times how much it varies, is below what the run can resolve.

export const RESOLUTION_FACTOR = 5;

const ms = (x: number) => `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;

/** The warning for a median (ms) below the harness's resolution, or undefined when it is above it. */
export function resolutionWarning(opts: { medianMs: number; overheadMs: number; overheadSpreadMs: number }): string | undefined {
  const resolution = Math.max(opts.overheadMs, opts.overheadSpreadMs);
  if (!(resolution > 0) || opts.medianMs >= RESOLUTION_FACTOR * resolution) return undefined;
  return (
    `median ${ms(opts.medianMs)} is within ${RESOLUTION_FACTOR}× the harness's own cost of starting a build ` +
    `(${ms(opts.overheadMs)}, varying by ${ms(opts.overheadSpreadMs)}): below what this run can resolve, ` +
    'mostly the harness’s noise; time a command that builds several times instead'
  );
}
