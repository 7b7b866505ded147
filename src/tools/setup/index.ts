// `buildbench setup [scenarios…]`: provision what the chosen scenarios require, for any project, idempotently.
// The scenarios' `requires` and projects decide the components (tools/catalog.ts says how each tool is provided):
// the Debian packages (installed as root, else the exact command), buildbench's Python tool env, a wheelhouse of
// the projects' own requirements, `cargo fetch`, npm-registry tools (pnpm), and a report of what setup cannot
// install (a project's npm devDependency, the PEX SCIE mirror, a nightly toolchain). Ends with every required tool checked where its variant calls it.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AdviceContext } from '../catalog.ts';
import { specOf } from '../catalog.ts';
import type { DoctorScenario } from '../doctor.ts';
import { adviceOf, isPathRequirement, toolsDirOf } from '../detect.ts';
import { commandsOf, createToolProber } from '../probe.ts';
import { BUILDBENCH_ROOT } from '../../common/where.ts';
import { describeOwner, waitForLock, type LockOwner } from '../../common/lock-file.ts';
import { cargoManifest, provisionCargo } from './cargo.ts';
import { COMPONENTS, type Component } from './components.ts';
import { since, type Outcome, type SetupContext } from './context.ts';
import { namedRequirements, pickPython, provisionVenv, provisionWheelhouse, pythonInputs } from './python.ts';
import { pinnedTools, provisionPinnedEnvs, type PinnedTool } from './pinned-envs.ts';
import { pinsIn } from '../../common/tool-pins.ts';
import { tauriCliIn, type TauriBuild } from './tauri-crates.ts';
import { provisionApt, reportTools, type Requirement } from './system.ts';
import { provisionNpmTools } from './npm-tools.ts';
import { variantName } from '../../results/variant-id.ts';

export { COMPONENTS, type Component } from './components.ts';
export { SetupError } from './context.ts';

export interface SetupOptions {
  scenarios: DoctorScenario[];
  /** The folder buildbench runs in: decides the tool dir and the advice. */
  cwd: string;
  check?: boolean;
  only?: Component[];
  skip?: Component[];
  /** Debian packages to install beside the scenarios' own (buildbench's checkout adds what its tests use). */
  extraPackages?: string[];
  env?: NodeJS.ProcessEnv;
  /** The tool dir; defaults to toolsDir() of cwd. */
  tools?: string;
  advice?: AdviceContext;
  write: (line: string) => void;
}

/** What the scenarios need, component by component. */
export interface SetupNeeds {
  requirements: Requirement[];
  packages: string[];
  venv: boolean;
  /** Python projects the tool env builds, with the requirement files their scenarios' commands name. */
  pythonProjects: { project: string; named: string[] }[];
  cargoManifests: string[];
  /** Build tools the variants' set-ups pin (`pyinstaller==5.13.0`): each gets an environment of its own. */
  pins: PinnedTool[];
  /** Apps a Tauri CLI builds: the crates its features add are fetched too. */
  tauriBuilds: TauriBuild[];
}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

/** Every required tool once per project, with the variants that need it. */
function requirementsOf(scenarios: DoctorScenario[]): Requirement[] {
  const byKey = new Map<string, Requirement>();
  for (const s of scenarios) {
    for (const v of s.variants) {
      const pins = (v.setup ?? []).flatMap(pinsIn);
      for (const name of unique(v.requires)) {
        // A variant that pins the tool uses the pinned version: checked apart from the unpinned ones.
        const pin = pins.filter((p) => p.tool === name);
        const key = `${name}\0${s.project ?? ''}\0${pin.map((p) => p.version).join()}`;
        const r = byKey.get(key) ?? { name, user: { project: s.project, commands: [] }, neededBy: [], pins: pin };
        r.user.commands!.push(...commandsOf(v));
        r.neededBy.push(variantName({ scenario: s.name, variant: v.name }));
        byKey.set(key, r);
      }
    }
  }
  return [...byKey.values()];
}

/** The interpreter a set-up command makes its environment with (`uv venv --python X`, `X -m venv`), else `fallback`. */
export function pythonOf(command: string, fallback: string): string {
  return /--python[ =]['"]?([^\s'"]+)/.exec(command)?.[1] ?? /(?:^|[\s;&])(\S*python[\d.]*) -m venv\b/.exec(command)?.[1] ?? fallback;
}

function needsOf(scenarios: DoctorScenario[], extraPackages: string[] = [], env: NodeJS.ProcessEnv = process.env): SetupNeeds {
  const requirements = requirementsOf(scenarios);
  const provider = (r: Requirement) => (isPathRequirement(r.name) ? 'path' : specOf(r.name).provide.by);
  // A scenario uses the tool env when it requires one of its tools or names {tools} in a command.
  const usesToolEnv = (s: DoctorScenario) =>
    s.variants.some((v) => v.requires.some((t) => !isPathRequirement(t) && specOf(t).provide.by === 'tool-env') || commandsOf(v).some((c) => c.includes('{tools}')));
  const python = scenarios.filter(usesToolEnv);
  const venv = python.length > 0;
  const packages = unique([
    // GNU time measures every build's CPU time and peak memory; the venv needs Python's venv module.
    ...specPackages('time'),
    ...(venv ? specPackages('python3') : []),
    ...requirements.flatMap((r) => (provider(r) === 'apt' ? specPackages(r.name) : [])),
    ...extraPackages,
  ]);
  const cargoScenarios = scenarios.filter((s) => s.variants.some((v) => v.requires.includes('cargo')));
  return {
    requirements,
    packages,
    venv,
    pythonProjects: pythonProjectsOf(python),
    cargoManifests: unique(cargoScenarios.flatMap(manifestsOf)),
    pins: pinnedTools(scenarios.flatMap((s) => s.variants.flatMap((v) => (v.setup ?? []).map((command) => ({ command, python: pythonOf(command, pickPython(env)) }))))),
    tauriBuilds: cargoScenarios.flatMap(tauriBuildsOf).filter((t, i, all) => all.findIndex((o) => o.cli === t.cli && o.manifest === t.manifest) === i),
  };
}

/** Each project once, with the requirement files every scenario on it names in its commands (python.ts namedRequirements). */
function pythonProjectsOf(scenarios: DoctorScenario[]): { project: string; named: string[] }[] {
  const byProject = new Map<string, string[]>();
  for (const s of scenarios) {
    if (!s.project) continue;
    byProject.set(s.project, unique([...(byProject.get(s.project) ?? []), ...namedRequirements(s.variants.flatMap(commandsOf))]));
  }
  return [...byProject].map(([project, named]) => ({ project, named }));
}

/**
 * The Cargo manifests a scenario builds: those its commands name with `--manifest-path` (a crate below the project's
 * root, as init writes for tauri-gui/src-tauri), else the project's own (Cargo.toml, src-tauri/Cargo.toml).
 */
function manifestsOf(s: DoctorScenario): string[] {
  if (!s.project) return [];
  const commands = s.variants.flatMap((v) => [v.seed?.run, ...commandsOf(v)]).filter((c): c is string => c !== undefined);
  const named = commands.flatMap((c) => [...c.matchAll(/--manifest-path[= ]+["']?([^\s"']+)/g)].map((m) => path.resolve(s.project!, m[1]!)));
  const found = unique(named).filter((m) => existsSync(m));
  if (found.length > 0) return found;
  const own = cargoManifest(s.project);
  return own ? [own] : [];
}

/** The Tauri CLI each variant's seed or build runs (`<cli> build`), with the app crate it builds. */
function tauriBuildsOf(s: DoctorScenario): TauriBuild[] {
  const manifest = manifestsOf(s)[0];
  if (!manifest || !s.project) return [];
  const words = s.variants.flatMap((v) => [v.seed?.run, v.build].map((c) => (c ? tauriCliIn(c) : undefined)));
  const resolve = (word: string) => (word.includes('/') ? path.resolve(s.project!, word.replaceAll('{scenarioDir}', path.dirname(s.path ?? s.project!))) : word);
  return unique(words.filter((w): w is string => w !== undefined)).map((w) => ({ cli: resolve(w), manifest }));
}

function specPackages(name: string): string[] {
  const p = specOf(name).provide;
  return p.by === 'apt' ? p.packages : [];
}

/** What setup left: whether anything is missing, the components that are, and the variants a run will record unavailable. */
export interface SetupOutcome {
  complete: boolean;
  /** Components that left something missing, in the order they ran. */
  missing: Component[];
  /** `scenario/variant` ids that require a tool still missing, sorted. */
  unavailable: string[];
}

/**
 * Provision (or with `check`, only report) every selected component; ends with one line saying whether it is
 * complete, and when not, which variants a run will record unavailable. Rejects (SetupError) when a step fails.
 */
export async function setup(opts: SetupOptions): Promise<SetupOutcome> {
  const env = opts.env ?? process.env;
  const detect = { cwd: opts.cwd, env, tools: opts.tools, advice: opts.advice };
  const ctx: SetupContext = {
    tools: toolsDirOf(detect),
    root: BUILDBENCH_ROOT,
    check: opts.check ?? false,
    env,
    advice: adviceOf(detect),
    say: (component, message) => opts.write(`${component.padEnd(11)}${message}`),
  };
  const needs = needsOf(opts.scenarios, opts.extraPackages, env);
  const probe = createToolProber({ ...detect, tools: ctx.tools });
  const unavailable: string[] = [];
  const byProvider = (by: string) => needs.requirements.filter((r) => !isPathRequirement(r.name) && specOf(r.name).provide.by === by);
  const steps: Record<Component, () => Promise<Outcome>> = {
    apt: () => provisionApt(ctx, needs.packages),
    venv: () => (needs.venv ? provisionVenv(ctx) : notNeeded(ctx, 'venv', 'no scenario uses pyinstaller, pex, shiv, uv or {tools}')),
    wheelhouse: () =>
      needs.venv
        ? provisionWheelhouse(ctx, needs.pythonProjects.map((p) => pythonInputs(p.project, p.named)).filter((p) => p !== undefined))
        : notNeeded(ctx, 'wheelhouse', 'no scenario uses the tool env'),
    envs: () => provisionPinnedEnvs(ctx, needs.pins),
    cargo: () =>
      needs.cargoManifests.length > 0 ? provisionCargo(ctx, needs.cargoManifests, needs.tauriBuilds) : notNeeded(ctx, 'cargo', 'no scenario requires cargo in a Cargo project'),
    npm: () => provisionNpm({ ctx, registry: byProvider('npm-registry'), devDependencies: byProvider('npm'), probe, unavailable }),
    scie: () => reportOrSkip({ ctx, component: 'scie', requirements: needs.requirements.filter((r) => r.name === 'scie-mirror'), probe, unavailable }),
    tools: () => reportOrSkip({ ctx, component: 'tools', requirements: needs.requirements.filter((r) => r.name !== 'scie-mirror' && !byProvider('npm').includes(r)), probe, unavailable }),
  };
  const start = Date.now();
  if (!ctx.check) ignoreInGit(ctx.tools);
  opts.write(`buildbench setup (${ctx.check ? 'check' : 'provision'}) of ${opts.scenarios.map((s) => s.name).join(', ')}; tool dir ${ctx.tools}`);
  // The venv is rebuilt in place (a venv cannot be moved: its scripts name their interpreter by absolute path),
  // so two setups of one tool dir take turns; a check changes nothing and does not wait.
  const release = ctx.check ? () => undefined : await lockToolsDir(ctx.tools, opts.write);
  const missing: Component[] = [];
  try {
    for (const c of COMPONENTS) {
      if ((opts.only && !opts.only.includes(c)) || opts.skip?.includes(c)) continue;
      if ((await steps[c]()) === 'missing') missing.push(c);
    }
  } finally {
    release();
  }
  const outcome = { complete: missing.length === 0, missing, unavailable: unique(unavailable).sort() };
  opts.write(closingLine({ outcome, took: since(start), check: ctx.check }));
  return outcome;
}

/**
 * The last line: complete, or what is missing and what that means for a run. A missing tool makes the variants
 * that require it unavailable (the run records them so and measures the rest); anything else missing (a Debian
 * package, the tool env in a check) is named by its component, whose lines above say how to get it.
 */
function closingLine(opts: { outcome: SetupOutcome; took: string; check: boolean }): string {
  const { complete, missing, unavailable } = opts.outcome;
  if (complete) return `setup complete in ${opts.took}`;
  const shown = unavailable.length > 8 ? `${unavailable.slice(0, 8).join(', ')}, … (${unavailable.length} in all)` : unavailable.join(', ');
  const variants = unavailable.length > 0 ? `; run will record ${shown} unavailable (a tool they require is missing) and still measures the rest` : '';
  const others = missing.filter((c) => !['npm', 'scie', 'tools'].includes(c));
  const components = others.length > 0 ? `; missing: ${others.join(', ')} (${opts.check ? 'run setup without --check' : 'see above'})` : '';
  return `setup incomplete in ${opts.took}${components}${variants}`;
}

/** The tool dir's setup lock ({tools}/.setup.lock), waiting for another setup that holds it and saying whose it is. */
async function lockToolsDir(tools: string, write: (line: string) => void): Promise<() => void> {
  const onWait = (owner: LockOwner) => write(`waiting    for another buildbench setup of this tool dir (${describeOwner(owner)})`);
  const release = await waitForLock({ file: path.join(tools, '.setup.lock'), onWait });
  return release === 'interrupted' ? () => undefined : release;
}

/** The tool dir ignores itself (as uv's .venv does), so a user's `git add -A` never picks up a venv. */
function ignoreInGit(tools: string): void {
  mkdirSync(tools, { recursive: true });
  const file = path.join(tools, '.gitignore');
  if (!existsSync(file)) writeFileSync(file, '# made by buildbench setup: the tool env, wheelhouse and stamps are local\n*\n');
}

async function notNeeded(ctx: SetupContext, component: Component, why: string): Promise<Outcome> {
  ctx.say(component, `not needed (${why})`);
  return 'ok';
}

type Reporting = { ctx: SetupContext; probe: ReturnType<typeof createToolProber>; unavailable: string[] };

/** The npm-registry tools installed into the tool dir, then the npm devDependencies a project must install itself reported. */
async function provisionNpm(opts: Reporting & { registry: Requirement[]; devDependencies: Requirement[] }): Promise<Outcome> {
  const tools = unique(opts.registry.map((r) => r.name)).flatMap((name) => {
    const p = specOf(name).provide;
    return p.by === 'npm-registry' ? [{ package: p.package, version: p.version }] : [];
  });
  const installed = await provisionNpmTools(opts.ctx, tools);
  if (opts.devDependencies.length === 0 && tools.length > 0) return installed;
  const reported = await reportOrSkip({ ...opts, component: 'npm', requirements: opts.devDependencies });
  return installed === 'missing' || reported === 'missing' ? 'missing' : installed === 'provisioned' ? installed : reported;
}

async function reportOrSkip(opts: Reporting & { component: 'npm' | 'scie' | 'tools'; requirements: Requirement[] }) {
  const { ctx, component, requirements } = opts;
  if (requirements.length === 0) return notNeeded(ctx, component, 'no scenario requires one');
  return reportTools({ ...ctx, component, probe: opts.probe, requirements, unavailable: opts.unavailable });
}
