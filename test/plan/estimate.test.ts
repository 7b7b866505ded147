// The plan's time estimate: set-up + warm-ups + runs per variant, from earlier runs here first, then the
// committed reference timings; variants known to neither are counted, not guessed.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimatePlan, previousResults, readTimingsFile, timingsOf } from '../../src/plan/estimate.ts';
import { variantFingerprint } from '../../src/plan/fingerprint.ts';
import { buildPlan } from '../../src/plan/plan.ts';
import type { Scenario, ScenarioVariant } from '../../src/scenario/scenario.ts';
import { summarizeVariant } from '../../src/stats/index.ts';
import { results } from '../compare/fixtures.ts';
import { sample, variant } from '../stats/fixtures.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { setUpLanes } from '../../src/plan/setup-lanes.ts';

function scenarioVariant(name: string, cacheStates: ScenarioVariant['cacheStates']): ScenarioVariant {
  return { scenario: 'app', name, baseline: name === 'a', build: 'true', setup: [], clean: [], caches: [], cacheStates, plainStates: cacheStates, envLayers: [], requires: [], phases: [], network: false, needs: [], runs: 3, warmup: 0 };
}
const scenario: Scenario = {
  name: 'app', file: 'app.yaml', path: '/x/app.yaml', sha256: '', default: true, project: '/x/proj', ignore: [],
  variants: [scenarioVariant('a', ['warm']), scenarioVariant('b', ['cold']), scenarioVariant('c', ['cold'])],
};
const plan = (refs?: string[], scenarios: Scenario[] = [scenario]) => buildPlan({ scenarios, runId: 'r', seed: 1, outDir: '/out', workRoot: '/work', refs });
/** The fingerprint of app/NAME@CACHE as `scenario` defines it. */
const fp = (name: string, cache: 'warm' | 'cold') => variantFingerprint({ scenario, variant: scenario.variants.find((v) => v.name === name)!, cache });

/** reports/<run>/results.json with variant a@warm: builds of 2 s, a 60 s first build, a 30 s set-up. */
function reportsDir(): string {
  const dir = tempDir('bb-estimate-');
  const a = variant({ variant: 'a', cache: 'warm', wallMs: [1900, 2000, 2100], warmups: [sample(-1, 60_000)], setupMs: 30_000 });
  a.stats = summarizeVariant(a);
  a.fingerprint = fp('a', 'warm');
  mkdirSync(path.join(dir, 'run1'));
  writeFileSync(path.join(dir, 'run1', 'results.json'), JSON.stringify(results({ runId: 'run1', startedAt: '2026-01-01T00:00:00Z', variants: [a] })));
  return dir;
}

describe('estimatePlan', () => {
  it('costs a variant its set-up, its warm-up (a full build) and its runs', () => {
    const estimate = estimatePlan(plan(), { history: previousResults(reportsDir()) });
    // a@warm: 30 s set-up + 1 warm-up × 60 s + 3 runs × 2 s.
    expect(estimate.knownMs).toBe(30_000 + 60_000 + 3 * 2000);
    expect(estimate.setupMs).toBe(30_000);
    expect(estimate.perVariant.get('app/a@warm')).toBe(2000);
    expect(estimate.unknown).toEqual(['app/b@cold', 'app/c@cold']);
    expect([estimate.fromHere, estimate.fromReference]).toEqual([1, 0]);
  });

  it('counts set-ups of different scenarios side by side, as the runner runs them (plan/setup-lanes.ts)', () => {
    // A second scenario whose one variant has a 10 s set-up in the reference timings, beside app/a's 30 s.
    const other: Scenario = { ...scenario, name: 'other', file: 'other.yaml', path: '/x/other.yaml', variants: [{ ...scenarioVariant('a', ['cold']), scenario: 'other' }] };
    const otherFp = variantFingerprint({ scenario: other, variant: other.variants[0]!, cache: 'cold' });
    const reference = new Map([['other/a@cold', { buildMs: 1000, setupMs: 10_000, fingerprint: otherFp }]]);
    const estimate = estimatePlan(plan(undefined, [scenario, other]), { history: previousResults(reportsDir()), reference });
    const lanes = setUpLanes(2);
    // Two lanes (on two CPUs or more): the 10 s set-up runs beside the 30 s one; one lane: after it.
    expect(estimate.setupMs).toBe(lanes === 2 ? 30_000 : 40_000);
    expect(estimate.knownMs).toBe(estimate.setupMs + 60_000 + 3 * 2000 + 3 * 1000);
    expect(estimate.costMs.get('other/a@cold')).toBe(10_000 + 3 * 1000);
  });

  it('falls back on the reference timings, and prefers what was measured here', () => {
    const reference = new Map([
      ['app/a@warm', { buildMs: 99_000, fingerprint: fp('a', 'warm') }],
      ['app/b@cold', { buildMs: 10_000, fingerprint: fp('b', 'cold') }],
    ]);
    const estimate = estimatePlan(plan(), { history: previousResults(reportsDir()), reference });
    expect(estimate.knownMs).toBe(96_000 + 3 * 10_000);
    expect(estimate.unknown).toEqual(['app/c@cold']);
    expect([estimate.fromHere, estimate.fromReference]).toEqual([1, 1]);
  });

  it('takes the warm-ups of a run interrupted before its rounds after any measured timing, never as none', () => {
    const dir = tempDir('bb-estimate-');
    // Interrupted after its warm-up round: b@cold has one 40 s full build and no measured one.
    const b = variant({ variant: 'b', cache: 'cold', status: 'interrupted', reason: 'interrupted before it was measured', warmups: [sample(-1, 40_000)] });
    b.stats = summarizeVariant(b);
    b.fingerprint = fp('b', 'cold');
    mkdirSync(path.join(dir, 'run2'));
    writeFileSync(path.join(dir, 'run2', 'results.json'), JSON.stringify(results({ runId: 'run2', startedAt: '2026-01-02T00:00:00Z', variants: [b] })));
    const alone = estimatePlan(plan(), { history: previousResults(dir) });
    expect([alone.perVariant.get('app/b@cold'), alone.unknown]).toEqual([40_000, ['app/a@warm', 'app/c@cold']]);
    const reference = new Map([['app/b@cold', { buildMs: 10_000, fingerprint: fp('b', 'cold') }]]);
    expect(estimatePlan(plan(), { history: previousResults(dir), reference }).perVariant.get('app/b@cold')).toBe(10_000);
  });

  it('costs a variant built at a git ref what the same variant cost', () => {
    const estimate = estimatePlan(plan(['main', 'HEAD']), { history: [], reference: new Map([['app/b@cold', { buildMs: 1000, fingerprint: fp('b', 'cold') }]]) });
    expect(estimate.perVariant.get('app/b@cold#main')).toBe(1000);
    expect(estimate.perVariant.get('app/b@cold#HEAD')).toBe(1000);
    expect(estimate.knownMs).toBe(2 * 3 * 1000);
  });
});

describe('estimates only from the same project and build', () => {
  const reference = () => new Map([['app/b@cold', { buildMs: 10_000, fingerprint: fp('b', 'cold') }]]);

  it('never uses another project’s timing of a variant that merely shares the id', () => {
    const other = tempDir('bb-other-project-');
    writeFileSync(path.join(other, 'Cargo.toml'), '[package]\nname = "someone-else"\n');
    const theirs = estimatePlan(plan(undefined, [{ ...scenario, project: other }]), { history: previousResults(reportsDir()), reference: reference() });
    expect(theirs.knownMs).toBe(0);
    expect(theirs.unknown).toEqual(['app/a@warm', 'app/b@cold', 'app/c@cold']);
  });

  it('never uses a timing of a build that has changed since, or one measured before fingerprints', () => {
    const edited = { ...scenario, variants: scenario.variants.map((v) => (v.name === 'b' ? { ...v, build: 'make -j2' } : v)) };
    expect(estimatePlan(plan(undefined, [edited]), { history: [], reference: reference() }).unknown).toEqual(['app/a@warm', 'app/b@cold', 'app/c@cold']);
    const unmarked = new Map([['app/b@cold', { buildMs: 10_000 }]]);
    expect(estimatePlan(plan(), { history: [], reference: unmarked }).knownMs).toBe(0);
  });

  it('keeps the timing when only a description or the number of runs changes', () => {
    const reworded = { ...scenario, variants: scenario.variants.map((v) => ({ ...v, description: 'reworded', runs: 7 })) };
    expect(estimatePlan(plan(undefined, [reworded]), { history: [], reference: reference() }).perVariant.get('app/b@cold')).toBe(10_000);
  });
});

describe('timings files', () => {
  it('reads the timings of each measured variant from a results file', () => {
    const measured = variant({ variant: 'a', cache: 'warm', wallMs: [1000, 3000, 2000], warmups: [sample(-1, 5000)] });
    measured.stats = summarizeVariant(measured);
    const unmeasured = variant({ variant: 'x', status: 'unavailable', reason: 'no tool' });
    const timings = timingsOf(results({ runId: 'r', startedAt: '2026-01-01T00:00:00Z', variants: [measured, unmeasured] }));
    expect([...timings]).toEqual([['app/a@warm', { buildMs: 2000, warmupMs: 5000 }]]);
  });

  it('times a variant interrupted after its warm-ups by those full builds (on the long side), not as never measured', () => {
    const warmedOnly = variant({ variant: 'a', cache: 'warm', status: 'interrupted', reason: 'interrupted before it was measured', warmups: [sample(-1, 70_000)] });
    warmedOnly.stats = summarizeVariant(warmedOnly);
    const timings = timingsOf(results({ runId: 'r', startedAt: '2026-01-01T00:00:00Z', variants: [warmedOnly] }));
    expect([...timings]).toEqual([['app/a@warm', { buildMs: 70_000, fromWarmups: true, warmupMs: 70_000 }]]);
  });

  it('gives no reference timings for a missing or broken file, and keeps only entries with a build time', () => {
    const dir = tempDir('bb-timings-');
    expect(readTimingsFile(path.join(dir, 'missing.json')).size).toBe(0);
    writeFileSync(path.join(dir, 'broken.json'), '{"variants": ');
    expect(readTimingsFile(path.join(dir, 'broken.json')).size).toBe(0);
    writeFileSync(path.join(dir, 't.json'), JSON.stringify({ about: '', variants: { 'a/b@cold': { buildMs: 5 }, 'a/c@cold': { setupMs: 1 } } }));
    expect([...readTimingsFile(path.join(dir, 't.json')).keys()]).toEqual(['a/b@cold']);
  });
});
