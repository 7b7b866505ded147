// How a run is stopped: SIGINT (Ctrl-C), SIGTERM, or the death of the process that started it (npm, npx, a
// `sh -c`: parent-watch.ts), which counts as a SIGTERM. The first stops the run after killing the current
// build (everything measured is kept, results say `interrupted: true`); a second stops at once. The exit code is
// the shell's for the signal: 130 for SIGINT, 143 for SIGTERM.
import os from 'node:os';
import { watchStarters } from './parent-watch.ts';

export interface Interrupts {
  signal: AbortSignal;
  /** 128 + the number of the signal that stopped the run (130, 143). */
  exitCode: () => number;
  dispose: () => void;
}

/**
 * Listens for SIGINT, SIGTERM and the death of the starting process until `dispose`. The first aborts `signal`
 * (said through `say`); a second writes the line `stopNow` returns (what is on disk, said as it is), calls
 * `release` (the out-dir lock) and exits at once with 128 + the signal's number. Never throws.
 */
export function handleInterrupts(opts: { say: (line: string) => void; stopNow: () => string; release: () => void }): Interrupts {
  const controller = new AbortController();
  let stoppedBy: NodeJS.Signals = 'SIGINT';
  const exitCode = () => 128 + os.constants.signals[stoppedBy];
  const stop = (signal: NodeJS.Signals, why: string) => {
    if (controller.signal.aborted) {
      // Second signal: stop at once. Everything measured is already on disk (written after every sample).
      process.stderr.write(`\n${lineOf(opts.stopNow)}\n`);
      opts.release();
      process.exit(exitCode());
    }
    stoppedBy = signal;
    opts.say(`${why}: stopping after killing the current build, then writing the reports of what was measured; press Ctrl-C again to stop at once`);
    controller.abort();
  };
  const onSignal = (signal: NodeJS.Signals) => stop(signal, signal);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const unwatch = watchStarters(() => stop('SIGTERM', 'the process that started buildbench is gone (treated as SIGTERM)'));
  return {
    signal: controller.signal,
    exitCode,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      unwatch();
    },
  };
}

/** The line of a hard stop; a failure to write it is no reason not to stop. */
function lineOf(stopNow: () => string): string {
  try {
    return stopNow();
  } catch (err) {
    return `buildbench: stopped at once (${(err as Error).message})`;
  }
}
