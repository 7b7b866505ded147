// The fixtures under bench/: the Tauri app's configuration meets Tauri v2's rules (FACTS.md), and the
// sidecar's is_frozen() recognises PyInstaller and PEX, run by a real Python.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILDBENCH_ROOT } from '../../src/common/where.ts';

const tauriApp = path.join(BUILDBENCH_ROOT, 'bench/tauri-app');
const sidecar = path.join(BUILDBENCH_ROOT, 'bench/sidecar');

describe('bench/tauri-app', () => {
  const conf = JSON.parse(readFileSync(path.join(tauriApp, 'tauri.conf.json'), 'utf8')) as {
    identifier: string;
    build: { frontendDist: string };
    bundle: { externalBin: string[]; icon: string[]; active: boolean };
  };

  it('has an identifier Tauri accepts, a frontend and the sidecar as externalBin', () => {
    expect(conf.identifier).not.toBe('com.tauri.dev');
    expect(existsSync(path.join(tauriApp, conf.build.frontendDist, 'index.html'))).toBe(true);
    expect(conf.bundle.externalBin).toEqual(['binaries/sidecar']);
    // No bundling: AppImage tools come from GitHub.
    expect(conf.bundle.active).toBe(false);
  });

  it.each(['icons/32x32.png', 'icons/128x128.png', 'icons/icon.png'])('%s is an RGBA PNG', (icon) => {
    expect(conf.bundle.icon).toContain(icon);
    const png = readFileSync(path.join(tauriApp, icon));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(png[25]).toBe(6); // colour type 6 = RGBA (PNG spec, IHDR)
  });

  it('commits Cargo.lock, so `cargo fetch --locked` and `--offline` builds see one dependency graph', () => {
    const lock = readFileSync(path.join(tauriApp, 'Cargo.lock'), 'utf8');
    expect(lock).toMatch(/\[\[package\]\]\nname = "tauri"\nversion = "2\.\d+\.\d+"/);
    expect(lock).toMatch(/\[\[package\]\]\nname = "tauri-plugin-shell"\n/);
  });
});

describe('bench/sidecar', () => {
  const python = ['/usr/bin/python3', path.join(BUILDBENCH_ROOT, '.tools/venv/bin/python3')].find((p) => existsSync(p));

  const probe = (env: Record<string, string>, prelude = '') =>
    execFileSync(
      python ?? 'python3',
      ['-c', `import sys; ${prelude}from sidecar.frozen import is_frozen, packager; print(is_frozen(), packager())`],
      { cwd: path.join(sidecar, 'src'), encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin', ...env } },
    ).trim();

  it.each([
    { label: 'from source', env: {} as Record<string, string>, prelude: '', out: 'False source' },
    { label: 'PEX sets PEX', env: { PEX: '/tmp/sidecar.pex' }, prelude: '', out: 'True pex' },
    { label: 'PyInstaller sets sys.frozen', env: {}, prelude: 'sys.frozen = True; ', out: 'True pyinstaller' },
  ])('is_frozen() $label', ({ env, prelude, out }) => {
    expect(probe(env, prelude)).toBe(out);
  });

  it('pins every requirement with hashes in both locks', () => {
    for (const lock of ['requirements.lock', 'requirements-dev.lock']) {
      const text = readFileSync(path.join(sidecar, lock), 'utf8');
      const pins = text.split('\n').filter((l) => /^[A-Za-z0-9]/.test(l));
      expect(pins.length).toBeGreaterThan(40);
      for (const pin of pins) expect(pin).toMatch(/^[A-Za-z0-9._-]+==\S+ \\$/);
    }
    const dev = readFileSync(path.join(sidecar, 'requirements-dev.lock'), 'utf8');
    for (const tool of ['ipython', 'pytest', 'black', 'jedi', 'pygments']) expect(dev).toMatch(new RegExp(`^${tool}==`, 'm'));
  });
});
