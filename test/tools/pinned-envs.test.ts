// A project's pinned PyInstaller 5.13.0, for real: setup makes its environment from PyPI through the wheelhouse
// (with setuptools < 81, which 5.x imports), doctor shows that environment's version under the pin's name, and
// a real build's first lines give the versions results.json records for the variant. The full 5.13 build of a
// tiny script takes 40 s here on 2 cores, past this suite's budget: the build is stopped once it has said its
// versions (the README's own-project section has a full build of a real project). The tool dir is kept
// between runs, so only the first run downloads.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pinnedRequirements, pinsIn } from '../../src/common/tool-pins.ts';
import { inspectSample } from '../../src/probe/inspect-sample.ts';
import { doctor } from '../../src/tools/doctor.ts';
import { pinnedEnvDir, provisionPinnedEnvs, versionIn } from '../../src/tools/setup/pinned-envs.ts';
import { pythonOf } from '../../src/tools/setup/index.ts';
import { reportTools } from '../../src/tools/setup/system.ts';
import { createToolProber } from '../../src/tools/probe.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const tools = path.join(os.tmpdir(), 'bb-pinned-envs');
const python = '/usr/bin/python3';
const ctx = (said: string[]) => ({ tools, root: '/', check: false, env: process.env, advice: { setup: 'buildbench setup', ownCheckout: false }, say: (_: unknown, m: string) => { said.push(m); } });

/** The first lines of a real PyInstaller build, until it has said which Python it runs on; then it is stopped. */
function firstLines(pyinstaller: string): Promise<{ line: string; ms: number }[]> {
  const dir = tempDir('bb-pyi5-');
  writeFileSync(path.join(dir, 'hello.py'), 'print("hello")\n');
  const start = Date.now();
  const child = spawn(pyinstaller, ['--onefile', '--noconfirm', 'hello.py'], { cwd: dir, detached: true });
  const lines: { line: string; ms: number }[] = [];
  return new Promise((resolve, reject) => {
    const take = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push({ line, ms: Date.now() - start });
      if (lines.some((l) => / INFO: Python: /.test(l.line))) process.kill(-child.pid!, 'SIGKILL');
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', reject);
    child.on('close', () => resolve(lines));
  });
}

describe('a pinned PyInstaller', () => {
  it('names what each version needs, and the pins and Python a set-up command says', () => {
    expect(pinnedRequirements('pyinstaller', '5.13.0')).toEqual(['pyinstaller==5.13.0', 'setuptools<81']);
    expect(pinnedRequirements('pyinstaller', '6.22.3')).toEqual(['pyinstaller==6.22.3']);
    const command = "uv venv -q --python /usr/bin/python3.11 .venv && uv pip install -r requirements.txt 'pyinstaller==5.13.0' 'setuptools<81'";
    expect(pinsIn(command)).toEqual([{ tool: 'pyinstaller', version: '5.13.0' }]);
    expect(pythonOf(command, 'x')).toBe('/usr/bin/python3.11');
    expect(pythonOf('/opt/py/bin/python3 -m venv .venv && .venv/bin/pip install x', 'x')).toBe('/opt/py/bin/python3');
  });

  it('gets an environment of its own from PyPI, shown by doctor, and its build says the versions recorded', async () => {
    const said: string[] = [];
    await provisionPinnedEnvs(ctx(said), [{ tool: 'pyinstaller', version: '5.13.0', python }]);
    const env = pinnedEnvDir(tools, { tool: 'pyinstaller', version: '5.13.0' });
    expect(said[0]).toMatch(new RegExp(`^(made ${env}: pyinstaller 5.13.0 with setuptools<81 on ${python}, wheels in ${tools}/wheelhouse \\(\\d+ files\\), in \\d+s|ok: pyinstaller 5.13.0 in ${env} \\(pyinstaller==5.13.0, setuptools<81; ${python}\\))$`));
    expect(await versionIn(ctx([]), env, 'pyinstaller')).toBe('5.13.0');
    expect(Number((await versionIn(ctx([]), env, 'setuptools'))!.split('.')[0])).toBeLessThan(81);

    const report = await doctor({
      scenarios: [{ name: 'app', default: true, project: tools, variants: [{ name: 'onefile', requires: ['pyinstaller'], setup: ["uv pip install 'pyinstaller==5.13.0'"] }] }],
      tools,
      env: process.env,
    });
    expect(report.rows.map((r) => [r.name, r.found && r.version, r.found && r.path])).toEqual([['pyinstaller==5.13.0', '5.13.0', `${env}/bin/pyinstaller`]]);

    // setup's last check says the pinned version too, not the tool env's.
    const checked: string[] = [];
    await reportTools({ ...ctx(checked), component: 'tools', probe: createToolProber({ tools }), requirements: [{ name: 'pyinstaller', user: {}, neededBy: ['app/onefile'], pins: [{ tool: 'pyinstaller', version: '5.13.0' }] }] });
    expect(checked).toEqual(['ok: pyinstaller==5.13.0 5.13.0']);

    const lines = await firstLines(`${env}/bin/pyinstaller`);
    const insight = await inspectSample({ cache: 'cold', lines, workdir: tools });
    expect(insight.toolVersions).toEqual({ pyinstaller: '5.13.0', python: expect.stringMatching(/^3\.\d+\.\d+$/) });
  }, 180_000);
});
