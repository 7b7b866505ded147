// The wheelhouse takes the requirement files the scenarios read, not every requirements*.txt of the project: a
// new user's requirements.txt pinned pyinstaller<=5.1, which Python 3.11 cannot install, and setup failed for
// a scenario that installed from requirements-app.txt.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { namedRequirements, pythonInputs } from '../../src/tools/setup/python.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe('the wheelhouse inputs', () => {
  it('namedRequirements finds -r/--requirement files and requirements files a filter reads, as written', () => {
    expect(
      namedRequirements([
        "awk -v tools='^(pyinstaller)$' '!cont { n = tolower($1) }' requirements-app.txt > .venv-requirements.txt && .venv/bin/pip install -r .venv-requirements.txt 'pyinstaller==6.1'",
        '{tools}/venv/bin/pex --no-pypi --find-links {tools}/wheelhouse -r .buildbench-runtime-requirements.txt -D src',
        'uv pip install --requirement=deps/prod.txt && pip install -r {tools}/x.txt -r /abs/r.txt',
      ]).sort(),
    ).toEqual(['.buildbench-runtime-requirements.txt', '.venv-requirements.txt', 'deps/prod.txt', 'requirements-app.txt'].sort());
  });

  it('pythonInputs: the named files that are in the project, else every requirements file', () => {
    const project = tempDir('bb-wheelhouse-');
    mkdirSync(path.join(project, 'deps'));
    for (const f of ['requirements.txt', 'requirements-app.txt', 'requirements-dev.in', 'deps/prod.txt']) writeFileSync(path.join(project, f), 'x\n');
    expect(pythonInputs(project, ['requirements-app.txt', '.venv-requirements.txt'])).toEqual({ project, requirements: ['requirements-app.txt'] });
    expect(pythonInputs(project, ['deps/prod.txt'])).toEqual({ project, requirements: ['deps/prod.txt'] });
    // Nothing named that exists (generated files only): the project's own, as before.
    expect(pythonInputs(project, ['.buildbench-runtime-requirements.txt'])).toEqual({ project, requirements: ['requirements-app.txt', 'requirements.txt', 'requirements-dev.in'] });
  });
});
