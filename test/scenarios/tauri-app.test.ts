// scenarios/tauri-app.yaml (preset tauri-bundle) as the run sees it: not in a plain run; named, it brings in
// the sidecar variants it bundles, built in the stage before; onedir is recorded unavailable as not an
// externalBin drop-in; the dependency seed is built by the Tauri CLI itself (a seed built with other features would not be reused); and
// each variant's build copies its producer's artifact to bundle.externalBin and runs the Tauri CLI.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectScenarios } from '../../src/scenario/discover.ts';
import { buildPlan } from '../../src/plan/plan.ts';
import { BUILDBENCH_ROOT } from '../../src/common/where.ts';
import { NOT_A_DROP_IN } from '../../src/results/schema.ts';

const file = path.join(BUILDBENCH_ROOT, 'scenarios', 'tauri-app.yaml');

describe('the tauri-app scenario', () => {
  it('is not in a plain run, and is in --all', () => {
    const plain = selectScenarios({ args: [], cwd: BUILDBENCH_ROOT });
    expect(plain.scenarios.map((s) => s.name)).not.toContain('tauri-app');
    const all = selectScenarios({ args: [], all: true, cwd: BUILDBENCH_ROOT });
    expect(all.scenarios.map((s) => s.name)).toContain('tauri-app');
  });

  it('named, it bundles each one-file sidecar built in the stage before it', () => {
    const { scenarios } = selectScenarios({ args: [file], cwd: BUILDBENCH_ROOT });
    const plan = buildPlan({ scenarios, runId: 't', seed: 1, outDir: '/tmp/bb-t/out', workRoot: '/tmp/bb-t/work' });
    const stageOf = Object.fromEntries(plan.variants.map((v) => [v.id, v.stage]));
    expect(stageOf).toEqual({
      'tauri-app/pyinstaller-onefile@incremental': 1,
      'tauri-app/pyinstaller-onefile-excludes@incremental': 1,
      'tauri-app/pex@incremental': 1,
      'tauri-app/shiv@incremental': 1,
      'tauri-app/pex-scie@incremental': 1,
      'tauri-app/pyinstaller-onedir@incremental': 0,
      'sidecar/pyinstaller-onefile@incremental': 0,
      'sidecar/pyinstaller-onefile-excludes@incremental': 0,
      'sidecar/pex@incremental': 0,
      'sidecar/shiv@cold': 0,
      'sidecar/pex-scie@incremental': 0,
    });
    const variant = (name: string) => scenarios.find((s) => s.name === 'tauri-app')!.variants.find((v) => v.name === name)!;
    expect(variant('pyinstaller-onefile').baseline).toBe(true);
    expect(variant('pyinstaller-onedir').unavailable).toMatch(new RegExp(`^${NOT_A_DROP_IN}: Tauri's externalBin copies one file per entry`));
    const pex = variant('pex');
    expect(pex.needs?.map((n) => [n.name, n.producer])).toEqual([['sidecar', 'sidecar/pex@incremental']]);
    expect(pex.build).toBe(
      'mkdir -p "$(dirname binaries/sidecar)" && install -m 755 {needs.sidecar} "binaries/sidecar-$(rustc --print host-tuple)" && ' +
        `{scenarioDir}/../node_modules/.bin/tauri build --ci --bundles deb --config '{"bundle":{"active":true}}'`,
    );
    expect(pex.seed?.run).toBe(`{scenarioDir}/../node_modules/.bin/tauri build --ci --no-bundle --config '{"build":{"beforeBuildCommand":null}}'`);
    expect(pex.smoke).toMatchObject({ install: 'rm -rf deb-root && dpkg-deb -x {artifact} deb-root', ready: 'http://127.0.0.1:{port}/health', window: 'buildbench tauri-app' });
    expect(pex.requires).toEqual(expect.arrayContaining(['tauri', 'dpkg-deb', 'Xvfb', 'xwininfo']));
  });
});
