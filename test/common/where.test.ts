// Where the tool dir lives and which command the advice names, for buildbench's own checkout, a project
// that installed buildbench into node_modules, a global install on PATH, and a clone run by path.
import { mkdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILDBENCH_ROOT, setupCommand, toolsDir } from '../../src/common/where.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const scratch = realpathSync(tempDir('bb-where-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A folder shaped like an installed buildbench package (bin/buildbench.js, dist/cli/main.js). */
function fakePackage(dir: string): string {
  mkdirSync(path.join(dir, 'bin'), { recursive: true });
  mkdirSync(path.join(dir, 'dist/cli'), { recursive: true });
  writeFileSync(path.join(dir, 'bin/buildbench.js'), '');
  writeFileSync(path.join(dir, 'dist/cli/main.js'), '');
  return dir;
}

const noPath = { PATH: '/nonexistent-bin' };

describe('toolsDir', () => {
  it('is .tools in buildbench’s own checkout', () => {
    expect(toolsDir({ cwd: BUILDBENCH_ROOT, env: noPath })).toBe(path.join(BUILDBENCH_ROOT, '.tools'));
  });

  it('is .buildbench/tools in any other folder, and BUILDBENCH_TOOLS wins everywhere', () => {
    const project = path.join(scratch, 'app');
    expect(toolsDir({ cwd: project, env: noPath })).toBe(path.join(project, '.buildbench/tools'));
    expect(toolsDir({ cwd: project, env: { BUILDBENCH_TOOLS: 'shared/tools' } })).toBe(path.join(project, 'shared/tools'));
    expect(toolsDir({ cwd: BUILDBENCH_ROOT, env: { BUILDBENCH_TOOLS: '/opt/bb' } })).toBe('/opt/bb');
  });
});

describe('setupCommand', () => {
  it('is `npm run setup` in buildbench’s own checkout (its package.json has that script)', () => {
    expect(setupCommand({ cwd: BUILDBENCH_ROOT, env: noPath })).toBe('npm run setup');
    expect(setupCommand({ cwd: BUILDBENCH_ROOT, env: noPath, scenarios: ['sidecar'] })).toBe('npm run setup -- sidecar');
  });

  it('is `npx buildbench setup` in a project that installed buildbench, from any subfolder', () => {
    const project = path.join(scratch, 'installed');
    const root = fakePackage(path.join(project, 'node_modules/buildbench'));
    mkdirSync(path.join(project, 'src'), { recursive: true });
    expect(setupCommand({ cwd: project, root, env: noPath })).toBe('npx buildbench setup');
    expect(setupCommand({ cwd: path.join(project, 'src'), root, env: noPath, scenarios: ['scenarios/my app.yaml'] })).toBe(
      "npx buildbench setup 'scenarios/my app.yaml'",
    );
  });

  it('is `npx buildbench setup` where npm linked this package into the project (npm install -D of a folder)', () => {
    const clone = fakePackage(path.join(scratch, 'linked-clone'));
    const project = path.join(scratch, 'linking');
    mkdirSync(path.join(project, 'node_modules/.bin'), { recursive: true });
    symlinkSync(clone, path.join(project, 'node_modules/buildbench'));
    symlinkSync('../buildbench/bin/buildbench.js', path.join(project, 'node_modules/.bin/buildbench'));
    // node runs the link's target: the package root it sees is the clone.
    expect(setupCommand({ cwd: project, root: clone, env: noPath })).toBe('npx buildbench setup');
    // Another copy installed in a project is not this one: the clone is named by path.
    expect(setupCommand({ cwd: path.join(scratch, 'installed'), root: clone, env: noPath })).toBe(`node ${clone}/bin/buildbench.js setup`);
  });

  it('is `buildbench setup` when the buildbench on PATH is this package (a global install)', () => {
    const root = fakePackage(path.join(scratch, 'global/lib/node_modules/buildbench'));
    const bin = path.join(scratch, 'global/bin');
    mkdirSync(bin, { recursive: true });
    symlinkSync(path.join(root, 'bin/buildbench.js'), path.join(bin, 'buildbench'));
    expect(setupCommand({ cwd: path.join(scratch, 'elsewhere'), root, env: { PATH: bin } })).toBe('buildbench setup');
  });

  it('is `node <clone>/bin/buildbench.js setup` for a clone run by path (never `npm run setup`: that is the project’s own script)', () => {
    const root = fakePackage(path.join(scratch, 'clone'));
    expect(setupCommand({ cwd: path.join(scratch, 'someone-elses-app'), root, env: noPath })).toBe(`node ${root}/bin/buildbench.js setup`);
    rmSync(path.join(root, 'dist'), { recursive: true });
    expect(setupCommand({ cwd: path.join(scratch, 'someone-elses-app'), root, env: noPath })).toBe(`node ${root}/scripts/from-source.js setup`);
  });
});
