// The requirements file the Python presets install from (pip, uv, pex and shiv all take `-r FILE`), had from
// where the project keeps its dependencies: its own requirements file; a file `uv export` writes from uv.lock in
// each workdir's set-up; one init writes from poetry.lock; one uv compiles from an unlocked pyproject.toml.
import type { Guess } from './inspect-python.ts';
import { UV_EXPORT, type DependencySource } from './python-toolchain.ts';

/** Where a set-up writes the requirements in each workdir (hidden: it is buildbench's, not the team's). */
export const EXPORTED = '.buildbench-requirements.txt';
/** The file init writes beside the scenarios from poetry.lock. */
export const POETRY_EXPORT = 'python-requirements.txt';

/** The `requirements` parameter, the scenario set-up that makes it (if any) and the files init writes beside the scenarios for it. */
export interface Requirements {
  requirements: Guess;
  setup?: Guess;
  files?: Record<string, string>;
}

/** How the Python presets get their requirements from `source` (undefined: none found; the guess says which flag answers). */
export function requirementsFrom(source: DependencySource | undefined): Requirements {
  switch (source?.kind) {
    case 'requirements':
      return { requirements: { value: source.file, why: 'the requirements file the project keeps' } };
    case 'uv.lock':
      return {
        requirements: { value: EXPORTED, why: 'exported from uv.lock by the set-up below' },
        setup: { value: `{tools}/venv/bin/${UV_EXPORT} -o ${EXPORTED}`, why: 'the locked runtime dependencies, written for pip, uv, pex and shiv in each workdir' },
      };
    case 'poetry.lock':
      return {
        requirements: { value: `{scenarioDir}/${POETRY_EXPORT}`, why: `the main group of poetry.lock, written beside this file by init (${source.pinned.length} packages; run init --force after a lock change)` },
        files: { [POETRY_EXPORT]: `# Written by \`buildbench init\` from poetry.lock: the packages poetry installs by default, as pinned there.\n${source.pinned.join('\n')}\n` },
      };
    case 'pyproject':
      return {
        requirements: { value: EXPORTED, why: 'compiled from pyproject.toml (no lock found) by the set-up below, from the wheelhouse' },
        setup: { value: `{tools}/venv/bin/uv pip compile -q --offline --no-index --find-links {tools}/wheelhouse pyproject.toml -o ${EXPORTED}`, why: 'pyproject.toml pins nothing: the versions the wheelhouse holds' },
      };
    default:
      return { requirements: { value: 'requirements.txt', why: 'NOT FOUND (no requirements file, uv.lock, poetry.lock or pyproject.toml): write the pinned runtime requirements here, or answer with --requirements' } };
  }
}
