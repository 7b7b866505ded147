// The app a Tauri team ships, end to end: each variant takes one packager's frozen sidecar from another
// scenario's variant (`needs`), drops it in as the app's `bundle.externalBin`, and runs the real Tauri CLI to
// build the release app and bundle a .deb offline. The dependencies come from one untimed seed built the way
// `tauri build` builds (`--bins --features tauri/custom-protocol --release`, seen in `tauri build --verbose`),
// so each sample compiles the app crate after an edit and bundles it. The smoke unpacks the .deb (untimed) and
// times the unpacked app on a private display until its window shows and the real sidecar answers /health.
import path from 'node:path';
import { Type } from '@sinclair/typebox';
import { NOT_A_DROP_IN } from '../../results/schema.ts';
import { CacheStateSchema } from '../fields.ts';
import { definePreset, paramsObject, words, type TemplateVariant } from './preset.ts';
import { EDIT_TEXT, RUST_PARAMS, rustScenario } from './rust-common.ts';
import { NPM_TOOLS_BIN } from '../../common/where.ts';

/** Where `tauri build` writes its bundles, under the target dir. */
const BUNDLE_DIR = 'target/release/bundle';
/** The folder the smoke unpacks the .deb into, inside the workdir. */
const UNPACKED = 'deb-root';

const Sidecar = Type.Object(
  {
    variant: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', description: 'the producer scenario\'s variant, which becomes this variant\'s name' }),
    cache: CacheStateSchema,
  },
  { additionalProperties: false },
);

const params = paramsObject({
  bin: RUST_PARAMS.bin,
  edit: RUST_PARAMS.edit,
  setup: RUST_PARAMS.setup,
  lockfile: RUST_PARAMS.lockfile,
  deb: Type.String({ minLength: 1, description: `the .deb \`tauri build --bundles deb\` writes, inside the workdir (${BUNDLE_DIR}/deb/<productName>_<version>_<arch>.deb)` }),
  cli: Type.String({ minLength: 1, default: 'tauri', description: 'the Tauri CLI command (e.g. the project\'s devDependency, node_modules/.bin/tauri)' }),
  externalBin: Type.String({ minLength: 1, default: 'binaries/sidecar', description: 'the bundle.externalBin entry the sidecar is copied to (Tauri adds -<target triple>)' }),
  producer: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', default: 'sidecar', description: 'the scenario whose variants freeze the sidecar' }),
  sidecars: Type.Array(Sidecar, {
    minItems: 1,
    default: [
      { variant: 'pyinstaller-onefile', cache: 'incremental' },
      { variant: 'pyinstaller-onefile-excludes', cache: 'incremental' },
      { variant: 'pex', cache: 'incremental' },
      { variant: 'shiv', cache: 'cold' },
      { variant: 'pex-scie', cache: 'incremental' },
    ],
    description: 'the producer variants that build one file, each bundled by one variant; the first is the baseline',
  }),
  folders: Type.Array(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' }), {
    default: ['pyinstaller-onedir'],
    description: 'producer variants that build a folder: recorded unavailable, since an externalBin entry is one file',
  }),
  portEnv: Type.String({
    pattern: '^([A-Za-z_][A-Za-z0-9_]*)?$',
    default: 'TAURI_APP_SIDECAR_PORT',
    description: 'the variable telling the app which port to start its sidecar on, set to {port} at launch ("": the app takes none, its sidecar has a port of its own)',
  }),
  binary: Type.String({
    pattern: '^[^/\\s][^\\s]*$',
    default: '',
    description: 'the app\'s executable inside the package (Tauri v2 installs usr/bin/<mainBinaryName, else the cargo binary name>; "": usr/bin/<bin>)',
  }),
  ready: Type.String({
    maxLength: 2000,
    default: 'http://127.0.0.1:{port}/health',
    description: 'URL the app\'s sidecar answers once up (its own port and route); "": ready when the window shows',
  }),
  appDir: Type.String({
    pattern: '^[^\\s]+$',
    default: '.',
    description: 'the folder of tauri.conf.json inside the workdir, where the CLI runs: it looks for the app there first (its search below the current folder skips what a .gitignore above ignores, and the tool dir ignores itself)',
  }),
  beforeBuild: Type.Boolean({
    default: true,
    description: 'run tauri.conf.json\'s build.beforeBuildCommand in every sample, as `tauri build` does; false: skip it (the frontend is already built)',
  }),
  window: Type.String({ maxLength: 1000, default: '', description: 'regular expression for the app window\'s title the smoke waits for ("": any window)' }),
});

/** Why a folder cannot be bundled as it is: Tauri copies each externalBin entry as one file. */
const FOLDER_REASON = `${NOT_A_DROP_IN}: Tauri's externalBin copies one file per entry, and this packager builds a folder`;

export const tauriBundle = definePreset({
  name: 'tauri-bundle',
  description: 'A Tauri app bundled as a .deb by the Tauri CLI with each packager\'s frozen sidecar as its externalBin; launched until the sidecar answers',
  params,
  expand: (p) => {
    const mutate = { append: { file: p.edit, text: EDIT_TEXT } };
    // A JSON merge patch (RFC 7396) over tauri.conf.json: null removes beforeBuildCommand.
    const config = (extra: Record<string, unknown>) => `'${JSON.stringify({ ...extra, ...(p.beforeBuild ? {} : { build: { beforeBuildCommand: null } }) })}'`;
    const seedConfig = `'${JSON.stringify({ build: { beforeBuildCommand: null } })}'`;
    const bundle = (s: { variant: string; cache: string }, i: number): TemplateVariant => ({
      name: s.variant,
      ...(i === 0 ? { baseline: true } : {}),
      needs: { sidecar: `${p.producer}/${s.variant}@${s.cache}` },
      build: words(
        `mkdir -p "$(dirname ${p.externalBin})" && install -m 755 {needs.sidecar} "${p.externalBin}-$(rustc --print host-tuple)" &&`,
        p.appDir !== '.' && `cd ${p.appDir} &&`,
        p.cli,
        `build --ci --bundles deb --config ${config({ bundle: { active: true } })}`,
      ),
      artifact: p.deb,
      clean: [BUNDLE_DIR],
      mutate,
      smoke: {
        install: `rm -rf ${UNPACKED} && dpkg-deb -x {artifact} ${UNPACKED}`,
        run: words(p.portEnv && `${p.portEnv}={port}`, `${UNPACKED}/${p.binary || `usr/bin/${p.bin}`}`),
        ...(p.ready ? { ready: p.ready } : {}),
        window: p.window,
        // The app's window stays up when its sidecar dies: with the sidecar's URL as readiness, its exit ends the launch.
        ...(p.ready && p.externalBin ? { sidecar: path.posix.basename(p.externalBin) } : {}),
        timeoutS: 120,
      },
    });
    const folder = (name: string): TemplateVariant => ({ name, unavailable: FOLDER_REASON, build: 'false', mutate });
    return rustScenario(p, {
      requires: ['cargo', 'rustc', 'dpkg-deb'],
      // Built by the CLI itself: its cargo command and features are what every sample's `tauri build` runs.
      seed: { run: words(p.appDir !== '.' && `cd ${p.appDir} &&`, `${p.cli} build --ci --no-bundle --config ${seedConfig}`), dir: 'target', inputs: [p.lockfile], keyCommand: 'rustc -vV' },
      cache: 'incremental',
      // The fewest runs that can decide faster or slower at α = 0.05 (exact Mann–Whitney, 4 against 4): 3 can only say "no difference".
      runs: 4,
      warmup: 0,
      timeoutS: 3600,
      env: {
        // The Tauri CLI runs cargo without --offline: this keeps the bundle build from reaching the network.
        CARGO_NET_OFFLINE: 'true',
        // beforeBuildCommand's package manager (`pnpm build`) where the machine has none: the one `setup` installs
        // from the npm registry into the tool dir, last on PATH so the machine's own comes first.
        ...(p.beforeBuild ? { PATH: `$PATH:{tools}/${NPM_TOOLS_BIN}` } : {}),
      },
      variants: [...p.sidecars.map(bundle), ...p.folders.map(folder)],
    });
  },
});
