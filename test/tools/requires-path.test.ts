// `requires` found where the project keeps its tools: a path the variant's build calls (.venv/bin/pyinstaller),
// a requirement written as a path, the project's node_modules/.bin, `{tools}/venv/bin`; and missing ones
// with the advice that is right in the folder buildbench runs in.
import { chmodSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { doctor, type DoctorScenario } from '../../src/tools/doctor.ts';
import { formatDoctor } from '../../src/tools/format.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const scratch = realpathSync(tempDir('bb-requires-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function fakeTool(file: string, output: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `#!/bin/sh\necho '${output}'\n`);
  chmodSync(file, 0o755);
  return file;
}

const project = path.join(scratch, 'app');
const tools = path.join(scratch, 'tools');
const venvPyinstaller = fakeTool(path.join(project, '.venv/bin/pyinstaller'), '6.1.0');
const nodeTauri = fakeTool(path.join(project, 'node_modules/.bin/tauri'), 'tauri-cli 2.3.4');
const toolsPex = fakeTool(path.join(tools, 'venv/bin/pex'), '2.105.2');
const base = { cwd: project, root: path.join(scratch, 'bb'), tools, env: { PATH: path.join(scratch, 'empty-path'), HOME: scratch } };

const scenario = (variants: DoctorScenario['variants']): DoctorScenario[] => [{ name: 'app', default: true, project, variants }];

describe('requires found by path', () => {
  it('finds the tool where the build calls it, the project’s node_modules/.bin and the tool env', async () => {
    const report = await doctor({
      ...base,
      scenarios: scenario([
        { name: 'onefile', requires: ['pyinstaller'], build: '.venv/bin/pyinstaller --onefile app.py' },
        { name: 'pex', requires: ['pex'], build: '{tools}/venv/bin/pex . -o dist/app.pex' },
        { name: 'shell', requires: ['tauri', '.venv/bin/pyinstaller'], build: 'npx tauri build' },
      ]),
    });
    expect(report.rows.map((r) => [r.name, r.found && r.path, r.found && r.version])).toEqual([
      ['.venv/bin/pyinstaller', venvPyinstaller, '6.1.0'],
      ['pex', toolsPex, '2.105.2'],
      ['pyinstaller', venvPyinstaller, '6.1.0'],
      ['tauri', nodeTauri, '2.3.4'],
    ]);
    expect(report.blocked).toEqual([]);
  });

  it('reports a path requirement that is not there, and a tool with no venv of its own, with advice right in the project', async () => {
    const report = await doctor({
      ...base,
      scenarios: scenario([
        { name: 'shiv', requires: ['.venv/bin/shiv'], build: '.venv/bin/shiv -o dist/app.pyz .' },
        { name: 'pex', requires: ['pex'], build: 'pex . -o dist/app.pex', setup: ['true'] },
      ]),
      advice: { setup: 'npx buildbench setup', ownCheckout: false },
      tools: path.join(scratch, 'no-tools'),
    });
    const text = formatDoctor(report).split('\n');
    const missing = report.rows.filter((r) => !r.found).map((r) => (r.found ? '' : `${r.name}: ${r.reason}; ${r.install}`));
    expect(missing).toEqual([
      `.venv/bin/shiv: no executable file ${project}/.venv/bin/shiv; create it (the project's own set-up), or require \`shiv\` by name so \`npx buildbench setup\` provides it`,
      "pex: no pex in 7 search dirs; run `npx buildbench setup` (installs it into buildbench's tool env, pinned by tools/requirements.lock)",
    ]);
    expect(report.blocked).toEqual([
      { id: 'app/shiv', default: true, missing: ['.venv/bin/shiv'] },
      { id: 'app/pex', default: true, missing: ['pex'] },
    ]);
    expect(text.at(-1)).toBe('`npx buildbench setup` provisions what buildbench can install (tool env, wheelhouse, crates, Debian packages as root).');
  });
});
