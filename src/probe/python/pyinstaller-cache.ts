// Whether PyInstaller reused its build cache (the workpath's *.toc "guts"). Every target logs
// "checking <Target>"; when it rebuilds it says why — "Building <Target> because <toc> is non existent",
// "Building because <file> changed", "Building because toc changed", "Rebuilding <toc> because <x> missing"
// — or at least announces the work ("Running Analysis …", "Building PYZ (ZlibArchive) …"). Messages from
// PyInstaller 6.x building/datastruct.py (Target.__postinit__), building/utils.py (_check_guts_*),
// building/api.py (EXE._check_guts, COLLECT) and building/build_main.py (Analysis).
import { CACHE_STATE_RULES, type CacheState } from '../../results/cache-states.ts';
import { CACHE_OK } from '../cache-check.ts';

export interface PyInstallerTarget {
  /** Analysis, PYZ, PKG, EXE, COLLECT, Tree … */
  name: string;
  rebuilt: boolean;
  /** The "because …" PyInstaller gave, or null when it gave none. */
  reason: string | null;
}

const CHECKING = /INFO: checking (\w+)\s*$/;
const BECAUSE = /INFO: (?:Re)?[Bb]uilding\b.*?\bbecause (.+?)\s*$/;
const ASSEMBLING = /INFO: (?:Running Analysis |Building (?:PYZ|PKG|EXE|COLLECT|Tree)\b)(?!.*completed successfully)/;

/** "/tmp/w/app.py changed" → "app.py changed": workdirs differ per variant, the file name is what matters. */
function shortenPaths(text: string): string {
  return text.replace(/(?:[A-Za-z]:)?[\\/]\S*[\\/]([^\\/\s]+)/g, '$1');
}

/** The targets PyInstaller checked, in log order, each rebuilt or cached and why; [] when the lines show none. */
export function readPyInstallerTargets(lines: readonly string[]): PyInstallerTarget[] {
  const targets: PyInstallerTarget[] = [];
  let current: PyInstallerTarget | undefined;
  for (const line of lines) {
    const checking = CHECKING.exec(line);
    if (checking) {
      current = { name: checking[1]!, rebuilt: false, reason: null };
      targets.push(current);
      continue;
    }
    if (!current) continue;
    const because = BECAUSE.exec(line);
    if (because) {
      current.rebuilt = true;
      current.reason ??= shortenPaths(because[1]!);
    } else if (ASSEMBLING.test(line)) current.rebuilt = true;
  }
  return targets;
}

// COLLECT rebuilds its output folder on every run ("COLLECT always builds" in building/api.py).
const ALWAYS_BUILT = new Set(['COLLECT']);

/**
 * Whether PyInstaller's targets (readPyInstallerTargets) fit what the cache state `cache` should rebuild
 * (its `rebuilds` rule). Returns CACHE_OK, a sentence naming the state and the targets that look wrong, or
 * "not checked: …" when the output names no target. Never throws.
 */
export function checkPyInstallerCache(opts: { cache: CacheState; targets: readonly PyInstallerTarget[] }): string {
  const { cache, targets } = opts;
  if (targets.length === 0) return "not checked: no PyInstaller 'checking' lines in the output (log level above INFO?)";
  const cached = targets.filter((t) => !t.rebuilt).map((t) => t.name);
  const rebuilt = targets.filter((t) => t.rebuilt && !ALWAYS_BUILT.has(t.name));
  const list = (ts: readonly PyInstallerTarget[]) => ts.map((t) => (t.reason ? `${t.name} (${t.reason})` : t.name)).join(', ');
  const analysis = targets.find((t) => t.name === 'Analysis');
  switch (CACHE_STATE_RULES[cache].rebuilds) {
    case 'all':
      if (cached.length > 0) return `${cache} sample reused PyInstaller's cached ${cached.join(', ')}: the workpath was not cleared`;
      if (analysis?.reason && !/non existent/.test(analysis.reason))
        return `${cache} sample found an earlier Analysis (rebuilt because ${analysis.reason}): the workpath was not cleared`;
      return CACHE_OK;
    case 'outputs':
      // The workpath is PyInstaller's cache: its Analysis must be reused when only dist/ was removed.
      if (analysis?.rebuilt) return `${cache} sample rebuilt ${list([analysis])}: PyInstaller's cache was not used`;
      return CACHE_OK;
    case 'some':
      return rebuilt.length === 0 ? `${cache} sample rebuilt nothing: the mutation did not reach PyInstaller` : CACHE_OK;
    case 'none':
      return rebuilt.length > 0 ? `${cache} sample rebuilt ${list(rebuilt)}: something changes between builds` : CACHE_OK;
  }
}
