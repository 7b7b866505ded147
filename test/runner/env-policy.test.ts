// The caller's environment does not change the build measured without it being seen: a calling make's flags
// and a shared CARGO_TARGET_DIR are removed, deliberate settings (CFLAGS, RUSTFLAGS …) are passed on and
// recorded, a scenario's own env: wins, and compare says when two runs differ in them or in an artifact.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { diffArtifacts, diffEnvironments } from '../../src/compare/environment.ts';
import { cacheEnv } from '../../src/common/tool-state.ts';
import type { Environment, ResultsFile } from '../../src/results/schema.ts';
import { callerVariables, describeCallerVariables, ENV_POLICY, ruleFor } from '../../src/runner/env-policy.ts';
import { runScenario, writeScenario } from './helpers.ts';

/** Sets `vars` in this process's environment (the caller's) until the test ends. */
function callerEnv(vars: Record<string, string>): void {
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  onTestFinished(() => {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
}

describe('the environment policy table', () => {
  it.each([
    ['MAKEFLAGS', 'remove'],
    ['MAKELEVEL', 'remove'],
    ['CARGO_TARGET_DIR', 'remove'],
    ['CARGO_BUILD_TARGET_DIR', 'remove'],
    ['CARGO_BUILD_JOBS', 'record'],
    ['RUSTFLAGS', 'record'],
    ['SOURCE_DATE_EPOCH', 'record'],
    ['PEX_ROOT', 'per-variant'],
    ['PEX_PYTHON', 'record'],
    ['UV_INDEX_URL', 'record'],
    ['PYTHONPATH', 'remove'],
    ['HOME', undefined],
    ['PATH', undefined],
  ])('%s: %s', (name, action) => {
    expect(ruleFor(name)?.action).toBe(action);
  });

  it('has a reason on every line, and every variable buildbench points into a variant’s folders is per-variant', () => {
    expect(ENV_POLICY.filter((r) => r.reason.length < 10)).toEqual([]);
    expect(Object.keys(cacheEnv('/c')).filter((n) => ruleFor(n)?.action !== 'per-variant')).toEqual([]);
  });
});

describe('a run started from a make recipe with CFLAGS=-O0 on its command line', () => {
  const yaml = `name: envp
project: project
runs: 1
warmup: 0
cache: cold
variants:
  - name: make
    build: make -B -s
  - name: target
    build: 'echo "target ${'$'}{CARGO_TARGET_DIR-unset} flags $RUSTFLAGS"'
  - name: own-env
    build: 'echo "target $CARGO_TARGET_DIR"'
    env: { CARGO_TARGET_DIR: "{workdir}/t" }
  - name: elsewhere
    build: "true"
    artifact: target/debug/app
    env: { CARGO_TARGET_DIR: /tmp/bb-shared-target }
`;

  it('builds with the project’s flags, records what it removed and passed on, and lets the scenario’s env win', async () => {
    callerEnv({ MAKEFLAGS: ' -j2 --jobserver-auth=3,4 -- CFLAGS=-O0', MAKELEVEL: '1', MFLAGS: '-j2', CARGO_TARGET_DIR: '/tmp/bb-shared-target', RUSTFLAGS: '-Cdebuginfo=0' });
    const file = writeScenario({ yaml, fixture: 'make' });
    const results = await runScenario({ file });
    const log = (v: string) => readFileSync(path.join(path.dirname(file), 'out', 'logs', `envp+${v}@cold`, '1.log'), 'utf8').trim();
    const workdir = (v: string) => path.join(path.dirname(file), 'work', `envp+${v}@cold`, 'work');
    expect(log('make')).toBe('flags -O2 level 0 jobs');
    expect(log('target')).toBe('target unset flags -Cdebuginfo=0');
    expect(log('own-env')).toBe(`target ${workdir('own-env')}/t`);
    expect(results.variants.find((v) => v.variant === 'elsewhere')!.reason).toBe(
      "the build exited 0 but wrote no artifact at target/debug/app (CARGO_TARGET_DIR=/tmp/bb-shared-target sends cargo's output outside the workdir)",
    );
    const recorded = results.environment.callerVariables!;
    expect([recorded.removed.MAKEFLAGS, recorded.removed.MAKELEVEL, recorded.removed.MFLAGS, recorded.removed.CARGO_TARGET_DIR, recorded.passed.RUSTFLAGS]).toEqual([
      ' -j2 --jobserver-auth=3,4 -- CFLAGS=-O0',
      '1',
      '-j2',
      '/tmp/bb-shared-target',
      '-Cdebuginfo=0',
    ]);
  });

  it('says so in one line before the first build', () => {
    expect(describeCallerVariables(callerVariables({ MAKEFLAGS: '-j2', MAKELEVEL: '1', CFLAGS: '-O0', HOME: '/root' }))).toBe(
      "caller's environment: MAKEFLAGS, MAKELEVEL removed from every build (src/runner/env-policy.ts says why); passed on (recorded in results.json): CFLAGS=-O0",
    );
    expect(describeCallerVariables(callerVariables({ HOME: '/root' }))).toBeUndefined();
  });
});

describe('compare on two runs built differently', () => {
  const env = (callerVariables?: Environment['callerVariables']): Environment => ({
    os: 'Linux',
    kernel: '6',
    arch: 'x64',
    cpuModel: 'cpu',
    cores: 2,
    memoryBytes: 1,
    loadAvgBefore: [],
    loadAvgAfter: [],
    node: 'v20',
    hostname: 'h',
    git: null,
    tools: [],
    ...(callerVariables ? { callerVariables } : {}),
  });

  it('names each recorded or removed variable that differs', () => {
    const plain = env({ removed: {}, passed: {} });
    const underMake = env({ removed: { MAKEFLAGS: '-j2 -- CFLAGS=-O0' }, passed: { CFLAGS: '-O0' } });
    expect(diffEnvironments(plain, underMake)).toEqual([
      'the caller\'s CFLAGS (passed to every build) differs: unset in the baseline, "-O0" now',
      'the caller\'s MAKEFLAGS (removed from every build) differs: unset in the baseline, "-j2 -- CFLAGS=-O0" now',
    ]);
    expect(diffEnvironments(underMake, underMake)).toEqual([]);
    expect(diffEnvironments(env(), underMake)).toEqual([]); // an older file recorded none: nothing to compare
  });

  it('says when the same variant id wrote a different artifact', () => {
    const run = (sha256: string) => ({ variants: [{ id: 's/v@cold', artifact: { sha256 } }] }) as unknown as ResultsFile;
    expect(diffArtifacts(run('b8ad'.repeat(16)), run('0382'.repeat(16)))).toEqual(['artifact of s/v@cold differs between the runs: sha256 b8adb8adb8ad… in the baseline, 038203820382… now']);
    expect(diffArtifacts(run('b8ad'.repeat(16)), run('b8ad'.repeat(16)))).toEqual([]);
  });
});
