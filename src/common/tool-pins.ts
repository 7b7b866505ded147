// What a pinned build tool needs beside itself in the environment it runs in. PyInstaller 5.x imports
// pkg_resources at start (its hooks loader), which setuptools 81 removed and `uv venv` does not install at all:
// without it every build fails in 0.1 s on `import pkg_resources` (measured on a PyInstaller 5.13.0 project).
// PyInstaller 6 no longer imports it. Used by the python-freeze preset (the variant's environment) and by
// `setup` (the per-pin tool environments and the wheels they come from).

/** The requirements that install `tool` at `version` with what that version needs: `['pyinstaller==5.13.0', 'setuptools<81']`. */
export function pinnedRequirements(tool: string, version: string): string[] {
  const major = Number(version.split('.')[0]);
  const needs = tool === 'pyinstaller' && major < 6 ? ['setuptools<81'] : [];
  return [`${tool}==${version}`, ...needs];
}

/** Build tools a pin in a variant's set-up names (`pyinstaller==5.13.0`): a tool environment is made for each. */
export const PINNABLE_TOOLS = ['pyinstaller', 'pex', 'shiv'] as const;

/** The `tool==version` pins a command names, each once, in order. */
export function pinsIn(command: string): { tool: string; version: string }[] {
  const found = [...command.matchAll(/(?:^|[\s'"])(pyinstaller|pex|shiv)==(\d[\w.]*)/gi)].map((m) => ({ tool: m[1]!.toLowerCase(), version: m[2]! }));
  return found.filter((p, i) => found.findIndex((o) => o.tool === p.tool && o.version === p.version) === i);
}
