// What a Python project says about its own toolchain, read where the project keeps it: the file its runtime
// dependencies live in (requirements files, or pyproject.toml with uv.lock or poetry.lock), the build tools it
// pins to one version (`pyinstaller==5.13.0`, a dependency group, a lock entry) and the Python it names
// (`.python-version`, `requires-python`). `init` writes the first into the proposal; the pins and the Python
// are what the baseline is built with.
import { parse as parseToml } from 'smol-toml';
import { readText } from './walk.ts';
import { normaliseName } from '../common/build-only-tools.ts';

/** Where a Python project keeps its runtime dependencies, and how a pinned requirements file is had from them. */
export type DependencySource =
  /** A requirements file the project keeps (relative to the app's folder); `hashes` when it carries --hash. */
  | { kind: 'requirements'; file: string; hashes: boolean }
  /** pyproject.toml locked by uv.lock: `uv export` writes the requirements (see UV_EXPORT). */
  | { kind: 'uv.lock'; file: 'uv.lock' }
  /** pyproject.toml locked by poetry.lock: `name==version` of every package the lock installs by default. */
  | { kind: 'poetry.lock'; file: 'poetry.lock'; pinned: string[] }
  /** pyproject.toml with no lock: its [project] dependencies, unpinned. */
  | { kind: 'pyproject'; file: 'pyproject.toml' };

/**
 * What a Python project says about its own toolchain. Read by `init` (inspectToolchain) and carried in the
 * proposal, so the baseline is built with the tool versions the team pins, on the Python it names.
 */
export interface PythonToolchain {
  /** Where the runtime dependencies are kept; undefined when the app has none of the files above. */
  dependencies?: DependencySource;
  /** Build tools pinned to one version, by normalised distribution name (PEP 503): `{ pyinstaller: '5.13.0' }`. */
  pins: Record<string, string>;
  /** The Python the project names: `.python-version` as written ('3.11.9'), else requires-python's lower bound ('3.11'). */
  python?: string;
  /** Where each pin and the Python were read (`requirements.txt:3`, `.python-version:1`), keyed like `pins`, plus `python`, and `installer` where a setup command of the team's said it (init.ts). */
  from: Record<string, string>;
  /** How the project installs its environment: uv (uv.lock), poetry (poetry.lock), else pip. */
  installer: 'pip' | 'uv' | 'poetry';
}

/** Build and packaging tools whose pinned version decides how a build runs. */
export const PINNED_TOOLS = ['pyinstaller', 'pyinstaller-hooks-contrib', 'pex', 'shiv', 'nuitka', 'cx-freeze', 'setuptools', 'uv'];

/** `uv export` of the locked runtime dependencies as a requirements file for pip/uv/pex/shiv (no hashes: the wheelhouse is trusted, and --no-emit-project leaves the app itself out). */
export const UV_EXPORT = 'uv export --quiet --frozen --no-hashes --no-emit-project --no-dev --format requirements-txt';


/**
 * The toolchain of the Python app in `dir` (relative to `root`); `own` are its files relative to `dir`, and
 * `rootFiles` the project root's (a `.python-version` or CI pin at the top counts for an app in a subfolder).
 * Never throws: a file that does not parse says nothing.
 */
export function inspectToolchain(opts: { root: string; dir: string; own: string[] }): PythonToolchain {
  const { root, dir, own } = opts;
  const at = (rel: string) => (dir ? `${dir}/${rel}` : rel);
  const text = (rel: string) => readText(root, at(rel));
  const pins: Record<string, string> = {};
  const from: Record<string, string> = {};
  const pin = (name: string, version: string, where: string) => {
    const key = normaliseName(name);
    if (!PINNED_TOOLS.includes(key) || pins[key]) return; // the first source read is the most authoritative
    pins[key] = version;
    from[key] = where;
  };
  const pyproject = own.includes('pyproject.toml') ? parseOrEmpty(text('pyproject.toml')) : undefined;
  const locks = (['uv.lock', 'poetry.lock'] as const).filter((f) => own.includes(f));
  // Locks first: they hold the version really installed.
  for (const lock of locks) {
    const body = text(lock) ?? '';
    for (const p of lockPackages(parseOrEmpty(body))) pin(p.name, p.version, `${at(lock)}:${lineOf(body, `name = "${p.name}"`)}`);
  }
  const requirementFiles = own.filter((f) => /^(requirements[^/]*|requirements\/[^/]+)\.(txt|lock|in)$/.test(f)).sort(byPreference);
  for (const file of requirementFiles) {
    (text(file) ?? '').split('\n').forEach((line, i) => {
      const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*===?\s*([A-Za-z0-9.+!-]+)/.exec(line);
      if (m) pin(m[1]!, m[2]!, `${at(file)}:${i + 1}`);
    });
  }
  if (pyproject) {
    const body = text('pyproject.toml') ?? '';
    for (const spec of pyprojectRequirements(pyproject)) {
      const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*===?\s*([A-Za-z0-9.+!-]+)\s*$/.exec(spec);
      if (m) pin(m[1]!, m[2]!, `${at('pyproject.toml')}:${lineOf(body, m[1]!)}`);
    }
  }
  const python = pythonVersion({ root, dir, pyproject, text });
  if (python) from.python = python.from;
  const requirements = requirementFiles.find((f) => !f.endsWith('.in') && !/dev|test|doc|lint|build/i.test(f)) ?? requirementFiles.find((f) => !f.endsWith('.in'));
  return {
    ...dependencySource({ requirements, locks, pyproject, text }),
    pins,
    ...(python ? { python: python.version } : {}),
    from,
    installer: locks[0] === 'uv.lock' ? 'uv' : locks[0] === 'poetry.lock' ? 'poetry' : 'pip',
  };
}

function dependencySource(opts: { requirements?: string; locks: string[]; pyproject?: Toml; text: (rel: string) => string | undefined }): { dependencies?: DependencySource } {
  const { requirements, locks, pyproject, text } = opts;
  if (requirements) return { dependencies: { kind: 'requirements', file: requirements, hashes: /--hash[= ]/.test(text(requirements) ?? '') } };
  if (pyproject && locks.includes('uv.lock')) return { dependencies: { kind: 'uv.lock', file: 'uv.lock' } };
  if (pyproject && locks.includes('poetry.lock')) return { dependencies: { kind: 'poetry.lock', file: 'poetry.lock', pinned: poetryPinned(parseOrEmpty(text('poetry.lock'))) } };
  if (pyproject) return { dependencies: { kind: 'pyproject', file: 'pyproject.toml' } };
  return {};
}

type Toml = Record<string, unknown>;

function parseOrEmpty(text: string | undefined): Toml {
  try {
    return text ? (parseToml(text) as Toml) : {};
  } catch {
    return {};
  }
}

/** requirements.txt before requirements-prod.txt before the rest; files in a requirements/ folder last. */
const byPreference = (a: string, b: string) => rank(a) - rank(b) || a.localeCompare(b);
const rank = (f: string) => (f === 'requirements.txt' ? 0 : f === 'requirements.lock' ? 1 : f.includes('/') ? 3 : 2);

const lineOf = (body: string, needle: string) => Math.max(1, body.split('\n').findIndex((l) => l.includes(needle)) + 1);

interface LockPackage {
  name: string;
  version: string;
  category?: string;
  groups?: string[];
  optional?: boolean;
}

const lockPackages = (doc: Toml): LockPackage[] =>
  (Array.isArray(doc.package) ? (doc.package as LockPackage[]) : []).filter((p) => typeof p.name === 'string' && typeof p.version === 'string');

/** The packages poetry installs by default: category "main" (poetry 1) or the "main" group (poetry 2), not optional extras. */
function poetryPinned(doc: Toml): string[] {
  return lockPackages(doc)
    .filter((p) => (p.groups ? p.groups.includes('main') : (p.category ?? 'main') === 'main') && !p.optional)
    .map((p) => `${p.name}==${p.version}`);
}

/** Every PEP 508 string pyproject.toml lists: [project] dependencies and extras, [dependency-groups], uv's dev-dependencies, poetry's groups as `name==version` when exact. */
function pyprojectRequirements(doc: Toml): string[] {
  const project = (doc.project ?? {}) as { dependencies?: unknown; 'optional-dependencies'?: Record<string, unknown> };
  const tool = (doc.tool ?? {}) as { uv?: { 'dev-dependencies'?: unknown }; poetry?: { dependencies?: Toml; group?: Record<string, { dependencies?: Toml }>; 'dev-dependencies'?: Toml } };
  const lists = [project.dependencies, ...Object.values(project['optional-dependencies'] ?? {}), ...Object.values((doc['dependency-groups'] ?? {}) as Toml), tool.uv?.['dev-dependencies']];
  const strings = lists.flatMap((l) => (Array.isArray(l) ? l.filter((s): s is string => typeof s === 'string') : []));
  // Poetry writes `pyinstaller = "5.13.0"` (a bare version is exact) or `{ version = "5.13.0" }`.
  const poetryTables = [tool.poetry?.dependencies, tool.poetry?.['dev-dependencies'], ...Object.values(tool.poetry?.group ?? {}).map((g) => g.dependencies)];
  const poetry = poetryTables.flatMap((t) =>
    Object.entries(t ?? {}).flatMap(([name, v]) => {
      const version = typeof v === 'string' ? v : typeof v === 'object' && v !== null ? (v as { version?: unknown }).version : undefined;
      return typeof version === 'string' && /^=?=?\d[\w.]*$/.test(version) ? [`${name}==${version.replace(/^=+/, '')}`] : [];
    }),
  );
  return [...strings, ...poetry];
}

/** `.python-version` (the app's, then the root's), else the lower bound of requires-python (or poetry's python). */
function pythonVersion(opts: { root: string; dir: string; pyproject?: Toml; text: (rel: string) => string | undefined }): { version: string; from: string } | undefined {
  for (const file of [...(opts.dir ? [`${opts.dir}/.python-version`] : []), '.python-version']) {
    const lines = (readText(opts.root, file) ?? '').split('\n');
    const i = lines.findIndex((l) => /^\s*\d+\.\d+/.test(l));
    if (i >= 0) return { version: lines[i]!.trim(), from: `${file}:${i + 1}` };
  }
  const project = opts.pyproject?.project as { 'requires-python'?: unknown } | undefined;
  const poetry = ((opts.pyproject?.tool as Toml | undefined)?.poetry as { dependencies?: Toml } | undefined)?.dependencies?.python;
  const [spec, where] = typeof project?.['requires-python'] === 'string' ? [project['requires-python'], 'requires-python'] : typeof poetry === 'string' ? [poetry, 'tool.poetry.dependencies.python'] : [];
  const lower = spec && /(?:>=|~=|==|\^|~|^)\s*(\d+\.\d+(?:\.\d+)?)/.exec(spec.split(',').find((c) => !/^\s*(<|!=)/.test(c)) ?? '')?.[1];
  const rel = opts.dir ? `${opts.dir}/pyproject.toml` : 'pyproject.toml';
  return lower ? { version: lower, from: `${rel} ${where} "${spec}"` } : undefined;
}
