// How many cargo units a build compiled and how many it found fresh. With `--message-format=json` every
// unit yields a `compiler-artifact` message carrying `"fresh": true|false` (cargo's JSON messages,
// https://doc.rust-lang.org/cargo/reference/external-tools.html#compiler-messages); without it, cargo prints
// `Compiling`/`Checking` per rebuilt unit, and `Fresh` per fresh unit only with `-v`.
//
// Zero is not unknown: a build that rebuilt nothing prints no `Compiling` line at all, only cargo's closing
// `Finished … target(s) in …` (or, with JSON messages, `build-finished`). Seeing that end with no `Compiling`
// line is a known 0 rebuilt; seeing neither is "cannot tell" (not cargo's output, or a build cut short).

export interface CargoUnitCount {
  rebuilt: number;
  /** Null when the output cannot tell (plain output without `-v` prints nothing for a fresh unit). */
  fresh: number | null;
  /** Where the counts come from; 'none': the output cannot tell, and `rebuilt` means nothing. */
  source: 'json' | 'text' | 'none';
}

const REBUILT = /^\s*(Compiling|Checking)\s+\S+\s+v\d/;
const FRESH = /^\s*Fresh\s+\S+\s+v\d/;
/** cargo's last line, `Finished `dev` profile [unoptimized + debuginfo] target(s) in 0.04s` (older: `Finished dev [...]`). */
const FINISHED = /^\s*Finished\s.*\btarget\(s\) in\b/;
/** Lines only `cargo -v` prints: their presence means a missing `Fresh` line really means none was fresh. */
const VERBOSE = /^\s*(Fresh|Dirty|Running)\s/;

/** A JSON message's verdict on a unit (fresh or not), or 'finished' for cargo's `build-finished`. */
function jsonMessage(line: string): boolean | 'finished' | null {
  if (!line.startsWith('{') || !/"(compiler-artifact|build-finished)"/.test(line)) return null;
  try {
    const msg = JSON.parse(line) as { reason?: unknown; fresh?: unknown };
    if (msg.reason === 'build-finished') return 'finished';
    return msg.reason === 'compiler-artifact' && typeof msg.fresh === 'boolean' ? msg.fresh : null;
  } catch {
    return null;
  }
}

/** Units compiled and found fresh in a cargo build's output lines (JSON messages or text); `source: 'none'` when it cannot tell. Never throws. */
export function countCargoUnits(outputLines: readonly string[]): CargoUnitCount {
  let jsonRebuilt = 0;
  let jsonFresh = 0;
  let textRebuilt = 0;
  let textFresh = 0;
  let verbose = false;
  let jsonFinished = false;
  let textFinished = false;
  for (const raw of outputLines) {
    const line = raw.trimEnd();
    const json = jsonMessage(line.trimStart());
    if (json === true) jsonFresh++;
    else if (json === false) jsonRebuilt++;
    else if (json === 'finished') jsonFinished = true;
    else if (REBUILT.test(line)) textRebuilt++;
    else if (FRESH.test(line)) textFresh++;
    else if (FINISHED.test(line)) textFinished = true;
    if (VERBOSE.test(line)) verbose = true;
  }
  if (jsonRebuilt + jsonFresh > 0 || jsonFinished) return { rebuilt: jsonRebuilt, fresh: jsonFresh, source: 'json' };
  if (textRebuilt + textFresh > 0 || verbose || textFinished) return { rebuilt: textRebuilt, fresh: verbose ? textFresh : null, source: 'text' };
  return { rebuilt: 0, fresh: null, source: 'none' };
}
