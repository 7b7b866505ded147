// The build-tool filter PEX's and shiv's set-up runs (and PyInstaller's environment, for its own pin), run for
// real by the shell on a hashed requirements file, and init's reading of the same lines for its comments.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_ONLY_TOOLS, buildToolLines, runtimeRequirementsCommand } from '../../src/common/build-only-tools.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const REQUIREMENTS = [
  'fastapi>=0.100.0',
  'PyInstaller==5.13.0 \\',
  '    --hash=sha256:aaaa \\',
  '    --hash=sha256:bbbb',
  '    # via -r requirements.in',
  'pyinstaller_hooks.contrib==2023.1 ; python_version >= "3.8"',
  'uvicorn[standard]>=0.21.1 \\',
  '    --hash=sha256:cccc',
  '# pex is only named in this comment',
  'pexpect==4.9.0',
  'shiv',
  '-r other.txt',
  'requests',
  '',
].join('\n');

const dir = tempDir('bb-build-tools-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function filtered(tools: readonly string[]): string {
  writeFileSync(path.join(dir, 'requirements.txt'), REQUIREMENTS);
  execFileSync('sh', ['-c', runtimeRequirementsCommand({ from: 'requirements.txt', to: 'out.txt', tools })], { cwd: dir });
  return readFileSync(path.join(dir, 'out.txt'), 'utf8');
}

describe('requirements less the build tools', () => {
  it('drops each build tool with its hash lines and keeps every other line as written', () => {
    expect(filtered(BUILD_ONLY_TOOLS)).toBe(
      ['fastapi>=0.100.0', '    # via -r requirements.in', 'uvicorn[standard]>=0.21.1 \\', '    --hash=sha256:cccc', '# pex is only named in this comment', 'pexpect==4.9.0', '-r other.txt', 'requests', ''].join('\n'),
    );
  });

  it('takes out only the tools it is given (PyInstaller\'s own environment drops its pin alone)', () => {
    const out = filtered(['pyinstaller']);
    expect(out).not.toMatch(/PyInstaller|aaaa/);
    expect(out).toContain('pyinstaller_hooks.contrib==2023.1');
    expect(out).toContain('shiv\n');
  });

  it('names the same lines for init\'s comments', () => {
    expect(buildToolLines(REQUIREMENTS)).toEqual(['PyInstaller==5.13.0', 'pyinstaller_hooks.contrib==2023.1 ; python_version >= "3.8"', 'shiv']);
    expect(buildToolLines(REQUIREMENTS, ['pyinstaller'])).toEqual(['PyInstaller==5.13.0']);
  });
});
