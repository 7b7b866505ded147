// detectTool against real executables: tools of this machine, fake tools written to a temp dir (real
// processes answering --version), and names that exist nowhere.
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectTool, searchDirs } from '../../src/tools/detect.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const scratch = tempDir('bb-toolchain-');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** An executable shell script that prints `output` (to stdout) and exits 0. */
function fakeTool(dir: string, name: string, output: string): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, `#!/bin/sh\necho '${output}'\n`);
  chmodSync(file, 0o755);
  return file;
}

const emptyRoot = path.join(scratch, 'empty-root');
const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root' };

describe('detectTool on this machine', () => {
  it.each([
    // name, expected basename, version pattern (null: the tool cannot tell its version)
    ['sh', 'sh', null],
    ['cargo', 'cargo', /^\d+\.\d+\.\d+$/],
    ['rustc', 'rustc', /^\d+\.\d+\.\d+$/],
    ['readelf', 'readelf', /^\d+\.\d+/],
  ] as const)('finds %s', async (name, base, version) => {
    const status = await detectTool(name, { root: emptyRoot, env });
    expect(status.found).toBe(true);
    if (!status.found) return;
    expect(path.basename(status.path)).toBe(base);
    if (version === null) expect(status.version).toBeNull();
    else expect(status.version).toMatch(version);
  });

  it('reports an unknown name as missing with a generic hint', async () => {
    const status = await detectTool('bb-no-such-tool', { root: emptyRoot, env });
    const dirs = searchDirs({ root: emptyRoot, env }).length;
    expect(status).toEqual({
      name: 'bb-no-such-tool',
      found: false,
      reason: `no bb-no-such-tool in ${dirs} search dirs`,
      install: 'put `bb-no-such-tool` on PATH or name it by path (buildbench has no install recipe for it)',
      bySetup: false,
    });
  });

  it('reports a known tool that is absent with its own install hint', async () => {
    const status = await detectTool('mold', { root: emptyRoot, env: { PATH: path.join(scratch, 'nothing-here') } });
    expect(status).toEqual({
      name: 'mold',
      found: false,
      reason: 'no mold in 5 search dirs',
      install: `apt-get install mold (or \`node ${emptyRoot}/scripts/from-source.js setup\` as root)`,
      bySetup: true,
    });
  });
});

describe('search order', () => {
  it('prefers the tool env, then node_modules/.bin, then PATH', async () => {
    const root = path.join(scratch, 'root-order');
    const onPath = path.join(scratch, 'path-bin');
    fakeTool(onPath, 'uv', 'uv 0.0.1 (path)');
    fakeTool(path.join(root, 'node_modules/.bin'), 'uv', 'uv 0.0.2 (node)');
    const venvUv = fakeTool(path.join(root, '.tools/venv/bin'), 'uv', 'uv 0.0.3 (venv)');
    fakeTool(onPath, 'tauri', 'tauri-cli 2.0.0');
    const nodeTauri = fakeTool(path.join(root, 'node_modules/.bin'), 'tauri', 'tauri-cli 2.9.9');
    const opts = { root, cwd: root, tools: path.join(root, '.tools'), env: { PATH: onPath } };
    expect(await detectTool('uv', opts)).toEqual({ name: 'uv', found: true, version: '0.0.3', path: venvUv });
    expect(await detectTool('tauri', opts)).toEqual({ name: 'tauri', found: true, version: '2.9.9', path: nodeTauri });
  });

  it('keeps a found tool whose --version fails, with a null version', async () => {
    const dir = path.join(scratch, 'broken');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'shiv'), '#!/bin/sh\nexit 3\n');
    chmodSync(path.join(dir, 'shiv'), 0o755);
    const status = await detectTool('shiv', { root: emptyRoot, env: { PATH: dir } });
    expect(status).toEqual({ name: 'shiv', found: true, version: null, path: path.join(dir, 'shiv') });
  });
});

describe('scie-mirror', () => {
  it('is missing while BUILDBENCH_SCIE_MIRROR is unset, and says why', async () => {
    const status = await detectTool('scie-mirror', { root: emptyRoot, env });
    expect(status.found).toBe(false);
    if (status.found) return;
    expect(status.reason).toBe('BUILDBENCH_SCIE_MIRROR is not set');
    expect(status.install).toContain('published only as GitHub releases');
  });

  it('is missing when the mirror has no science binary', async () => {
    const mirror = path.join(scratch, 'mirror-empty');
    mkdirSync(mirror, { recursive: true });
    const status = await detectTool('scie-mirror', { root: emptyRoot, env: { ...env, BUILDBENCH_SCIE_MIRROR: mirror } });
    expect(status).toMatchObject({ found: false, reason: `BUILDBENCH_SCIE_MIRROR=${mirror} has no executable \`science\`` });
  });

  it('is found with the version of the mirror’s science', async () => {
    const mirror = path.join(scratch, 'mirror');
    const science = fakeTool(mirror, 'science', '0.21.1');
    const status = await detectTool('scie-mirror', { root: emptyRoot, env: { ...env, BUILDBENCH_SCIE_MIRROR: mirror } });
    expect(status).toEqual({ name: 'scie-mirror', found: true, version: '0.21.1', path: science });
  });
});
