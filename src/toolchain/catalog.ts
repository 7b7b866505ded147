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

export interface ToolSpec {
  locate: Locator;
  version: VersionProbe;
  /** One line: the command (or the reason) a person acts on. */
  install: string;
}

const SETUP = 'run `npm run setup` (creates .tools/venv from tools/requirements.lock)';
const apt = (pkg: string) => `apt-get install ${pkg} (or \`npm run setup\` as root)`;
const firstVersion = /(\d+\.\d+(?:\.\d+)?(?:[-.+~][0-9A-Za-z.+~-]+)?)/;
const args = (pattern: RegExp = firstVersion): VersionProbe => ({ kind: 'args', args: ['--version'], pattern });
const bin = (...names: string[]): Locator => ({ kind: 'bin', names });

/** The environment variable naming a staged PEX SCIE mirror (tools/README.md). */
export const SCIE_MIRROR_ENV = 'BUILDBENCH_SCIE_MIRROR';

export const CATALOG: Record<string, ToolSpec> = {
  python3: { locate: bin('python3'), version: args(), install: `${SETUP}; needs ${apt('python3 python3-venv')}` },
  pip: { locate: bin('pip'), version: args(/^pip (\S+)/), install: SETUP },
  uv: { locate: bin('uv'), version: args(/^uv (\S+)/), install: SETUP },
  pyinstaller: { locate: bin('pyinstaller'), version: args(), install: SETUP },
  pex: { locate: bin('pex'), version: args(), install: SETUP },
  shiv: { locate: bin('shiv'), version: args(/version (\S+)/), install: SETUP },
  cargo: { locate: bin('cargo'), version: args(/^cargo (\S+)/), install: 'install Rust with rustup (https://rustup.rs)' },
  rustc: { locate: bin('rustc'), version: args(/^rustc (\S+)/), install: 'install Rust with rustup (https://rustup.rs)' },
  'rustc-nightly': {
    locate: { kind: 'rustup-toolchain', toolchain: 'nightly' },
    version: args(/^rustc (\S+ \(\S+ \S+\))/),
    install: 'rustup toolchain install nightly (needs static.rust-lang.org, which offline machines cannot reach)',
  },
  'rustc-codegen-cranelift': {
    locate: { kind: 'rustup-component', toolchain: 'nightly', component: 'rustc-codegen-cranelift' },
    version: args(/^rustc (\S+ \(\S+ \S+\))/),
    install:
      'rustup component add rustc-codegen-cranelift-preview --toolchain nightly (needs static.rust-lang.org, which offline machines cannot reach)',
  },
  mold: { locate: bin('mold'), version: args(/^mold (\S+)/), install: apt('mold') },
  'ld.bfd': { locate: bin('ld.bfd'), version: args(/(\d+\.\d+(?:\.\d+)?)\s*$/m), install: apt('binutils') },
  objcopy: { locate: bin('objcopy'), version: args(/(\d+\.\d+(?:\.\d+)?)\s*$/m), install: apt('binutils') },
  readelf: { locate: bin('readelf'), version: args(/(\d+\.\d+(?:\.\d+)?)\s*$/m), install: apt('binutils') },
  ldd: { locate: bin('ldd'), version: args(/(\d+\.\d+)\s*$/m), install: apt('libc-bin') },
  // GNU time prints "UNKNOWN" for its own version on Debian: ask dpkg instead.
  time: { locate: bin('time'), version: { kind: 'dpkg', pkg: 'time' }, install: apt('time') },
  'xvfb-run': { locate: bin('xvfb-run'), version: { kind: 'dpkg', pkg: 'xvfb' }, install: apt('xvfb') },
  hyperfine: { locate: bin('hyperfine'), version: args(/^hyperfine (\S+)/), install: apt('hyperfine') },
  tauri: {
    locate: bin('tauri'),
    version: args(/^tauri-cli (\S+)/),
    install: 'npm ci (@tauri-apps/cli is a devDependency of buildbench)',
  },
  'webkit2gtk-4.1': {
    locate: { kind: 'pkg-config', module: 'webkit2gtk-4.1' },
    version: { kind: 'none' },
    install: apt('libwebkit2gtk-4.1-dev libxdo-dev libssl-dev libayatana-appindicator3-dev librsvg2-dev build-essential'),
  },
  'scie-mirror': {
    locate: { kind: 'scie-mirror', envVar: SCIE_MIRROR_ENV },
    version: args(),
    install:
      `PEX SCIE needs science, the scie-jump and a python-build-standalone build, published only as GitHub ` +
      `releases: stage a mirror on a connected machine and set ${SCIE_MIRROR_ENV} (tools/README.md)`,
  },
};

/** The spec of a tool, or a PATH lookup for a name the catalog does not know. */
export function specOf(name: string): ToolSpec {
  return (
    CATALOG[name] ?? {
      locate: bin(name),
      version: args(),
      install: `put \`${name}\` on PATH (buildbench has no install recipe for it)`,
    }
  );
}
