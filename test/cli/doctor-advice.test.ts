// `buildbench doctor` run in a user's project (outside buildbench's checkout): the advice is a command that
// is right there — a clone run by path here, so `node <clone>/bin/buildbench.js setup` (or
// `scripts/from-source.js` while the clone has no dist/), never `npm run setup`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { BIN } from '../e2e/helpers.ts';
import { BUILDBENCH_ROOT } from '../../src/common/where.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/** What a person types to run this clone: its compiled bin once `npm run build` made dist/, else its sources. */
const SELF = existsSync(path.join(BUILDBENCH_ROOT, 'dist/cli/main.js')) ? path.join(BUILDBENCH_ROOT, 'bin/buildbench.js') : BIN;

describe('buildbench doctor in a user’s project', () => {
  it('names the setup command that works in that folder, with the scenario it was asked about', () => {
    const dir = realpathSync(tempDir('bb-doctor-'));
    mkdirSync(path.join(dir, 'scenarios'));
    mkdirSync(path.join(dir, 'app'));
    writeFileSync(path.join(dir, 'scenarios/app.yaml'), 'name: app\nproject: ../app\nvariants:\n  - {name: freeze, build: "pex . -o app.pex", requires: [pex]}\n');
    const r = spawnSync(process.execPath, [BIN, 'doctor', 'app'], { cwd: dir, encoding: 'utf8', env: { ...process.env, PATH: '/usr/bin:/bin' } });
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[1]).toMatch(/^pex +missing +- +app\/freeze +no pex in \d+ search dirs; /);
    expect(lines[1]?.replace(/^.*search dirs; /, '')).toBe(
      `run \`node ${SELF} setup app\` (installs it into buildbench's tool env, pinned by tools/requirements.lock)`,
    );
    expect(lines.at(-1)).toBe(`\`node ${SELF} setup app\` provisions what buildbench can install (tool env, wheelhouse, crates, Debian packages as root).`);
  });
});
