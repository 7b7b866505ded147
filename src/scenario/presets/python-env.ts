// Create the app's runtime environment (.venv from its requirements) with pip and with uv, offline from a
// wheelhouse. Cold: the installer's cache removed; warm: kept. The venv itself is removed before every sample.
import { Type } from '@sinclair/typebox';
import { definePreset, paramsObject, words } from './preset.ts';
import { PYTHON_PARAMS } from './python-common.ts';

const params = paramsObject(
  {
    requireHashes: Type.Boolean({ default: true, description: 'pip checks every wheel against the hashes in the requirements file (--require-hashes)' }),
    ...PYTHON_PARAMS,
  },
);

export const pythonEnv = definePreset({
  name: 'python-env',
  description: 'Create the app\'s .venv from its requirements with pip and with uv (with and without bytecode compilation), offline',
  params,
  expand: (p) => {
    const uv = (compile: boolean) =>
      words(
        `${p.toolsBin}/uv venv -q --python ${p.python} .venv &&`,
        `${p.toolsBin}/uv pip install -q --python .venv/bin/python --offline --no-index`,
        compile && '--compile-bytecode',
        `--find-links ${p.wheelhouse} -r ${p.requirements}`,
      );
    return {
      requires: ['python3'],
      cache: ['cold', 'warm'],
      runs: 5,
      warmup: 1,
      timeoutS: 600,
      env: { UV_PYTHON_DOWNLOADS: 'never' },
      variants: [
        {
          name: 'pip',
          description: '`python3 -m venv` (which bootstraps pip) then `pip install --require-hashes`.',
          baseline: true,
          build: words(
            `${p.python} -m venv .venv &&`,
            `.venv/bin/pip install -q --disable-pip-version-check --no-index --find-links ${p.wheelhouse}`,
            p.requireHashes && '--require-hashes',
            `-r ${p.requirements}`,
          ),
          artifact: '.venv',
          clean: ['.venv'],
        },
        {
          name: 'uv',
          description:
            '`uv venv` then `uv pip install` (hard links from its cache when warm). Unlike pip it writes no .pyc files: ' +
            'the first import compiles them, see uv-compile.',
          requires: ['uv'],
          build: uv(false),
          artifact: '.venv',
          clean: ['.venv'],
        },
        {
          name: 'uv-compile',
          description: 'uv with `--compile-bytecode`, which does what pip does by default (.pyc at install time).',
          requires: ['uv'],
          build: uv(true),
          artifact: '.venv',
          clean: ['.venv'],
        },
      ],
    };
  },
});
