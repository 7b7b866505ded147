// The environment PyInstaller runs in, made the way the pinned version needs: it bundles what that environment
// imports, so it is the app's own (its requirements, offline from the wheelhouse) plus the packager. A pinned
// PyInstaller brings what it needs (pinnedRequirements: setuptools < 81 for 5.x, which `uv venv` never adds),
// and the project's own pin lines for it are left out of the requirements so a newer version can be tried too.
import { Type } from '@sinclair/typebox';
import { pinnedRequirements } from '../../common/tool-pins.ts';
import { words } from './preset.ts';
import { runtimeRequirementsCommand } from '../../common/build-only-tools.ts';

export const PYINSTALLER_ENV_PARAMS = {
  pyinstallerVersion: Type.String({
    pattern: '^(\\d[\\w.]*)?$',
    default: '',
    description: 'the PyInstaller version the baseline builds with, as the project pins it ("": the wheelhouse\'s, from buildbench\'s tool lock)',
  }),
  newerPyInstaller: Type.String({
    pattern: '^(\\d[\\w.]*)?$',
    default: '',
    description: 'a newer PyInstaller to try against the pinned one: adds the variant pyinstaller-onefile-<version> ("": none)',
  }),
  installer: Type.Union([Type.Literal('uv'), Type.Literal('pip')], {
    default: 'uv',
    description: 'how the environment is made: uv (uv venv + uv pip install) or pip (python -m venv + pip install), as the project does',
  }),
};

/** Where the app's requirements go once the PyInstaller pins are taken out (inside the workdir). */
const FILTERED = '.venv-requirements.txt';

/**
 * The untimed set-up that makes `.venv` with the app's requirements and PyInstaller `version` ('' = any),
 * offline from `wheelhouse`, with uv or pip. Pure.
 */
export function pyinstallerEnvSetup(opts: { installer: 'uv' | 'pip'; version: string; python: string; toolsBin: string; wheelhouse: string; requirements: string }): string {
  const { installer, version, python, toolsBin, wheelhouse } = opts;
  const packages = version ? pinnedRequirements('pyinstaller', version).map((r) => `'${r}'`).join(' ') : 'pyinstaller';
  // With a pin, the project's own pyinstaller line would contradict a newer version: the pin alone decides.
  // The same filter as PEX's and shiv's build-tool one: a hashed pin goes with its --hash continuation lines.
  const filter = version ? `${runtimeRequirementsCommand({ from: opts.requirements, to: FILTERED, tools: ['pyinstaller'] })} && ` : '';
  const requirements = version ? FILTERED : opts.requirements;
  if (installer === 'pip') {
    return words(`${filter}${python} -m venv .venv && .venv/bin/pip install -q --disable-pip-version-check --no-index --find-links`, wheelhouse, '-r', requirements, packages);
  }
  return words(
    `${filter}export UV_PYTHON_DOWNLOADS=never UV_LINK_MODE=copy && ${toolsBin}/uv venv -q --python ${python} .venv && ${toolsBin}/uv pip install -q --python .venv/bin/python --offline --no-index --find-links`,
    wheelhouse,
    '-r',
    requirements,
    packages,
  );
}
