// How many cargo units a build compiled and how many it found fresh. With `--message-format=json` every
// unit yields a `compiler-artifact` message carrying `"fresh": true|false` (cargo's JSON messages,
// https://doc.rust-lang.org/cargo/reference/external-tools.html#compiler-messages); without it, cargo prints
// `Compiling`/`Checking` per rebuilt unit, and `Fresh` per fresh unit only with `-v`.

export interface CargoUnitCount {
  rebuilt: number;
  /** Null when the output cannot tell (plain output without `-v` prints nothing for a fresh unit). */
  fresh: number | null;
  /** Where the counts come from. */
  source: 'json' | 'text' | 'none';
}

const REBUILT = /^\s*(Compiling|Checking)\s+\S+\s+v\d/;
const FRESH = /^\s*Fresh\s+\S+\s+v\d/;
/** Lines only `cargo -v` prints: their presence means a missing `Fresh` line really means none was fresh. */
const VERBOSE = /^\s*(Fresh|Dirty|Running)\s/;

function artifactFreshness(line: string): boolean | null {
  if (!line.startsWith('{') || !line.includes('"compiler-artifact"')) return null;
  try {
    const msg = JSON.parse(line) as { reason?: unknown; fresh?: unknown };
    return msg.reason === 'compiler-artifact' && typeof msg.fresh === 'boolean' ? msg.fresh : null;
  } catch {
    return null;
  }
}

export function countCargoUnits(outputLines: readonly string[]): CargoUnitCount {
  let jsonRebuilt = 0;
  let jsonFresh = 0;
  let textRebuilt = 0;
  let textFresh = 0;
  let verbose = false;
  for (const raw of outputLines) {
    const line = raw.trimEnd();
    const fresh = artifactFreshness(line.trimStart());
    if (fresh === true) jsonFresh++;
    else if (fresh === false) jsonRebuilt++;
    else if (REBUILT.test(line)) textRebuilt++;
    else if (FRESH.test(line)) textFresh++;
    if (VERBOSE.test(line)) verbose = true;
  }
  if (jsonRebuilt + jsonFresh > 0) return { rebuilt: jsonRebuilt, fresh: jsonFresh, source: 'json' };
  if (textRebuilt + textFresh > 0 || verbose) return { rebuilt: textRebuilt, fresh: verbose ? textFresh : null, source: 'text' };
  return { rebuilt: 0, fresh: null, source: 'none' };
}
