// The Python scenarios for an app `init` inspected: python-freeze (when an entry is known) and python-env, each
// preset's parameters filled from the project or the flags that answer them. When the team has its own
// PyInstaller build, that build is python-freeze's baseline and the other variants change one thing of it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Guess, PythonApp } from './inspect-python.ts';
import { fromScenarios, given, type InitAnswers } from './propose.ts';
import { teamVariants, type VariantOverride } from './propose-team.ts';
import type { ProposedScenario } from './render.ts';
import { requirementsFrom } from './requirements.ts';
import { zipappVariants } from './team-zipapp.ts';
import { readText } from './walk.ts';
import { buildToolLines } from '../common/build-only-tools.ts';
import { parsePyInstallerArgs, type TeamFreeze } from './team-freeze.ts';
import { newerTeamVariant, toolchainParams } from './propose-toolchain.ts';

/** The preset's command for PyInstaller in the app's environment (python-freeze's `pyinstaller` default). */
const PYINSTALLER = '.venv/bin/pyinstaller';
const PYINSTALLER_VARIANTS = ['pyinstaller-onefile', 'pyinstaller-onefile-excludes', 'pyinstaller-onedir', 'pyinstaller-onedir-excludes'];

/**
 * `clean: true` where the team's command has PyInstaller's --clean: each of its builds starts from an empty
 * cache, so the preset measures that clean (cold) build, for every variant, instead of a rebuild after an edit.
 */
function cleanParam(team: TeamFreeze): Record<string, Guess<unknown>> {
  if (!parsePyInstallerArgs(team.args).options.has('--clean')) return {};
  return { clean: { value: true, why: `the team's command has --clean (${team.from}): PyInstaller empties its cache before every build, so every variant is measured as a clean (cold) build` } };
}

/**
 * The `requirements` guess for python-freeze, its comment naming the build tools PEX and shiv leave out of it
 * (the preset's buildOnly; PyInstaller's environment still installs them): "less the build tools: pyinstaller==5.13.0".
 */
function packedRequirements(opts: { root: string; dir: string; requirements: Guess; files?: Record<string, string> }): Guess {
  const { requirements: r } = opts;
  const text = Object.values(opts.files ?? {})[0] ?? (r.value.includes('{') ? undefined : readText(opts.root, path.posix.join(opts.dir, r.value)));
  const tools = text === undefined ? [] : buildToolLines(text);
  return tools.length === 0 ? r : { value: r.value, why: `${r.why}; PEX and shiv pack ${path.posix.basename(r.value)} less the build tools: ${tools.join(', ')}` };
}

/** The Python scenarios for `app`, `answers` taking precedence over guesses; `notes` gets what was left out and why. */
export function proposePython(opts: { root: string; app: PythonApp; answers: InitAnswers; sidecarName?: Guess; notes: string[] }): ProposedScenario[] {
  const { root, app: py, answers: a } = opts;
  const app = given(a.app) ?? (py.team ? py.app : undefined) ?? opts.sidecarName ?? py.app;
  const script = given(a.script) ?? py.script;
  const module = given(a.module) ?? py.module;
  const deps = requirementsFrom(py.toolchain.dependencies);
  const requirements = given(a.requirements) ?? deps.requirements;
  const setup = a.requirements === undefined ? deps.setup : undefined;
  const files = a.requirements === undefined ? deps.files : undefined;
  const hashes = py.toolchain.dependencies?.kind === 'requirements' && py.toolchain.dependencies.hashes;
  const project = fromScenarios(py.dir);
  const out: ProposedScenario[] = [];
  if (app && (module || script)) {
    const hooks = existsSync(path.join(root, py.dir, 'hooks'));
    const team = a.script === undefined ? py.team : undefined;
    const zipapp = a.module === undefined && !team ? py.zipapp : undefined;
    const toolchain = toolchainParams(py.toolchain);
    const teamOverrides = team ? teamVariants({ team, pyinstaller: PYINSTALLER, root }) : [];
    const all: Guess<VariantOverride>[] = [
      ...teamOverrides,
      ...newerTeamVariant(teamOverrides, toolchain.newerPyInstaller?.value as string | undefined),
      ...(zipapp ? zipappVariants(zipapp) : []),
      ...(module ? [] : ['pex', 'pex-scie', 'shiv'].map((name) => ({ value: { name, unavailable: `no importable entry module: ${script!.value} cannot be run with -m (answer with --module)` }, why: 'PEX and shiv run a module' }))),
      ...(module && !module.value.includes(':') && !py.shivEntry ? [{ value: { name: 'shiv', unavailable: `shiv runs a function (module:function) and ${script?.value ?? module.value} calls none from its __main__ block: set shivEntry under \`with\`` }, why: "shiv's entry must be a function" }] : []),
    ];
    // One entry per variant: the team's own build first, then what is left out of the preset's.
    const variants = all.filter((v, i) => all.findIndex((o) => o.value.name === v.value.name) === i);
    out.push({
      file: 'python-freeze.yaml',
      name: 'python-freeze',
      description: zipapp
        ? `The team's ${zipapp.tool === 'pex' ? 'PEX' : 'shiv'} build of ${app.value} (${zipapp.from}) against PyInstaller, PEX SCIE${zipapp.tool === 'pex' ? ' and shiv' : ' and PEX'} of the same entry; launch each until ready.`
        : team
        ? `The team's PyInstaller build of ${app.value} (${team.from}) against the same with one thing changed, and PEX, PEX SCIE and shiv of the same entry; launch each until ready.`
        : `Freeze ${app.value} with PyInstaller (onefile, onedir, with and without dev tools), PEX, PEX SCIE and shiv; launch each until ready.`,
      default: true,
      project,
      preset: 'python-freeze',
      params: {
        app,
        ...(script ? { script } : { script: { value: 'main.py', why: 'NOT FOUND: the script PyInstaller analyses (the variants without it are left out below); --script answers' } }),
        module: module ?? { value: path.posix.basename(script!.value).replace(/\.pyw?$/, '').replace(/\W/g, '_'), why: 'not importable: PEX and shiv are unavailable below' },
        ...(py.shivEntry && !module?.value.includes(':') ? { shivEntry: py.shivEntry } : {}),
        sourceDir: given(a.sourceDir) ?? py.sourceDir,
        ...(hooks ? { hooksDir: { value: 'hooks', why: 'a hooks/ folder beside the app' } } : {}),
        requirements: packedRequirements({ root, dir: py.dir, requirements, files }),
        serveArgs: given(a.serveArgs) ?? py.serveArgs,
        ready: given(a.ready) ?? py.ready,
        ...toolchain,
        ...(team ? cleanParam(team) : {}),
        ...(team?.spec ? { spec: { value: team.spec, why: `the team builds from it: the other PyInstaller variants build from a copy with their one change, written in their set-up` } } : {}),
      },
      toolchain: py.toolchain,
      ...(files ? { files } : {}),
      fields: {
        ...(setup ? { setup } : {}),
        ...(py.env ? { env: { value: py.env, why: 'the launched app reads its port from here' } } : {}),
        ...(script ? {} : { without: { value: PYINSTALLER_VARIANTS, why: 'no entry script found' } }),
      },
      ...(variants.length > 0 ? { variants } : {}),
    });
  } else {
    opts.notes.push(
      `no python-freeze scenario for the Python app in ${py.dir || '.'}: ${app ? '' : 'no app name, '}no entry found (no team build, .spec, [project.scripts], __main__.py, or script that starts a server or has a __main__ block); --script and --module answer`,
    );
  }
  out.push({
    file: 'python-env.yaml',
    name: 'python-env',
    description: 'Create the app\'s .venv from its requirements with pip and with uv, offline from the wheelhouse.',
    default: false,
    project,
    preset: 'python-env',
    params: { requirements, requireHashes: { value: hashes, why: hashes ? 'the requirements carry --hash' : 'the requirements carry no hashes' } },
    toolchain: py.toolchain,
    ...(files ? { files } : {}),
    fields: { ...(setup ? { setup } : {}) },
  });
  return out;
}
