// Parameters shared by the Python presets: where the tools and the offline wheelhouse are, and which Python.
import { Type } from '@sinclair/typebox';

export const PYTHON_PARAMS = {
  requirements: Type.String({
    minLength: 1,
    default: 'requirements.txt',
    description: 'the runtime requirements file (pinned, ideally hashed), relative to the project',
  }),
  python: Type.String({ minLength: 1, default: '/usr/bin/python3', description: 'the Python the environments and zipapps use' }),
  toolsBin: Type.String({
    minLength: 1,
    default: '{tools}/venv/bin',
    description: 'folder holding uv, pex and shiv (default: the tool environment `buildbench setup` makes)',
  }),
  wheelhouse: Type.String({
    minLength: 1,
    default: '{tools}/wheelhouse',
    description: 'folder of wheels every build installs from, offline, so builds measure the tool and not the network',
  }),
};
