// `buildbench init`: inspect a project, propose the scenarios whose presets fit it, write them under
// <dir>/scenarios/ and check each with the loader `validate` uses. Asks nothing: every guess can be answered
// with a flag, and each written guess says why it was made.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InputError, formatProblem, type Problem } from '../common/problem.ts';
import { loadScenarioFile } from '../scenario/load.ts';
import { BUILDBENCH_ROOT } from '../common/where.ts';
import { findPythonDirs, inspectPython, readSpecs, type Guess } from './inspect-python.ts';
import { describeBin, inspectRust } from './inspect-rust.ts';
import { proposeRust, type InitAnswers } from './propose.ts';
import { proposePython } from './propose-python.ts';
import { findTeamBuilds } from './team-builds.ts';
import { hostTriple } from './team-freeze.ts';
import { proposeShipped } from './propose-shipped.ts';
import { renderScenario, type ProposedScenario } from './render.ts';
import { listProjectFiles } from './walk.ts';

export interface InitResult {
  /** Absolute paths of the files written. */
  written: string[];
  /** The scenarios marked `default: true` (what a plain `run` measures). */
  defaults: string[];
  /** What was found and not used (a second app, a second binary). */
  notes: string[];
}

/**
 * Writes `scenarios/*.yaml` for the project at `dir` from the presets that fit it; returns the files written
 * (absolute), the default scenarios and notes. Throws InputError when `dir` does not exist, holds nothing
 * to benchmark, or a file exists already and `force` is not set.
 */
export function initProject(opts: { dir: string; answers?: InitAnswers; force?: boolean }): InitResult {
  const root = path.resolve(opts.dir);
  if (!existsSync(root)) throw new InputError([{ file: opts.dir, message: 'no such folder' }]);
  const files = listProjectFiles(root);
  const pythonDirs = findPythonDirs(files);
  const bins = inspectRust({ root, files });
  // A Tauri app's binary first: it is the app the team ships.
  bins.sort((a, b) => Number(!!b.tauri) - Number(!!a.tauri));
  const answers = opts.answers ?? {};
  const bin = (answers.bin && bins.find((b) => b.bin === answers.bin)) || bins[0];
  const specs = readSpecs({ root, files });
  const builds = findTeamBuilds({ root, files, specs });
  const team = builds.freeze;
  // The app the team's build freezes, else the first Python folder found.
  const pythonDir = team ? (pythonDirs.find((d) => d === '' || `${team.cwd}/${team.script ?? ''}`.replace(/^\//, '').startsWith(`${d}/`)) ?? team.cwd) : pythonDirs[0];
  const zipapp = builds.zipapp;
  const python = pythonDir === undefined && !zipapp ? undefined : inspectPython({ root, dir: pythonDir ?? zipapp!.cwd, files, team, zipapp, specs });
  // A version the build files install (`pip install pyinstaller==5.13.0` in CI) counts where the project's own files pin none.
  for (const [name, pin] of Object.entries(builds.installPins)) {
    if (python && !python.toolchain.pins[name]) Object.assign(python.toolchain, { pins: { ...python.toolchain.pins, [name]: pin.version }, from: { ...python.toolchain.from, [name]: pin.from } });
  }
  // A build script whose PyInstaller call could not be read: the guessed entry's comment says so.
  if (python?.script && !team && builds.unreadScripts.length > 0) python.script = { ...python.script, why: `${python.script.why}; the team's build script was not read: ${builds.unreadScripts.join('; ')}` };
  // The Python and installer the team's own setup commands name, where the project's files name none.
  const setup = builds.setup;
  if (python && setup.python && !python.toolchain.python) Object.assign(python.toolchain, { python: setup.python.version, from: { ...python.toolchain.from, python: setup.python.from } });
  if (python && setup.installer && python.toolchain.installer === 'pip' && !python.toolchain.dependencies?.kind.endsWith('.lock')) {
    Object.assign(python.toolchain, { installer: setup.installer.value, from: { ...python.toolchain.from, installer: setup.installer.from } });
  }
  if (!python && !bin) {
    throw new InputError([{ file: opts.dir, message: 'nothing to benchmark here: no PyInstaller .spec, pyproject.toml, requirements*.txt or Cargo.toml with a binary found' }]);
  }
  // The externalBin the freeze produces first (`main` for a build named main-<triple>): a Tauri app may bundle other sidecars (ffmpeg).
  const frozen = python?.app?.value.replace(`-${hostTriple()}`, '');
  bin?.tauri?.externalBin.sort((x, y) => Number(path.posix.basename(y) === frozen) - Number(path.posix.basename(x) === frozen));
  const sidecar = bin?.tauri?.externalBin[0];
  const sidecarName: Guess | undefined = sidecar ? { value: path.posix.basename(sidecar), why: `bundle.externalBin in ${bin!.tauri!.conf}` } : undefined;
  const notes: string[] = [...builds.notes, ...(python?.notes ?? [])];
  if (python && !python.team && !python.zipapp) notes.push('no PyInstaller build of the team\'s found (package.json, Makefile, justfile, Taskfile, scripts/, CI workflows, Python scripts that run PyInstaller): python-freeze\'s variants are guessed from the files');
  const proposed: ProposedScenario[] = [
    ...(python ? proposePython({ root, app: python, answers, sidecarName, notes }) : []),
    ...(bin ? proposeRust({ root, bin, answers }) : []),
  ];
  const shipped = bin && proposeShipped({ root, bin, freeze: proposed.find((s) => s.preset === 'python-freeze'), sidecarReady: python?.ownReady ?? python?.ready, buildLines: builds.lines });
  if (shipped) proposed.push(shipped);
  else if (bin?.tauri) {
    // Never a silent omission: why the Tauri app got no shipped-app scenario.
    const why = bin.tauri.externalBin.length === 0
      ? `${bin.tauri.conf} has no bundle.externalBin, the only way the preset bundles a sidecar`
      : `no Python freeze was proposed to produce its externalBin ${bin.tauri.externalBin[0]}`;
    notes.push(`no shipped-app scenario (preset tauri-bundle) for ${bin.bin}: ${why}; a scenario with \`preset: tauri-bundle\` written by hand can still measure it (buildbench show prints what it runs)`);
  }
  const scenariosDir = path.join(root, 'scenarios');
  const targets = proposed.map((s) => path.join(scenariosDir, s.file));
  const extra = new Map(proposed.flatMap((s) => Object.entries(s.files ?? {})).map(([f, text]) => [path.join(scenariosDir, f), text]));
  const existing = [...targets, ...extra.keys()].filter((t) => existsSync(t));
  if (existing.length > 0 && !opts.force) {
    throw new InputError(existing.map((file) => ({ file, message: 'already exists: not overwritten (--force replaces it)' })));
  }
  mkdirSync(scenariosDir, { recursive: true });
  const schema = path.relative(scenariosDir, path.join(BUILDBENCH_ROOT, 'schema', 'scenario.schema.json'));
  const rust = bin && `${describeBin(bin)} in ${bin.dir || '.'}`;
  const teamFrom = python?.team?.from ?? python?.zipapp?.from;
  const source = [python && `the Python app in ${python.dir || '.'}${teamFrom ? ` (the team's build: ${teamFrom})` : ''}`, rust].filter(Boolean).join(' and ');
  writeValidated({ proposed, targets, render: (scenario) => renderScenario({ scenario, schema, source }) });
  for (const [file, text] of extra) writeFileSync(file, text);
  notes.push(
    ...pythonDirs.filter((d) => d !== pythonDir).map((d) => `another Python app in ${d}/: run \`buildbench init ${path.join(opts.dir, d)}\` for its own scenarios`),
    ...bins.filter((b) => b !== bin).map((b) => `another binary, ${b.bin} in ${b.dir || '.'}: --bin ${b.bin} chooses it`),
  );
  return { written: [...targets, ...extra.keys()], defaults: targets.filter((_, i) => proposed[i]!.default), notes };
}

/** Write each file beside its target, load it as `validate` would, and only then put it in place. */
function writeValidated(opts: { proposed: ProposedScenario[]; targets: string[]; render: (s: ProposedScenario) => string }): void {
  const problems: Problem[] = [];
  const temps = opts.proposed.map((s, i) => {
    const temp = opts.targets[i]!.replace(/\.yaml$/, '.init-check.yaml');
    writeFileSync(temp, opts.render(s));
    problems.push(...loadScenarioFile(temp).problems.map((p) => ({ ...p, file: opts.targets[i]! })));
    return temp;
  });
  if (problems.length > 0) {
    temps.forEach((temp) => rmSync(temp, { force: true }));
    throw new Error(`init wrote a scenario that does not validate: ${formatProblem(problems[0]!)}`); // a bug here, not bad input
  }
  temps.forEach((temp, i) => renameSync(temp, opts.targets[i]!));
}
