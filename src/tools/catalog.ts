// What buildbench knows about each tool a scenario may `require`: where to look, how to read its version,
// and how to install it. A name not listed here is looked up on PATH (see detect.ts), so scenarios can
// require any executable; only the install hint is then generic.

/** How to read a tool's version once its executable is found. */
export type VersionProbe =
  | { kind: 'args'; args: string[]; pattern?: RegExp }
  | { kind: 'dpkg'; pkg: string }
  | { kind: 'none' };

/** Where a tool may be found, in the order searched. */
export type Locator =
  | { kind: 'bin'; names: string[] }
  | { kind: 'rustup-toolchain'; toolchain: string }
  | { kind: 'rustup-component'; toolchain: string; component: string }
  | { kind: 'pkg-config'; module: string }
  | { kind: 'scie-mirror'; envVar: string };

/**
 * How a tool gets onto the machine: `buildbench setup` installs the tool env, Debian packages (as root) and
 * npm-registry tools; the rest it can only name.
 */
export type Provider =
  | { by: 'tool-env' }
  | { by: 'apt'; packages: string[] }
  | { by: 'npm'; package: string }
  /** A command-line tool `setup` installs from the npm registry into the tool dir ({tools}/node), at this version. */
  | { by: 'npm-registry'; package: string; version: string }
  | { by: 'manual'; hint: string };

export interface ToolSpec {
  locate: Locator;
  version: VersionProbe;
  provide: Provider;
}

/** Where the advice is given: the command that provisions here, and whether this is buildbench's own checkout. */
export interface AdviceContext {
  setup: string;
  ownCheckout: boolean;
}

/** One line: the command (or the reason) a person acts on, right in the folder the advice is given in. */
export function installHint(spec: ToolSpec, ctx: AdviceContext): string {
  const p = spec.provide;
  switch (p.by) {
    case 'tool-env':
      return `run \`${ctx.setup}\` (installs it into buildbench's tool env, pinned by tools/requirements.lock)`;
    case 'apt':
      return `apt-get install ${p.packages.join(' ')} (or \`${ctx.setup}\` as root)`;
    case 'npm-registry':
      return `run \`${ctx.setup}\` (installs ${p.package}@${p.version} from the npm registry into buildbench's tool folder)`;
    case 'npm':
      return ctx.ownCheckout ? `npm ci (${p.package} is a devDependency of buildbench)` : `npm install -D ${p.package}`;
    case 'manual':
      return p.hint;
  }
}

const TOOL_ENV: Provider = { by: 'tool-env' };
const apt = (...packages: string[]): Provider => ({ by: 'apt', packages });
const RUSTUP: Provider = { by: 'manual', hint: 'install Rust with rustup (https://rustup.rs)' };
const firstVersion = /(\d+\.\d+(?:\.\d+)?(?:[-.+~][0-9A-Za-z.+~-]+)?)/;
const args = (pattern: RegExp = firstVersion): VersionProbe => ({ kind: 'args', args: ['--version'], pattern });
const bin = (...names: string[]): Locator => ({ kind: 'bin', names });

/** The environment variable naming a staged PEX SCIE mirror (tools/README.md). */
export const SCIE_MIRROR_ENV = 'BUILDBENCH_SCIE_MIRROR';

export const CATALOG: Record<string, ToolSpec> = {
  python3: { locate: bin('python3'), version: args(), provide: apt('python3', 'python3-venv') },
  pip: { locate: bin('pip'), version: args(/^pip (\S+)/), provide: TOOL_ENV },
  uv: { locate: bin('uv'), version: args(/^uv (\S+)/), provide: TOOL_ENV },
  pyinstaller: { locate: bin('pyinstaller'), version: args(), provide: TOOL_ENV },
  pex: { locate: bin('pex'), version: args(), provide: TOOL_ENV },
  shiv: { locate: bin('shiv'), version: args(/version (\S+)/), provide: TOOL_ENV },
  cargo: { locate: bin('cargo'), version: args(/^cargo (\S+)/), provide: RUSTUP },
  rustc: { locate: bin('rustc'), version: args(/^rustc (\S+)/), provide: RUSTUP },
  'rustc-nightly': {
    locate: { kind: 'rustup-toolchain', toolchain: 'nightly' },
    version: args(/^rustc (\S+ \(\S+ \S+\))/),
    provide: { by: 'manual', hint: 'rustup toolchain install nightly (needs static.rust-lang.org, which offline machines cannot reach)' },
  },
  'rustc-codegen-cranelift': {
    locate: { kind: 'rustup-component', toolchain: 'nightly', component: 'rustc-codegen-cranelift' },
    version: args(/^rustc (\S+ \(\S+ \S+\))/),
    provide: {
      by: 'manual',
      hint: 'rustup component add rustc-codegen-cranelift-preview --toolchain nightly (needs static.rust-lang.org, which offline machines cannot reach)',
    },
  },
  mold: { locate: bin('mold'), version: args(/^mold (\S+)/), provide: apt('mold') },
  'ld.bfd': { locate: bin('ld.bfd'), version: args(/(\d+\.\d+(?:\.\d+)?)\s*$/m), provide: apt('binutils') },
  objcopy: { locate: bin('objcopy'), version: args(/(\d+\.\d+(?:\.\d+)?)\s*$/m), provide: apt('binutils') },
  readelf: { locate: bin('readelf'), version: args(/(\d+\.\d+(?:\.\d+)?)\s*$/m), provide: apt('binutils') },
  ldd: { locate: bin('ldd'), version: args(/(\d+\.\d+)\s*$/m), provide: apt('libc-bin') },
  // GNU time prints "UNKNOWN" for its own version on Debian: ask dpkg instead.
  time: { locate: bin('time'), version: { kind: 'dpkg', pkg: 'time' }, provide: apt('time') },
  'xvfb-run': { locate: bin('xvfb-run'), version: { kind: 'dpkg', pkg: 'xvfb' }, provide: apt('xvfb') },
  // A smoke test's `window`: buildbench starts Xvfb itself and looks for the window with xwininfo.
  Xvfb: { locate: bin('Xvfb'), version: { kind: 'dpkg', pkg: 'xvfb' }, provide: apt('xvfb') },
  xwininfo: { locate: bin('xwininfo'), version: { kind: 'dpkg', pkg: 'x11-utils' }, provide: apt('x11-utils') },
  // Reads a .deb's control fields (the package probe) and unpacks it for a smoke test (dpkg-deb -x).
  'dpkg-deb': { locate: bin('dpkg-deb'), version: { kind: 'dpkg', pkg: 'dpkg' }, provide: apt('dpkg') },
  hyperfine: { locate: bin('hyperfine'), version: args(/^hyperfine (\S+)/), provide: apt('hyperfine') },
  // A project that builds its frontend with pnpm (beforeBuildCommand `pnpm build`) on a machine without it: the
  // npm registry's pnpm package is plain JavaScript (no download at install, unlike its GitHub binaries) and runs
  // scripts offline. 10.x writes and reads the lockfile v9 that pnpm 9 and 10 projects keep.
  pnpm: { locate: bin('pnpm'), version: args(), provide: { by: 'npm-registry', package: 'pnpm', version: '10.34.9' } },
  tauri: {
    locate: bin('tauri'),
    version: args(/^tauri-cli (\S+)/),
    provide: { by: 'npm', package: '@tauri-apps/cli' },
  },
  'webkit2gtk-4.1': {
    locate: { kind: 'pkg-config', module: 'webkit2gtk-4.1' },
    version: { kind: 'none' },
    provide: apt('libwebkit2gtk-4.1-dev', 'libxdo-dev', 'libssl-dev', 'libayatana-appindicator3-dev', 'librsvg2-dev', 'build-essential'),
  },
  'scie-mirror': {
    locate: { kind: 'scie-mirror', envVar: SCIE_MIRROR_ENV },
    version: args(),
    provide: {
      by: 'manual',
      hint:
        `PEX SCIE needs science, the scie-jump and a python-build-standalone build, published only as GitHub ` +
        `releases: stage a mirror on a connected machine and set ${SCIE_MIRROR_ENV} (tools/README.md)`,
    },
  },
};

/** The spec of a tool, or a PATH lookup for a name the catalog does not know. */
export function specOf(name: string): ToolSpec {
  return (
    CATALOG[name] ?? {
      locate: bin(name),
      version: args(),
      provide: { by: 'manual', hint: `put \`${name}\` on PATH or name it by path (buildbench has no install recipe for it)` },
    }
  );
}
