// doctor() and the tool prober on real tools (sh, cargo) and a tool that exists nowhere.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { doctor, type DoctorScenario } from '../../src/tools/doctor.ts';
import { formatDoctor } from '../../src/tools/format.ts';
import { createToolProber } from '../../src/tools/probe.ts';

const opts = { root: '/nonexistent-buildbench-root', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root' } };
const MISSING = 'bb-missing-tool';

const scenarios = (defaultHasMissing: boolean): DoctorScenario[] => [
  {
    name: 'alpha',
    default: true,
    variants: [
      { name: 'one', requires: ['sh', 'cargo'] },
      { name: 'two', requires: defaultHasMissing ? ['sh', MISSING] : ['sh'] },
    ],
  },
  { name: 'beta', default: false, variants: [{ name: 'three', requires: [MISSING, MISSING] }] },
];

describe('doctor', () => {
  it.each([
    { defaultHasMissing: true, defaultsRunnable: false, blocked: ['alpha/two', 'beta/three'] },
    { defaultHasMissing: false, defaultsRunnable: true, blocked: ['beta/three'] },
  ])('defaultsRunnable=$defaultsRunnable when a default variant lacks a tool: $defaultHasMissing', async (c) => {
    const report = await doctor({ scenarios: scenarios(c.defaultHasMissing), ...opts });
    expect(report.defaultsRunnable).toBe(c.defaultsRunnable);
    expect(report.blocked.map((b) => b.id)).toEqual(c.blocked);
    expect(report.blocked.at(-1)).toEqual({ id: 'beta/three', default: false, missing: [MISSING] });
    expect(report.rows.map((r) => [r.name, r.found])).toEqual([
      [MISSING, false],
      ['cargo', true],
      ['sh', true],
    ]);
    const missingRow = report.rows[0];
    expect(missingRow?.neededBy).toEqual(c.defaultHasMissing ? ['alpha/two', 'beta/three'] : ['beta/three']);
    expect(missingRow?.neededByDefault).toBe(c.defaultHasMissing);
    expect(report.rows[2]?.neededBy).toEqual(['alpha/one', 'alpha/two']);
  });

  it('formats a table with a line per tool and the blocked variants', async () => {
    const text = formatDoctor(await doctor({ scenarios: scenarios(true), ...opts }));
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^tool\s+status\s+version\s+needed by\s+path \/ how to install$/);
    expect(lines[1]).toMatch(new RegExp(`^${MISSING}\\s+MISSING\\s+-\\s+alpha/two, beta/three\\s+no ${MISSING} in \\d+ search dirs; put`));
    expect(lines[2]).toMatch(/^cargo\s+ok\s+\d+\.\d+\.\d+\s+alpha\/one\s+\/\S+\/cargo$/);
    expect(lines).toContain('  alpha/two (default): needs bb-missing-tool');
    expect(lines).toContain('  beta/three: needs bb-missing-tool');
    expect(lines.at(-1)).toBe('A plain run cannot measure alpha/two: it will record it unavailable and measure the rest. Install what is marked MISSING.');
    expect(lines[1]).toContain('put `bb-missing-tool` on PATH or name it by path');
  });

  it('does not count a variant a plain run leaves out (`default: false`) against it', async () => {
    const report = await doctor({
      scenarios: [{ name: 'alpha', default: true, variants: [{ name: 'one', requires: ['sh'] }, { name: 'extra', requires: [MISSING], plainStates: [] }] }],
      ...opts,
    });
    expect(report.blocked).toEqual([{ id: 'alpha/extra', default: false, missing: [MISSING] }]);
    expect(report.defaultsRunnable).toBe(true);
    expect(report.rows[0]).toMatchObject({ name: MISSING, neededByDefault: false });
    expect(formatDoctor(report).split('\n').at(-1)).toBe('Every variant of a plain run can run.');
  });
});

describe('createToolProber', () => {
  it('gives a version and path when found, a reason when missing, and asks once per name', async () => {
    const probe = createToolProber(opts);
    const [missing, cargo, sh] = await Promise.all([probe(MISSING), probe('cargo'), probe('sh')]);
    expect(missing).toMatchObject({ name: MISSING, found: false });
    expect(cargo.found && cargo.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(path.basename(sh.found ? sh.path : '')).toBe('sh');
    expect(probe('sh')).toBe(probe('sh'));
  });
});
