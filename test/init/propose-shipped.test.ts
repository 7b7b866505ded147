// The shipped-app scenario init proposes for a Tauri app whose externalBin a Python freeze produces, on tiny
// projects shaped like the real ones (a Next.js-style root with src-tauri/, externalBin under bin/api/): every
// parameter as written, the file valid, and the preset's expansion launching what the package installs.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { initProject } from '../../src/init/init.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { expandCommand } from '../../src/scenario/placeholders.ts';
import { markedWarnings } from '../../src/runner/untimed.ts';
import { BUILDBENCH_ROOT } from '../../src/common/where.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/** buildbench's own CLI (a devDependency here), which a project without @tauri-apps/cli is given. */
const OWN_CLI = path.join(BUILDBENCH_ROOT, 'node_modules/.bin/tauri');

function project(files: Record<string, string>): string {
  const root = tempDir('bb-shipped-');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const SIDECAR_APP = {
  'requirements.txt': 'fastapi==0.115.0\nuvicorn==0.30.0\n',
  'src/backends/main.py': 'import uvicorn\nfrom fastapi import FastAPI\napp = FastAPI()\n@app.get("/health")\ndef health(): return "ok"\nPORT_API = 8008\nif __name__ == "__main__":\n    uvicorn.run(app, port=PORT_API)\n',
  'src-tauri/Cargo.toml': '[package]\nname = "app"\nversion = "0.3.1"\nedition = "2021"\n',
  'src-tauri/Cargo.lock': 'version = 4\n',
  'src-tauri/src/main.rs': 'fn main() {}\n',
};
const conf = (extra: Record<string, unknown>) =>
  JSON.stringify({ productName: 'notes-desk', app: { windows: [{ title: 'Notes (beta)' }] }, build: { frontendDist: '../out', beforeBuildCommand: 'pnpm build' }, bundle: { externalBin: ['bin/api/main'] }, ...extra });

function shipped(root: string) {
  const result = initProject({ dir: root });
  const file = result.written.find((f) => f.endsWith('tauri-bundle.yaml'))!;
  const loaded = loadScenarioFile(file);
  expect(loaded.problems).toEqual([]);
  return { doc: parse(readFileSync(file, 'utf8')) as { with: Record<string, unknown>; requires: string[]; ignore: string[] }, scenario: loaded.scenario! };
}

describe('init proposes the shipped app', () => {
  it('wires a Tauri app with the project\'s CLI, mainBinaryName and an unbuilt frontend to its sidecar freeze', () => {
    const root = project({
      ...SIDECAR_APP,
      'package.json': '{"devDependencies": {"@tauri-apps/cli": "^2.1.0"}}\n',
      'requirements.txt': 'fastapi==0.115.0\nuvicorn==0.30.0\npyinstaller==5.13.0\n',
      'src-tauri/tauri.conf.json': conf({ version: '1.2.0', mainBinaryName: 'notes-desk-bin' }),
    });
    const { doc, scenario } = shipped(root);
    expect(doc.with).toMatchObject({
      bin: 'app',
      edit: 'src-tauri/src/main.rs',
      lockfile: 'src-tauri/Cargo.lock',
      producer: 'python-freeze',
      appDir: 'src-tauri',
      externalBin: 'src-tauri/bin/api/main',
      deb: `target/release/bundle/deb/notes-desk_1.2.0_${process.arch === 'x64' ? 'amd64' : process.arch}.deb`,
      binary: 'usr/bin/notes-desk-bin',
      cli: '{scenarioDir}/../node_modules/.bin/tauri',
      beforeBuild: true,
      portEnv: '',
      ready: 'http://127.0.0.1:8008/health',
      window: '^Notes \\(beta\\)$',
    });
    expect(doc.with.setup).toContain('ln -sfn {scenarioDir}/../node_modules node_modules');
    // The team pins 5.13.0: buildbench's newer PyInstaller's sidecar ships too, right after the baseline's.
    expect((doc.with.sidecars as { variant: string }[]).map((v) => v.variant).slice(0, 2)).toEqual(['pyinstaller-onefile', expect.stringMatching(/^pyinstaller-onefile-6\./)]);
    expect(doc.requires).toEqual(['cargo', 'rustc', 'webkit2gtk-4.1', 'dpkg-deb', 'node_modules/.bin/tauri', 'pnpm']);
    expect(doc.ignore).toEqual(['src-tauri/bin/api', 'deb-root']);
    const pex = scenario.variants.find((v) => v.name === 'pex')!;
    expect(pex.needs?.map((n) => n.producer)).toEqual(['python-freeze/pex@incremental']);
    expect(pex.build).toBe(
      'mkdir -p "$(dirname src-tauri/bin/api/main)" && install -m 755 {needs.sidecar} "src-tauri/bin/api/main-$(rustc --print host-tuple)" && ' +
        `cd src-tauri && {scenarioDir}/../node_modules/.bin/tauri build --ci --bundles deb --config '{"bundle":{"active":true}}'`,
    );
    expect(pex.smoke).toMatchObject({ run: 'deb-root/usr/bin/notes-desk-bin', window: '^Notes \\(beta\\)$' });
    expect(pex.seed?.run).toBe(`cd src-tauri && {scenarioDir}/../node_modules/.bin/tauri build --ci --no-bundle --config '{"build":{"beforeBuildCommand":null}}'`);
  });

  it('skips beforeBuildCommand where the frontend is built, names the cargo binary, and takes Cargo\'s version', () => {
    const root = project({ ...SIDECAR_APP, 'out/index.html': '<p>built</p>\n', 'src-tauri/tauri.conf.json': conf({}) });
    const { doc, scenario } = shipped(root);
    expect(doc.with).toMatchObject({
      deb: `target/release/bundle/deb/notes-desk_0.3.1_${process.arch === 'x64' ? 'amd64' : process.arch}.deb`,
      binary: 'usr/bin/app',
      cli: OWN_CLI,
      beforeBuild: false,
    });
    expect(doc.requires).toEqual(['cargo', 'rustc', 'webkit2gtk-4.1', 'dpkg-deb', OWN_CLI]);
    const baseline = scenario.variants.find((v) => v.baseline)!;
    expect(baseline.build).toContain(`tauri build --ci --bundles deb --config '{"bundle":{"active":true},"build":{"beforeBuildCommand":null}}'`);
    expect(baseline.smoke?.run).toBe('deb-root/usr/bin/app');
  });

  it("takes every sidecar in the clean (cold) state the producer measures when the team's command has --clean", () => {
    const root = project({
      ...SIDECAR_APP,
      'package.json': JSON.stringify({ scripts: { 'build:sidecar-linux': 'pyinstaller -F --clean --name main-x86_64-unknown-linux-gnu --distpath src-tauri/bin/api src/backends/main.py' } }),
      'src-tauri/tauri.conf.json': conf({}),
    });
    const { doc, scenario } = shipped(root);
    expect(new Set((doc.with.sidecars as { cache: string }[]).map((s) => s.cache))).toEqual(new Set(['cold']));
    expect(scenario.variants.find((v) => v.baseline)!.needs?.map((n) => n.producer)).toEqual(['python-freeze/pyinstaller-onefile@cold']);
  });

  it("skips a beforeBuildCommand that freezes a sidecar, building the rest of its script once in the set-up from the project's node_modules/.bin", () => {
    const root = project({
      ...SIDECAR_APP,
      'package.json': JSON.stringify({
        scripts: {
          'build:sidecar-winos': 'pyinstaller -c -F --clean --name main-x86_64-pc-windows-msvc --distpath src-tauri/bin/api src/backends/main.py',
          'build:sidecar-linux': 'pyinstaller -c -F --clean --name main-x86_64-unknown-linux-gnu --distpath src-tauri/bin/api src/backends/main.py',
          build: 'pnpm run build:sidecar-winos && next build',
        },
        devDependencies: { '@tauri-apps/cli': '^2.1.0' },
      }, null, 2),
      'src-tauri/tauri.conf.json': conf({}),
      // The project's installed frontend tool: writes the frontendDist folder as `next build` with output: export does.
      'node_modules/.bin/next': '#!/bin/sh\n[ "$1" = build ] && mkdir -p out && echo "<p>$(pwd)</p>" > out/index.html\n',
    });
    chmodSync(path.join(root, 'node_modules/.bin/next'), 0o755);
    const { doc, scenario } = shipped(root);
    expect(doc.with.beforeBuild).toBe(false);
    const text = readFileSync(path.join(root, 'scenarios/tauri-bundle.yaml'), 'utf8');
    expect(text).toContain(
      "beforeBuild: false  # `pnpm build` (src-tauri/tauri.conf.json:1 build.beforeBuildCommand) is skipped: `pyinstaller -c -F --clean --name main-x86_64-pc-windows-msvc --distpath src-tauri/bin/api src/backends/main.py` " +
        "(package.json:3 scripts.build:sidecar-winos) freezes a sidecar with PyInstaller, the producer's work, which each sample installs itself; the rest, `next build` (package.json:5 scripts.build), runs once in each workdir's untimed set-up\n",
    );
    // pnpm is not needed: the set-up runs `next build` itself, and no sample runs beforeBuildCommand.
    expect(doc.requires).toEqual(['cargo', 'rustc', 'webkit2gtk-4.1', 'dpkg-deb', 'node_modules/.bin/tauri']);
    expect(scenario.variants.find((v) => v.baseline)!.build).toContain('"build":{"beforeBuildCommand":null}');
    // The set-up, run for real in a workdir without node_modules (never copied): the link, then the frontend build.
    const work = path.join(root, 'work');
    mkdirSync(work);
    execFileSync('sh', ['-c', expandCommand(doc.with.setup as string, { scenarioDir: path.join(root, 'scenarios') })], { cwd: work });
    expect(readFileSync(path.join(work, 'out/index.html'), 'utf8')).toBe(`<p>${work}</p>\n`);
  });

  it('stands a placeholder page in for a frontend build that fails here, and says so with its error', () => {
    const root = project({
      ...SIDECAR_APP,
      'package.json': JSON.stringify({
        scripts: {
          'build:sidecar-linux': 'pyinstaller -c -F --clean --name main-x86_64-unknown-linux-gnu --distpath src-tauri/bin/api src/backends/main.py',
          build: 'pnpm run build:sidecar-linux && next build',
        },
        devDependencies: { '@tauri-apps/cli': '^2.1.0' },
      }, null, 2),
      'src-tauri/tauri.conf.json': conf({}),
      // As `next build` fails on a machine that cannot reach Google Fonts.
      'node_modules/.bin/next': '#!/bin/sh\nmkdir -p out && echo half > out/half.js\necho "Failed to fetch \\`Inter\\` from Google Fonts."\necho "> Build failed because of webpack errors"\nexit 1\n',
    });
    chmodSync(path.join(root, 'node_modules/.bin/next'), 0o755);
    const { doc } = shipped(root);
    const text = readFileSync(path.join(root, 'scenarios/tauri-bundle.yaml'), 'utf8');
    expect(text).toContain('a placeholder page in out/ stands in for the frontend');
    const work = path.join(root, 'work');
    mkdirSync(work);
    const output = execFileSync('sh', ['-c', expandCommand(doc.with.setup as string, { scenarioDir: path.join(root, 'scenarios') })], { cwd: work, encoding: 'utf8' });
    // The set-up succeeds with the placeholder alone in frontendDist, and its warning line names what failed.
    expect(readdirSync(path.join(work, 'out'))).toEqual(['index.html']);
    expect(readFileSync(path.join(work, 'out/index.html'), 'utf8')).toContain('buildbench: the frontend build failed in the set-up');
    expect(markedWarnings(output.trimEnd().split('\n'), 'logs/x/setup1.log')).toEqual([
      'the frontend build failed, so the app was bundled with a placeholder page in out/ instead of its frontend (Failed to fetch `Inter` from Google Fonts.; log: logs/x/setup1.log)',
    ]);
  });

  it('runs a beforeBuildCommand that only builds the frontend in every sample, as the team does', () => {
    const root = project({
      ...SIDECAR_APP,
      'package.json': JSON.stringify({ scripts: { build: 'tsc && vite build' }, devDependencies: { '@tauri-apps/cli': '^2.1.0' } }),
      'src-tauri/tauri.conf.json': conf({ build: { frontendDist: '../dist', beforeBuildCommand: 'npm run build' } }),
    });
    const { doc } = shipped(root);
    expect(doc.with.beforeBuild).toBe(true);
    expect(doc.with.setup).toContain('ln -sfn {scenarioDir}/../node_modules node_modules');
    expect(doc.with.setup).not.toContain('vite build');
  });

  it('proposes none for a Tauri app without externalBin, and says why', () => {
    const root = project({ ...SIDECAR_APP, 'src-tauri/tauri.conf.json': JSON.stringify({ productName: 'x', build: { frontendDist: '../out' } }) });
    const result = initProject({ dir: root });
    expect(result.written.map((f) => path.basename(f))).not.toContain('tauri-bundle.yaml');
    expect(result.notes).toContainEqual(expect.stringMatching(/^no shipped-app scenario \(preset tauri-bundle\) for app: src-tauri\/tauri\.conf\.json has no bundle\.externalBin/));
  });
});
