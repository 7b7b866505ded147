// `buildbench setup` for a project whose build runs pnpm, on a machine without it: pnpm is installed from the
// npm registry into the tool dir (the registry, not GitHub, is what these machines reach), found there by the
// tool check, and runs the project's scripts offline from where tauri-bundle's builds put it on PATH. A second
// setup finds it done.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/tools/catalog.ts';
import { NPM_TOOLS_BIN } from '../../src/common/where.ts';
import { BIN } from '../e2e/helpers.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const dir = realpathSync(tempDir('bb-npm-tools-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pnpm = CATALOG.pnpm!.provide as { package: string; version: string };
// The machine's PATH without any pnpm of its own, so the one found is the tool dir's.
const PATH = (process.env.PATH ?? '').split(':').filter((d) => !existsSync(path.join(d, 'pnpm'))).join(':');

function setup() {
  const r = spawnSync(process.execPath, [BIN, 'setup', 'web', '--skip', 'apt'], { cwd: dir, encoding: 'utf8', env: { ...process.env, PATH, BUILDBENCH_TOOLS: '' } });
  return { code: r.status, lines: r.stdout.trimEnd().split('\n'), stderr: r.stderr };
}

describe('setup installs pnpm from the npm registry', () => {
  it('into the tool dir, where the tool check finds it and a build runs the project\'s scripts with it', () => {
    mkdirSync(path.join(dir, 'scenarios'));
    mkdirSync(path.join(dir, 'web'));
    writeFileSync(path.join(dir, 'web/package.json'), JSON.stringify({ name: 'web', scripts: { build: 'pnpm run frontend && echo built', frontend: 'echo frontend' } }));
    writeFileSync(path.join(dir, 'scenarios/web.yaml'), 'name: web\nproject: ../web\nvariants:\n  - {name: pnpm, requires: [pnpm], build: pnpm build}\n');
    const tools = path.join(dir, '.buildbench/tools');
    const first = setup();
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.lines).toContain(`npm        installing pnpm@${pnpm.version} from the npm registry into ${tools}/node`);
    expect(first.lines).toContain(`tools      ok: pnpm ${pnpm.version}`);
    const second = setup();
    expect(second.lines).toContain(`npm        ok: pnpm@${pnpm.version} in ${tools}/node`);
    // As a tauri-bundle build runs beforeBuildCommand: the tool dir's npm tools last on PATH.
    const build = spawnSync('sh', ['-c', 'pnpm build'], { cwd: path.join(dir, 'web'), encoding: 'utf8', env: { ...process.env, PATH: `${PATH}:${tools}/${NPM_TOOLS_BIN}` } });
    expect(build.status).toBe(0);
    expect(build.stdout).toMatch(/^frontend\nbuilt$/m);
  });
});
