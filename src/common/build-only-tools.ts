// Build-only tools: distributions a project lists beside its runtime dependencies (a requirements.txt pinning the
// PyInstaller it freezes with) that build the app and are never imported by it. PEX and shiv pack every
// requirement they are given into the artifact, so a PyInstaller pin in the team's requirements packed
// PyInstaller, its hooks and altgraph into the .pex and the .pyz; these are left out of what they pack, while
// PyInstaller's own environment still installs the pinned version. Used by the python-freeze preset (the filter
// each PEX and shiv set-up runs) and by init (which names the lines left out in its comments).

/** PEP 503 normalised name: `PyInstaller` and `pyinstaller_hooks.contrib` as pip compares them. */
export const normaliseName = (name: string): string => name.toLowerCase().replace(/[-_.]+/g, '-');

/**
 * Build-only tools by normalised name: the freezers and packers, and what PyInstaller installs for itself
 * (pyinstaller-hooks-contrib, its hooks; altgraph, its module graph; macholib, its macOS binary reader).
 * Not setuptools (pkg_resources is imported at run time by older libraries) nor pefile (an app may read PE files).
 */
export const BUILD_ONLY_TOOLS = [
  'pyinstaller', 'pyinstaller-hooks-contrib', 'altgraph', 'macholib',
  'pex', 'shiv', 'nuitka', 'cx-freeze', 'py2app', 'py2exe',
] as const;

/** The distribution a requirements line starts (`PyInstaller==5.13.0 \` → `pyinstaller`), normalised; '' for options and comments. */
const requirementName = (line: string) => normaliseName(/^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(line)?.[1] ?? '');

/**
 * The requirements of a requirements file's `text` whose distribution is in `tools`, as written (their first
 * line, without the continuation's backslash and hashes): `['pyinstaller==5.13.0']`. Pure; the same rule as
 * runtimeRequirementsCommand's filter.
 */
export function buildToolLines(text: string, tools: readonly string[] = BUILD_ONLY_TOOLS): string[] {
  const found: string[] = [];
  let continued = false;
  for (const line of text.split(/\r?\n/)) {
    if (!continued && tools.includes(requirementName(line))) found.push(line.replace(/\s*\\$/, '').trim());
    continued = /\\$/.test(line);
  }
  return found;
}

/**
 * A shell command that writes `from` less the requirements of `tools` to `to`, in the workdir: a requirement
 * is dropped with its continuation lines (`--hash=…` after a trailing backslash), so a hashed file stays valid;
 * options (`-r other.txt`), comments and every other requirement are kept as written. Names compare normalised
 * (PEP 503). POSIX awk (mawk and gawk).
 */
export function runtimeRequirementsCommand(opts: { from: string; to: string; tools: readonly string[] }): string {
  // Normalised names hold only [a-z0-9-]: nothing to escape in the regular expression.
  const names = opts.tools.map(normaliseName).join('|');
  const program = '!cont { n = tolower($1); sub(/[^a-z0-9._-].*/, "", n); gsub(/[-_.]+/, "-", n); drop = n ~ tools } !drop { print } { cont = /\\\\$/ }';
  return `awk -v tools='^(${names})$' '${program}' ${opts.from} > ${opts.to}`;
}
