// The shipped-app scenario (preset tauri-bundle) for a Tauri app whose bundle.externalBin a proposed Python freeze
// produces: every path resolved from where Tauri reads it (externalBin is relative to tauri.conf.json's folder,
// the .deb lands under the target dir the preset pins inside the workdir), the binary the package installs by
// Tauri v2's rule (mainBinaryName, else the cargo binary's name), the project's own Tauri CLI, its
// beforeBuildCommand run or skipped, and readiness as the app shows it (its window, its sidecar's own URL).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import type { Guess } from './inspect-python.ts';
import type { RustBin } from './inspect-rust.ts';
import type { ProposedScenario } from './render.ts';
import { readText } from './walk.ts';
import { describeStep, readBeforeBuild, stepsCommand, type BeforeBuild } from './before-build.ts';
import type { Step } from './build-commands.ts';
import type { SourceLine } from './build-sources.ts';
import { BUILDBENCH_ROOT } from '../common/where.ts';
import { SETUP_WARNING_MARK } from '../common/setup-warning.ts';

/** buildbench's own Tauri CLI (its devDependency), for a project that has none. */
const OWN_CLI = path.join(BUILDBENCH_ROOT, 'node_modules/.bin/tauri');

/** The producer variants of python-freeze that build one file, in the preset's order, with the state each is taken in. */
const ONE_FILE = [
  { variant: 'pyinstaller-onefile', cache: 'incremental' },
  { variant: 'pyinstaller-onefile-excludes', cache: 'incremental' },
  { variant: 'pex', cache: 'incremental' },
  { variant: 'shiv', cache: 'cold' },
  { variant: 'pex-scie', cache: 'incremental' },
];
const FOLDERS = ['pyinstaller-onedir', 'pyinstaller-onedir-excludes'];

/** What tauri.conf.json says beyond what inspect-rust reads: the bundle's version and names, the frontend build. */
interface TauriBuildFacts {
  version?: string;
  mainBinaryName?: string;
  beforeBuildCommand?: string;
  /** The 1-based line of tauri.conf.json that holds it. */
  beforeBuildLine: number;
}

function readFacts(root: string, b: RustBin): TauriBuildFacts {
  let conf: { version?: unknown; mainBinaryName?: unknown; package?: { version?: unknown }; build?: { beforeBuildCommand?: unknown } } = {};
  const text = readText(root, b.tauri!.conf) ?? '{}';
  try {
    conf = JSON.parse(text);
  } catch {
    // not plain JSON: the guesses below say what to check
  }
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const before = conf.build?.beforeBuildCommand;
  return {
    // A version that names a file (../package.json) is read by the CLI, not here: Cargo's then stands in below.
    version: str(conf.version ?? conf.package?.version)?.match(/^\d/) ? str(conf.version ?? conf.package?.version) : undefined,
    mainBinaryName: str(conf.mainBinaryName),
    beforeBuildCommand: str(typeof before === 'object' && before !== null ? (before as { script?: unknown }).script : before),
    beforeBuildLine: Math.max(1, text.split('\n').findIndex((l) => l.includes('"beforeBuildCommand"')) + 1),
  };
}

function cargoVersion(root: string, b: RustBin): string | undefined {
  try {
    const doc = parseToml(readText(root, b.dir ? `${b.dir}/Cargo.toml` : 'Cargo.toml') ?? '') as { package?: { version?: unknown } };
    return typeof doc.package?.version === 'string' ? doc.package.version : undefined;
  } catch {
    return undefined;
  }
}

/** Debian's name for this machine's architecture, as the Tauri bundler writes it into the .deb's name. */
const debArch = (): string => ({ x64: 'amd64', arm64: 'arm64', ia32: 'i386', arm: 'armhf' })[process.arch as string] ?? process.arch;

/** The package.json folder (relative to root) that has @tauri-apps/cli, nearest the Tauri crate first. */
function cliHome(root: string, b: RustBin): string | undefined {
  for (let d = path.posix.dirname(b.dir || '.'); ; d = path.posix.dirname(d)) {
    const rel = d === '.' ? '' : d;
    const text = readText(root, rel ? `${rel}/package.json` : 'package.json');
    if (text && /"@tauri-apps\/cli"\s*:/.test(text)) return rel;
    if (d === '.' || d === '/') return undefined;
  }
}

/**
 * The tauri-bundle scenario for `bin` (a Tauri app) whose `bundle.externalBin[0]` the python-freeze scenario
 * `freeze` produces; `sidecarReady` is the URL the sidecar serves on its own (no `{port}`: the app starts it);
 * `buildLines` are the project's build files' lines, which beforeBuildCommand's script calls are followed into.
 * Undefined when the app has no externalBin or no freeze is proposed. Never throws.
 */
export function proposeShipped(opts: { root: string; bin: RustBin; freeze?: ProposedScenario; sidecarReady?: Guess; buildLines?: SourceLine[] }): ProposedScenario | undefined {
  const { root, bin: b, freeze } = opts;
  const tauri = b.tauri;
  const externalBin = tauri?.externalBin[0];
  if (!tauri || !externalBin || !freeze) return undefined;
  const facts = readFacts(root, b);
  const confDir = path.posix.dirname(tauri.conf).replace(/^\.$/, '');
  const sidecarPath = path.posix.normalize(confDir ? `${confDir}/${externalBin}` : externalBin);
  const version = facts.version ?? cargoVersion(root, b) ?? '0.0.0';
  const product = tauri.productName ?? b.package;
  const deb = `target/release/bundle/deb/${product}_${version}_${debArch()}.deb`;
  const home = cliHome(root, b);
  const cli: Guess = home !== undefined
    ? { value: `{scenarioDir}/../${home ? `${home}/` : ''}node_modules/.bin/tauri`, why: `the project's own @tauri-apps/cli (${home || '.'}/package.json; its install puts it there)` }
    : existsSync(OWN_CLI)
      ? { value: OWN_CLI, why: 'the project has no @tauri-apps/cli: buildbench\'s own' }
      : { value: 'tauri', why: 'the project has no @tauri-apps/cli, nor has buildbench: the one on PATH (npm install -D @tauri-apps/cli gives the project its own)' };
  const without = new Set((freeze.fields.without?.value as string[] | undefined) ?? []);
  const newer = freeze.params.newerPyInstaller?.value;
  // The newer PyInstaller's sidecar ships too, beside the baseline's: "what if we upgraded" for the whole app.
  const oneFile = typeof newer === 'string' ? [ONE_FILE[0]!, { variant: `pyinstaller-onefile-${newer}`, cache: 'incremental' }, ...ONE_FILE.slice(1)] : ONE_FILE;
  // With --clean the producer measures the clean build only (python-freeze's `clean`): every sidecar is taken cold.
  const clean = freeze.params.clean?.value === true;
  const sidecars = oneFile.filter((s) => !without.has(s.variant)).map((s) => (clean ? { ...s, cache: 'cold' } : s));
  const frontend = tauri.frontendDist;
  const before = facts.beforeBuildCommand;
  // Tauri runs beforeBuildCommand in the frontend's folder: the package.json's beside the CLI, else the crate's parent.
  const plan = before ? readBeforeBuild({ command: before, conf: tauri.conf, line: facts.beforeBuildLine, cwd: home ?? path.posix.dirname(b.dir || '.').replace(/^\.$/, ''), lines: opts.buildLines ?? [] }) : undefined;
  const { beforeBuild, frontendSteps } = beforeBuildOf({ before, plan, frontend });
  const runner = before?.split(/\s+/)[0];
  const ready = opts.sidecarReady && !opts.sidecarReady.value.includes('{port}') ? opts.sidecarReady : undefined;
  const window = `^${(tauri.windowTitle ?? product).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
  return {
    file: 'tauri-bundle.yaml',
    name: 'tauri-bundle',
    description: `The app the team ships: ${product}'s .deb built by the Tauri CLI with each one-file sidecar from ${freeze.name} as its externalBin, launched until ready.`,
    default: false,
    project: '..',
    preset: 'tauri-bundle',
    params: {
      bin: { value: b.bin, why: `the cargo binary of ${b.dir || '.'}/Cargo.toml` },
      edit: { value: b.main, why: 'appended to before each sample: the app crate is rebuilt, its dependencies come from the seed' },
      ...(b.lockfile && b.lockfile !== 'Cargo.lock' ? { lockfile: { value: b.lockfile, why: 'keys the shared dependency build' } } : {}),
      producer: { value: freeze.name, why: `the scenario that freezes ${externalBin}'s sidecar` },
      ...(confDir ? { appDir: { value: confDir, why: `the folder of ${tauri.conf}: the CLI runs there` } } : {}),
      externalBin: { value: sidecarPath, why: `bundle.externalBin ${externalBin} is relative to ${confDir || '.'}/ (tauri.conf.json's folder); the build adds -<target triple>` },
      sidecars: { value: sidecars, why: `the producer variants that build one file; the first is the baseline${clean ? `; each as built cold, the state ${freeze.name} measures (the team's --clean)` : ''}` },
      folders: { value: FOLDERS.filter((f) => !without.has(f)), why: 'onedir builds a folder: recorded unavailable, an externalBin entry is one file' },
      deb: { value: deb, why: `productName_version_arch from ${tauri.conf}${facts.version ? '' : ' (version from Cargo.toml)'}, under the target dir the preset pins inside the workdir` },
      binary: facts.mainBinaryName
        ? { value: `usr/bin/${facts.mainBinaryName}`, why: `mainBinaryName in ${tauri.conf}: the executable the .deb installs` }
        : { value: `usr/bin/${b.bin}`, why: `no mainBinaryName in ${tauri.conf}: Tauri v2 installs the cargo binary's name` },
      cli,
      ...(beforeBuild ? { beforeBuild } : {}),
      portEnv: { value: '', why: 'the app starts its sidecar itself, on the sidecar\'s own port' },
      ready: ready
        ? { value: ready.value, why: `the sidecar's own URL: ${ready.why}` }
        : { value: '', why: 'no fixed sidecar URL found: ready when the window shows' },
      window: { value: window, why: tauri.windowTitle ? `app.windows[0].title in ${tauri.conf}` : 'no window title: the product name' },
      ...tauriSetupOf({ b, sidecarPath, linkModules: beforeBuild?.value === true ? home : undefined, frontendSteps }),
    },
    fields: {
      ignore: { value: [sidecarPath.includes('/') ? path.posix.dirname(sidecarPath) : sidecarPath, 'deb-root'], why: 'the team\'s own built sidecar and an unpacked package are not copied (each sample installs its own)' },
      requires: {
        value: ['cargo', 'rustc', 'webkit2gtk-4.1', 'dpkg-deb', home !== undefined ? `${home ? `${home}/` : ''}node_modules/.bin/tauri` : cli.value, ...(beforeBuild?.value && runner ? [runner] : [])],
        why: home !== undefined ? 'the project\'s CLI must be installed (npm/pnpm install)' : 'the Tauri CLI',
      },
    },
  };
}

/**
 * Whether each sample runs beforeBuildCommand (the preset's beforeBuild), and the frontend steps the set-up
 * runs instead: skipped where the frontend is built already; skipped where it freezes a sidecar (the producer's
 * work, which each sample installs itself) with its other steps run once in the set-up; else run as the team does.
 */
function beforeBuildOf(opts: { before?: string; plan?: BeforeBuild; frontend?: { path: string; exists: boolean } }): { beforeBuild?: Guess<unknown>; frontendSteps: Step[] } {
  const { before, plan, frontend } = opts;
  if (!before || !plan) return { frontendSteps: [] };
  if (frontend?.exists) return { beforeBuild: { value: false, why: `${frontend.path} is built already: \`${before}\` (beforeBuildCommand) is skipped; true runs it in every sample, as \`tauri build\` does` }, frontendSteps: [] };
  if (plan.freezes.length === 0) {
    return { beforeBuild: { value: true, why: `\`${before}\` (beforeBuildCommand) runs in every sample, as \`tauri build\` does; false skips it once ${frontend?.path ?? 'the frontend'} is built` }, frontendSteps: [] };
  }
  const freezes = plan.freezes.map((s) => `${describeStep(s)} freezes a sidecar with ${s.tool!.tool === 'pyinstaller' ? 'PyInstaller' : s.tool!.tool}`).join('; ');
  const rest = plan.frontend.length > 0 ? `; the rest, ${plan.frontend.map(describeStep).join(', ')}, runs once in each workdir's untimed set-up` : '';
  return {
    beforeBuild: { value: false, why: `\`${before}\` (${plan.from}) is skipped: ${freezes}, the producer's work, which each sample installs itself${rest}` },
    frontendSteps: plan.frontend,
  };
}

/** tauri-build needs the externalBin file and the frontend folder to exist before the seed builds: stubs unless the real ones are there; `frontendSteps` build the frontend first. */
function tauriSetupOf(opts: { b: RustBin; sidecarPath: string; linkModules?: string; frontendSteps: Step[] }): Record<string, Guess> {
  const { b, sidecarPath, frontendSteps } = opts;
  // The frontend build needs the project's packages where it runs: a link, not a copy of node_modules in every workdir.
  const linked = [...new Set([...(opts.linkModules === undefined ? [] : [opts.linkModules]), ...frontendSteps.map((s) => s.cwd)])];
  const modules = linked.map((d) => `${d ? `${d}/` : ''}node_modules`);
  const file = `"${sidecarPath}-$t"`;
  const built = frontendSteps.length > 0;
  const distDir = b.tauri!.frontendDist ? path.posix.normalize(path.posix.join(b.dir, b.tauri!.frontendDist.path)) : undefined;
  const dist = distDir && !b.tauri!.frontendDist!.exists && !built ? distDir : undefined;
  const steps = [
    `t=$(rustc -vV | sed -n 's/^host: //p')`,
    `mkdir -p "$(dirname ${file})" && { [ -e ${file} ] || { printf '#!/bin/sh\\n' > ${file} && chmod +x ${file}; }; }`,
    ...(dist ? [`mkdir -p ${dist}`] : []),
    ...modules.map((m) => `ln -sfn {scenarioDir}/../${m} ${m}`),
    ...(built ? [distDir ? orPlaceholder(stepsCommand(frontendSteps), distDir) : stepsCommand(frontendSteps)] : []),
  ];
  const why = [
    'a stub sidecar for the seed (each sample installs the frozen one)',
    dist && `${dist} made empty for tauri-build until the frontend is built`,
    modules.length > 0 && `${modules.join(', ')} linked from the project for ${built ? 'the frontend build' : 'beforeBuildCommand'}`,
    built && `the frontend built once, as the package manager runs a script (node_modules/.bin on PATH): ${frontendSteps.map(describeStep).join(', ')}, the part of beforeBuildCommand each sample skips`,
    built && distDir && `where that build fails (a font or package server this machine cannot reach), a placeholder page in ${distDir}/ stands in for the frontend, so the sidecars and the Rust shell are still measured, and every output says so with the build's own error`,
  ];
  return { setup: { value: steps.join(' && '), why: why.filter(Boolean).join('; ') } };
}

/**
 * `command`, or where it fails, a one-page placeholder in `dist` and a set-up warning (runner/untimed.ts
 * SETUP_WARNING_MARK) that every output shows with the failed build's own error line.
 */
function orPlaceholder(command: string, dist: string): string {
  const page = `<!doctype html><title>placeholder</title><p>buildbench: the frontend build failed in the set-up; see its log.</p>`;
  const warning = `${SETUP_WARNING_MARK}the frontend build failed, so the app was bundled with a placeholder page in ${dist}/ instead of its frontend`;
  return `{ ( ${command} ) || { echo "${warning}" && rm -rf ${dist} && mkdir -p ${dist} && printf '%s\\n' '${page}' > ${dist}/index.html; }; }`;
}
